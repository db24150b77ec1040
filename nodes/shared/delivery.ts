import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { DescribedFailure } from './errors';

/**
 * How one execution of the action node delivers requests: pacing per tenant device, a message cap per execution,
 * retries with backoff, cancellation. The router creates one policy per execution; the transport consults it.
 * Everything here is per execution and in memory: limits across executions belong to Redis or the proxy (README).
 */

export interface DeliverySettings {
	/** Items processed at the same time (1 = strictly one after another). */
	parallelRequests: number;
	messagesPerMinute: number;
	messagesPerHour: number;
	/** Message cap per device for one execution (parameter key kept from 0.1, when it was a daily cap). */
	messagesPerDay: number;
	/** Extra random pause between two sends of one device, 0…jitterMs. */
	jitterMs: number;
	/** What happens to items once the cap is reached. */
	onDailyLimit: 'fail' | 'returnUnsent';
	maxAttempts: number;
	baseDelayMs: number;
	/** Longest wait a Retry-After header may impose before we give up instead. */
	maxRetryAfterMs: number;
	/** Retry sends whose outcome is unknown (timeout, 504, connection reset): they may have been delivered. */
	retryUnknownDelivery: boolean;
	timeoutMs: number;
	/** Every item is checked before the first request (off: each item just before its own). */
	checkAllItemsFirst: boolean;
}

export const DEFAULT_DELIVERY: DeliverySettings = {
	parallelRequests: 5,
	messagesPerMinute: 0,
	messagesPerHour: 0,
	messagesPerDay: 0,
	jitterMs: 0,
	onDailyLimit: 'fail',
	maxAttempts: 3,
	baseDelayMs: 1000,
	maxRetryAfterMs: 120_000,
	retryUnknownDelivery: false,
	timeoutMs: 60_000,
	checkAllItemsFirst: true,
};

const HOUR = 3_600_000;

/**
 * Raised when a device's message cap for this execution is used up ("Messages per Day" in old workflows); the router
 * turns it into a failed or skipped item.
 */
export class DailyLimitReached extends Error {
	constructor(
		readonly deviceKey: string,
		readonly limit: number,
	) {
		super(`Limit of ${limit} messages per execution reached for this device`);
		this.name = 'DailyLimitReached';
	}
}

/** The execution was cancelled while waiting (pacing, jitter, retry backoff): nothing more may be sent. */
export class ExecutionCancelled extends Error {
	constructor() {
		super('The execution was cancelled; no further request was sent');
		this.name = 'ExecutionCancelled';
	}
}

/** Longest single sleep: a cancelled wait leaves at most this much of n8n's sleep timer behind. */
const WAIT_SLICE_MS = 1000;

/**
 * Waits `ms` with n8n's sleep, or ends at once when the execution's cancel signal fires (then throws
 * ExecutionCancelled). No timers of our own: each slice of n8n's sleep races the signal's abort event, and sleeping
 * in slices of at most a second means a cancelled wait leaves no long timer behind.
 */
export async function abortableWait(
	ms: number,
	signal: AbortSignal | undefined,
	wait: (ms: number) => Promise<void> = sleep,
	sliceMs = WAIT_SLICE_MS,
): Promise<void> {
	if (signal?.aborted) throw new ExecutionCancelled();
	let onAbort = (): void => {};
	const aborted = new Promise<void>((resolve) => {
		onAbort = () => resolve();
		signal?.addEventListener('abort', onAbort, { once: true });
	});
	try {
		for (let remaining = ms; remaining > 0 && signal?.aborted !== true; remaining -= sliceMs) {
			await Promise.race([wait(Math.min(remaining, sliceMs)), aborted]);
		}
	} finally {
		signal?.removeEventListener('abort', onAbort);
	}
	if (signal?.aborted) throw new ExecutionCancelled();
}

export interface PacerClock {
	now?: () => number;
	random?: () => number;
	/** How the pacer waits (n8n's sleep by default; tests pass a fake clock). */
	wait?: (ms: number) => Promise<void>;
	/** The execution's cancel signal: waits end when it fires. */
	signal?: AbortSignal;
}

/**
 * Paces message sends per device and keeps the message cap of one execution. Counts live in memory, per execution:
 * nothing is written to workflow static data (queue-mode workers neither load nor safely write it).
 */
export class Pacer {
	private readonly nextSlotAt = new Map<string, number>();

	/** Bumped by pause(): a caller that slept through a pause takes a new slot after it. */
	private readonly pauses = new Map<string, number>();

	/** Sends counted against the cap per device: attempts in flight plus sends that may have been delivered. */
	private readonly counted = new Map<string, number>();

	private readonly now: () => number;

	private readonly random: () => number;

	private readonly waitFor: (ms: number) => Promise<void>;

	constructor(
		private readonly settings: DeliverySettings,
		clock: PacerClock = {},
	) {
		this.now = clock.now ?? Date.now;
		this.random = clock.random ?? Math.random;
		const wait = clock.wait ?? sleep;
		const sliceMs = clock.wait === undefined ? WAIT_SLICE_MS : Number.POSITIVE_INFINITY;
		this.waitFor = async (ms) => await abortableWait(ms, clock.signal, wait, sliceMs);
	}

	/** Minimum spacing between two sends of one device, from the per-minute and per-hour limits. */
	get intervalMs(): number {
		const perMinute = this.settings.messagesPerMinute > 0 ? 60_000 / this.settings.messagesPerMinute : 0;
		const perHour = this.settings.messagesPerHour > 0 ? HOUR / this.settings.messagesPerHour : 0;
		return Math.max(perMinute, perHour);
	}

	/** Sends of this device in this execution that may have been delivered (or are in flight). */
	sentCount(deviceKey: string): number {
		return this.counted.get(deviceKey) ?? 0;
	}

	/** Gives back the count of an attempt that was definitely not delivered (answered with an error, or retried). */
	release(deviceKey: string): void {
		const count = this.sentCount(deviceKey);
		if (count > 0) this.counted.set(deviceKey, count - 1);
	}

	/**
	 * Pauses the whole device queue (a 429 reach-out time lock): no send of this device starts before now + ms,
	 * including callers already waiting for a slot.
	 */
	pause(deviceKey: string, ms: number): void {
		const until = this.now() + Math.max(0, ms);
		this.nextSlotAt.set(deviceKey, Math.max(until, this.nextSlotAt.get(deviceKey) ?? 0));
		this.pauses.set(deviceKey, (this.pauses.get(deviceKey) ?? 0) + 1);
	}

	/**
	 * Counts one send against the cap, then waits for this device's next free slot and reserves it. Reservation
	 * happens before the first await, so concurrent callers queue up in call order. A pause while waiting sends the
	 * caller to a new slot after the pause. The count is given back if the wait is cancelled.
	 */
	async acquire(deviceKey: string): Promise<void> {
		const limit = this.settings.messagesPerDay;
		if (limit > 0 && this.sentCount(deviceKey) >= limit) throw new DailyLimitReached(deviceKey, limit);
		this.counted.set(deviceKey, this.sentCount(deviceKey) + 1);
		let slotTaken = false;
		try {
			for (;;) {
				const pausesSeen = this.pauses.get(deviceKey) ?? 0;
				const interval = this.intervalMs;
				const jitter = this.settings.jitterMs > 0 ? Math.floor(this.random() * (this.settings.jitterMs + 1)) : 0;
				const now = this.now();
				const at = Math.max(now, this.nextSlotAt.get(deviceKey) ?? now);
				this.nextSlotAt.set(deviceKey, at + interval + jitter);
				if (at > now) await this.waitFor(at - now);
				if (at <= now || (this.pauses.get(deviceKey) ?? 0) === pausesSeen) {
					slotTaken = true;
					return;
				}
			}
		} finally {
			// Cancelled while waiting: nothing was sent, the count goes back.
			if (!slotTaken) this.release(deviceKey);
		}
	}
}

/** Exponential backoff with equal jitter: base·2^(n−1)·[0.5, 1). Retry-After wins when the server sends it. */
export function backoffMs(settings: DeliverySettings, failedAttempt: number, retryAfterMs: number | undefined, random = Math.random): number {
	if (retryAfterMs !== undefined) return retryAfterMs;
	const exponential = settings.baseDelayMs * 2 ** (failedAttempt - 1);
	return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** Whether a failed attempt should be tried again. */
export function shouldRetry(
	settings: DeliverySettings,
	failure: DescribedFailure,
	attempt: number,
	idempotent: boolean,
	retryAfterMs: number | undefined,
): boolean {
	if (attempt >= settings.maxAttempts) return false;
	if (!failure.transient) return false;
	if (failure.deliveryUnknown && !idempotent && !settings.retryUnknownDelivery) return false;
	if (retryAfterMs !== undefined && retryAfterMs > settings.maxRetryAfterMs) return false;
	return true;
}

/** Sentinel thrown by the transport during the router's validation pass: the item got as far as its first request. */
export class RequestHeldForValidation extends Error {
	constructor() {
		super('Validation pass: requests are held until every item is valid');
		this.name = 'RequestHeldForValidation';
	}
}

/** The per-execution state the transport consults: settings, pacer, attempt counts, cancellation, validation pass. */
export class DeliveryPolicy {
	readonly attempts = new Map<number, number>();

	readonly pacer: Pacer;

	/** True while the router validates all items: every request is held (refused) and its item noted as valid. */
	validating = false;

	/** Items whose validation reached their first request (everything before it was valid). */
	readonly reachedRequest = new Set<number>();

	constructor(
		readonly settings: DeliverySettings,
		readonly signal?: AbortSignal,
		clock: PacerClock = {},
	) {
		this.pacer = new Pacer(settings, { signal, ...clock });
	}

	get cancelled(): boolean {
		return this.signal?.aborted === true;
	}

	/** Called by the transport before every request attempt: refuses it when cancelled or while validating. */
	beforeRequest(itemIndex: number | undefined): void {
		if (this.cancelled) throw new ExecutionCancelled();
		if (this.validating) {
			if (itemIndex !== undefined) this.reachedRequest.add(itemIndex);
			throw new RequestHeldForValidation();
		}
	}

	/**
	 * After a failed message send: the cap count is given back unless the message may have been delivered and is not
	 * retried (unknown outcome); a 429 pauses the whole device queue for `delayMs`.
	 */
	afterFailedSend(deviceKey: string, failure: { deliveryUnknown?: boolean; failure: { httpCode?: number } } | undefined, retrying: boolean, delayMs: number): void {
		if (retrying || (failure !== undefined && !failure.deliveryUnknown)) this.pacer.release(deviceKey);
		if (failure?.failure.httpCode === 429) this.pacer.pause(deviceKey, Math.min(delayMs, this.settings.maxRetryAfterMs));
	}

	/** Backoff before a retry; ends at once when the execution is cancelled. */
	async waitBeforeRetry(ms: number): Promise<void> {
		await abortableWait(ms, this.signal);
	}

	recordAttempt(itemIndex: number | undefined): void {
		if (itemIndex === undefined) return;
		this.attempts.set(itemIndex, (this.attempts.get(itemIndex) ?? 0) + 1);
	}

	attemptsOf(itemIndex: number): number {
		return this.attempts.get(itemIndex) ?? 0;
	}
}

const policies = new WeakMap<object, DeliveryPolicy>();

export function attachDeliveryPolicy(context: object, policy: DeliveryPolicy): void {
	policies.set(context, policy);
}

export function deliveryPolicyOf(context: object): DeliveryPolicy | undefined {
	return policies.get(context);
}

/** Requests that deliver a message to someone: paced and counted. Presence and typing are not messages. */
export function isMessageSend(method: string, path: string): boolean {
	if (method !== 'POST') return false;
	if (/^\/send\/(message|image|audio|file|video|sticker|contact|link|location|poll)$/.test(path)) return true;
	return /^\/message\/[^/]+\/forward$/.test(path);
}

/** Reads the node's "Sending" collection into settings, clamping nonsense to safe values. */
export function deliverySettingsFrom(options: IDataObject): DeliverySettings {
	const number = (key: keyof DeliverySettings, min: number, max: number): number => {
		const value = Number(options[key] ?? DEFAULT_DELIVERY[key]);
		if (!Number.isFinite(value)) return DEFAULT_DELIVERY[key] as number;
		return Math.min(max, Math.max(min, value));
	};
	return {
		parallelRequests: Math.floor(number('parallelRequests', 1, 100)),
		messagesPerMinute: number('messagesPerMinute', 0, 100_000),
		messagesPerHour: number('messagesPerHour', 0, 1_000_000),
		messagesPerDay: Math.floor(number('messagesPerDay', 0, 10_000_000)),
		jitterMs: Math.floor(number('jitterMs', 0, 600_000)),
		onDailyLimit: options.onDailyLimit === 'returnUnsent' ? 'returnUnsent' : 'fail',
		maxAttempts: Math.floor(number('maxAttempts', 1, 10)),
		baseDelayMs: number('baseDelayMs', 0, 600_000),
		maxRetryAfterMs: number('maxRetryAfterMs', 0, 3_600_000),
		retryUnknownDelivery: options.retryUnknownDelivery === true,
		timeoutMs: number('timeoutMs', 1_000, 600_000),
		checkAllItemsFirst: options.checkAllItemsFirst !== false,
	};
}
