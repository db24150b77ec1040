import {
	DEFAULT_DELIVERY,
	DailyLimitReached,
	ExecutionCancelled,
	Pacer,
	abortableWait,
	backoffMs,
	deliverySettingsFrom,
	isMessageSend,
	shouldRetry,
} from '../../../nodes/shared/delivery';
import type { DeliverySettings } from '../../../nodes/shared/delivery';
import { describeFailure } from '../../../nodes/shared/errors';

/** A clock that only moves when the pacer waits: makes pacing exact and instant to test. */
function fakeClock(start = Date.UTC(2026, 10, 21, 9, 0, 0)) {
	let now = start;
	return {
		now: () => now,
		wait: async (ms: number) => {
			now += ms;
		},
		advance: (ms: number) => {
			now += ms;
		},
		elapsed: () => now - start,
	};
}

function settings(overrides: Partial<DeliverySettings>): DeliverySettings {
	return { ...DEFAULT_DELIVERY, ...overrides };
}

describe('Pacer', () => {
	it('sends 120 messages at 60/min in 2 minutes ± 2 % of simulated time', async () => {
		const clock = fakeClock();
		const pacer = new Pacer(settings({ messagesPerMinute: 60 }), { now: clock.now, random: Math.random, wait: clock.wait });
		const sentAt: number[] = [];
		for (let i = 0; i < 120; i++) {
			await pacer.acquire('tenant#dev');
			sentAt.push(clock.elapsed());
		}
		// The 120th send goes out at 119 s; it completes within the 120th second.
		expect(sentAt[0]).toBe(0);
		expect(sentAt[119]).toBe(119_000);
		expect(sentAt[119] + 1000).toBeGreaterThanOrEqual(120_000 * 0.98);
		expect(sentAt[119] + 1000).toBeLessThanOrEqual(120_000 * 1.02);
		const gaps = sentAt.slice(1).map((t, i) => t - sentAt[i]);
		expect(new Set(gaps)).toEqual(new Set([1000]));
	});

	it('queues concurrent callers in call order, one slot each', async () => {
		const clock = fakeClock();
		const pacer = new Pacer(settings({ messagesPerMinute: 30 }), { now: clock.now, random: Math.random, wait: clock.wait });
		const order: number[] = [];
		const waits: number[] = [];
		const waitSpy = async (ms: number) => {
			waits.push(ms);
		};
		const concurrent = new Pacer(settings({ messagesPerMinute: 30 }), { now: clock.now, random: Math.random, wait: waitSpy });
		await Promise.all([0, 1, 2, 3].map(async (n) => {
			await concurrent.acquire('k');
			order.push(n);
		}));
		expect(waits).toEqual([2000, 4000, 6000]);
		expect(order).toEqual([0, 1, 2, 3]);
		expect(pacer.intervalMs).toBe(2000);
	});

	it('paces each device separately and takes the stricter of minute and hour limits', async () => {
		const clock = fakeClock();
		const pacer = new Pacer(settings({ messagesPerMinute: 60, messagesPerHour: 1800 }), { now: clock.now, random: Math.random, wait: clock.wait });
		expect(pacer.intervalMs).toBe(2000);
		await pacer.acquire('a');
		await pacer.acquire('b');
		expect(clock.elapsed()).toBe(0);
		await pacer.acquire('a');
		expect(clock.elapsed()).toBe(2000);
	});

	it('adds random jitter between sends', async () => {
		const clock = fakeClock();
		const pacer = new Pacer(settings({ jitterMs: 500 }), { now: clock.now, random: () => 0.5, wait: clock.wait });
		await pacer.acquire('a');
		await pacer.acquire('a');
		expect(clock.elapsed()).toBe(250);
	});

	it('keeps the message cap per execution, in memory: a new execution (new pacer) starts from 0', async () => {
		const clock = fakeClock();
		const first = new Pacer(settings({ messagesPerDay: 2 }), { now: clock.now, wait: clock.wait });
		await first.acquire('a');
		await first.acquire('a');
		await expect(first.acquire('a')).rejects.toBeInstanceOf(DailyLimitReached);
		await expect(first.acquire('b')).resolves.toBeUndefined();
		const next = new Pacer(settings({ messagesPerDay: 2 }), { now: clock.now, wait: clock.wait });
		await expect(next.acquire('a')).resolves.toBeUndefined();
	});

	it('gives a count back for a send that was definitely not delivered (issue 16 item 8)', async () => {
		const clock = fakeClock();
		const pacer = new Pacer(settings({ messagesPerDay: 1 }), { now: clock.now, wait: clock.wait });
		await pacer.acquire('a');
		pacer.release('a');
		await expect(pacer.acquire('a')).resolves.toBeUndefined();
		await expect(pacer.acquire('a')).rejects.toBeInstanceOf(DailyLimitReached);
		expect(pacer.sentCount('a')).toBe(1);
	});

	it('a pause holds the whole device queue, callers already waiting included (issue 16 item 7)', async () => {
		const clock = fakeClock();
		const startedAt: Record<string, number> = {};
		let release: () => void = () => {};
		const firstWait = new Promise<void>((resolve) => {
			release = resolve;
		});
		let waits = 0;
		// The first wait blocks until the test releases it (a send in flight gets a 429 meanwhile); later waits advance the clock.
		const wait = async (ms: number) => {
			waits++;
			if (waits === 1) await firstWait;
			clock.advance(ms);
		};
		const pacer = new Pacer(settings({ messagesPerMinute: 60 }), { now: clock.now, wait });
		await pacer.acquire('dev');
		startedAt.first = clock.elapsed();
		const second = pacer.acquire('dev').then(() => {
			startedAt.second = clock.elapsed();
		});
		pacer.pause('dev', 30_000);
		release();
		await second;
		await pacer.acquire('other');
		startedAt.otherDevice = clock.elapsed();
		expect(startedAt.first).toBe(0);
		expect(startedAt.second).toBeGreaterThanOrEqual(30_000);
	});

	it('ends a pacing wait when the execution is cancelled, gives the count back, and starts nothing (issue 16 item 22)', async () => {
		const controller = new AbortController();
		const clock = fakeClock();
		// A wait that never ends by itself: only the cancel signal can end it (no wall time in this test).
		const never = async () => await new Promise<void>(() => {});
		const pacer = new Pacer(settings({ messagesPerMinute: 1, messagesPerDay: 5 }), { now: clock.now, wait: never, signal: controller.signal });
		await pacer.acquire('a');
		const waiting = pacer.acquire('a');
		controller.abort();
		await expect(waiting).rejects.toBeInstanceOf(ExecutionCancelled);
		expect(pacer.sentCount('a')).toBe(1);
		await expect(pacer.acquire('a')).rejects.toBeInstanceOf(ExecutionCancelled);
	});

	it('abortableWait: a cancelled signal ends a never-ending sleep; an already cancelled one does not wait at all', async () => {
		const controller = new AbortController();
		const never = async () => await new Promise<void>(() => {});
		const waiting = abortableWait(60_000, controller.signal, never);
		controller.abort();
		await expect(waiting).rejects.toBeInstanceOf(ExecutionCancelled);
		let called = false;
		await expect(abortableWait(10, controller.signal, async () => {
			called = true;
		})).rejects.toBeInstanceOf(ExecutionCancelled);
		expect(called).toBe(false);
	});
});

describe('retries', () => {
	const base = settings({ maxAttempts: 4, baseDelayMs: 1000 });
	const failure = (httpCode?: number, code?: string, networkCode?: string) =>
		describeFailure({ httpCode, code, networkCode });

	it.each([
		[400, 'VALIDATION_ERROR'],
		[401, undefined],
		[401, 'AUTHENTICATION_ERROR'],
		[404, 'DEVICE_NOT_FOUND'],
		[400, 'INVALID_JID'],
	])('never retries HTTP %s %s', (http, code) => {
		expect(shouldRetry(base, failure(http, code), 1, false, undefined)).toBe(false);
		expect(shouldRetry(base, failure(http, code), 1, true, undefined)).toBe(false);
	});

	it.each([
		[429, 'WA_REACHOUT_TIMELOCK', undefined],
		[500, 'INTERNAL_SERVER_ERROR', undefined],
		[503, 'DEVICE_MANAGER_UNAVAILABLE', undefined],
		[undefined, undefined, 'ECONNREFUSED'],
		[undefined, undefined, 'EAI_AGAIN'],
		[undefined, undefined, 'EHOSTUNREACH'],
	])('retries HTTP %s %s %s until attempts run out', (http, code, net) => {
		expect(shouldRetry(base, failure(http, code, net), 1, false, undefined)).toBe(true);
		expect(shouldRetry(base, failure(http, code, net), 3, false, undefined)).toBe(true);
		expect(shouldRetry(base, failure(http, code, net), 4, false, undefined)).toBe(false);
	});

	it.each([
		[504, 'GATEWAY_TIMEOUT', undefined],
		[502, undefined, undefined],
		[504, undefined, undefined],
		[undefined, undefined, 'ETIMEDOUT'],
		[undefined, undefined, 'ECONNRESET'],
		[undefined, undefined, 'EPIPE'],
		[undefined, undefined, 'ERR_BAD_RESPONSE'],
		[undefined, undefined, 'ERR_SOMETHING_NEW'],
		[undefined, undefined, undefined],
	])('does not repeat a send with unknown outcome (%s %s %s) unless allowed; reads are retried', (http, code, net) => {
		const unknown = failure(http, code, net);
		expect(unknown.deliveryUnknown).toBe(true);
		expect(shouldRetry(base, unknown, 1, false, undefined)).toBe(false);
		expect(shouldRetry(base, unknown, 1, true, undefined)).toBe(true);
		expect(shouldRetry({ ...base, retryUnknownDelivery: true }, unknown, 1, false, undefined)).toBe(true);
	});

	it.each([
		['ENOTFOUND'],
		['CERT_HAS_EXPIRED'],
		['DEPTH_ZERO_SELF_SIGNED_CERT'],
		['ERR_TLS_CERT_ALTNAME_INVALID'],
	])('a failure that proves nothing was sent (%s) leaves the delivery known', (net) => {
		expect(failure(undefined, undefined, net).deliveryUnknown).toBe(false);
	});

	it('gives up when Retry-After asks for longer than allowed', () => {
		expect(shouldRetry(base, failure(429, 'WA_REACHOUT_TIMELOCK'), 1, false, 60_000)).toBe(true);
		expect(shouldRetry(base, failure(429, 'WA_REACHOUT_TIMELOCK'), 1, false, 3_600_000)).toBe(false);
	});

	it('backs off exponentially with jitter, and honours Retry-After', () => {
		expect(backoffMs(base, 1, undefined, () => 0)).toBe(500);
		expect(backoffMs(base, 1, undefined, () => 0.999)).toBe(1000);
		expect(backoffMs(base, 3, undefined, () => 0)).toBe(2000);
		expect(backoffMs(base, 3, undefined, () => 0.999)).toBe(3998);
		expect(backoffMs(base, 2, 7000, () => 0.5)).toBe(7000);
	});
});

describe('settings and classification', () => {
	it('reads the Sending collection with safe defaults and clamps', () => {
		expect(deliverySettingsFrom({})).toEqual(DEFAULT_DELIVERY);
		const read = deliverySettingsFrom({ parallelRequests: 0, maxAttempts: 99, messagesPerMinute: -5, onDailyLimit: 'returnUnsent', retryUnknownDelivery: true });
		expect(read.parallelRequests).toBe(1);
		expect(read.maxAttempts).toBe(10);
		expect(read.messagesPerMinute).toBe(0);
		expect(read.onDailyLimit).toBe('returnUnsent');
		expect(read.retryUnknownDelivery).toBe(true);
	});

	it('counts only message sends for pacing', () => {
		expect(isMessageSend('POST', '/send/message')).toBe(true);
		expect(isMessageSend('POST', '/send/image')).toBe(true);
		expect(isMessageSend('POST', '/message/3EB0ABC/forward')).toBe(true);
		expect(isMessageSend('POST', '/send/presence')).toBe(false);
		expect(isMessageSend('POST', '/send/chat-presence')).toBe(false);
		expect(isMessageSend('GET', '/chats')).toBe(false);
		expect(isMessageSend('POST', '/message/3EB0ABC/reaction')).toBe(false);
	});
});

describe('permanent 500 answers', () => {
	it.each(['device x not found', 'device org_2 already exists', 'no pending passkey', 'not implemented', 'message has no media'])(
		'does not retry "%s"',
		(message) => {
			const failure = describeFailure({ httpCode: 500, code: 'INTERNAL_SERVER_ERROR', serverMessage: message });
			expect(shouldRetry(DEFAULT_DELIVERY, failure, 1, true, undefined)).toBe(false);
		},
	);

	it('retries a 500 that may pass next time', () => {
		const failure = describeFailure({ httpCode: 500, code: 'INTERNAL_SERVER_ERROR', serverMessage: 'failed to upload media: connection closed' });
		expect(shouldRetry(DEFAULT_DELIVERY, failure, 1, false, undefined)).toBe(true);
	});
});
