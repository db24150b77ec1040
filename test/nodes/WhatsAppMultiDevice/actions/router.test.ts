/**
 * The router and the delivery policy in n8n's real engine against the simulator: parallel items in input order,
 * retries that never send twice, unknown-outcome sends not repeated, the daily cap, and stopping on failure.
 */
import { runNode, useSimulator } from '../../../harness';

const gowa = useSimulator({ deviceId: 'salon-main' });

const phones = (count: number) => Array.from({ length: count }, (_, i) => `62812${String(1000000 + i)}`);

function sendText(sending: Record<string, unknown>) {
	return {
		resource: 'send',
		operation: 'text',
		recipient: '={{ $json.phone }}',
		message: '={{ "Reminder for " + $json.phone }}',
		options: {},
		sending,
	};
}

/** Successful /send/message requests per recipient phone. */
function deliveredPerPhone(): Map<string, number> {
	const counts = new Map<string, number>();
	for (const request of gowa.requests()) {
		if (request.path !== '/send/message' || request.response?.status !== 200) continue;
		const phone = String((request.json as { phone?: string } | undefined)?.phone ?? '');
		counts.set(phone, (counts.get(phone) ?? 0) + 1);
	}
	return counts;
}

afterEach(() => {
	gowa.sim.clearFailures();
	gowa.sim.setLatency(0);
	gowa.sim.hang(false);
});

describe('parallel requests', () => {
	it('runs at most "Parallel Requests" items at once and keeps input order and pairing', async () => {
		gowa.sim.setLatency(40);
		gowa.sim.resetStats();
		const list = phones(20);
		const result = await runNode({
			parameters: sendText({ parallelRequests: 5 }),
			credentials: gowa.credentials(),
			items: list.map((phone) => ({ json: { phone } })),
		});
		expect(result.error).toBeUndefined();
		expect(gowa.sim.stats.peakInFlight).toBe(5);
		expect(result.items.map((item) => item.json.recipient)).toEqual(list.map((phone) => `${phone}@s.whatsapp.net`));
		expect(result.items.map((item) => item.pairedItem)).toEqual(list.map((_, item) => ({ item })));
		expect(result.items.every((item) => item.json.status === 'sent' && item.json.attempts === 1)).toBe(true);
	});

	it('sends strictly one after another with Parallel Requests 1', async () => {
		gowa.sim.setLatency(20);
		gowa.sim.resetStats();
		await runNode({
			parameters: sendText({ parallelRequests: 1 }),
			credentials: gowa.credentials(),
			items: phones(6).map((phone) => ({ json: { phone } })),
		});
		expect(gowa.sim.stats.peakInFlight).toBe(1);
		expect(deliveredPerPhone().size).toBe(6);
	});

	it('defaults to 5 in parallel', async () => {
		gowa.sim.setLatency(40);
		gowa.sim.resetStats();
		await runNode({ parameters: sendText({}), credentials: gowa.credentials(), items: phones(12).map((phone) => ({ json: { phone } })) });
		expect(gowa.sim.stats.peakInFlight).toBe(5);
	});
});

describe('retries', () => {
	it('retries 500 and 429 and delivers every message exactly once under 30 % failures', async () => {
		gowa.sim.setFailureRate({ rate: 0.3, statuses: [500, 429], seed: 7, paths: ['/send/message'] });
		const list = phones(40);
		const result = await runNode({
			parameters: sendText({ parallelRequests: 5, maxAttempts: 10, baseDelayMs: 1 }),
			credentials: gowa.credentials(),
			items: list.map((phone) => ({ json: { phone } })),
		});
		expect(result.error).toBeUndefined();
		const delivered = deliveredPerPhone();
		expect([...delivered.values()].every((count) => count === 1)).toBe(true);
		expect(delivered.size).toBe(40);
		expect(result.items.every((item) => item.json.status === 'sent')).toBe(true);
		const attempts = result.items.map((item) => Number(item.json.attempts));
		const failedRequests = gowa.requests().filter((request) => request.response?.status !== 200).length;
		expect(attempts.reduce((a, b) => a + b, 0)).toBe(40 + failedRequests);
		expect(failedRequests).toBeGreaterThan(0);
	});

	it('reports the attempts of a message that needed retries', async () => {
		gowa.sim.failNext({ status: 500, code: 'INTERNAL_SERVER_ERROR', count: 2, path: '/send/message' });
		const result = await runNode({ parameters: sendText({ baseDelayMs: 1 }), credentials: gowa.credentials(), items: [{ json: { phone: '6281234567890' } }] });
		expect(result.items[0].json).toMatchObject({ status: 'sent', attempts: 3 });
		expect(gowa.requests()).toHaveLength(3);
	});

	it('never retries a 400 and reports the failure per item with Continue On Fail', async () => {
		gowa.sim.failNext({ status: 400, code: 'VALIDATION_ERROR', message: 'phone: cannot be blank.', count: 1, path: '/send/message' });
		const result = await runNode({
			parameters: sendText({ baseDelayMs: 1 }),
			credentials: gowa.credentials(),
			items: [{ json: { phone: '6281234567890' } }, { json: { phone: '6281234567891' } }],
			continueOnFail: true,
		});
		expect(gowa.requests()).toHaveLength(2);
		expect(result.items[0].json).toMatchObject({ status: 'failed', attempts: 1, httpCode: 400, errorCode: 'VALIDATION_ERROR' });
		expect(result.items[1].json).toMatchObject({ status: 'sent', attempts: 1 });
	});

	it('honours Retry-After', async () => {
		gowa.sim.failNext({ status: 429, code: 'WA_REACHOUT_TIMELOCK', count: 1, retryAfter: 1, path: '/send/message' });
		const result = await runNode({ parameters: sendText({ baseDelayMs: 1 }), credentials: gowa.credentials(), items: [{ json: { phone: '6281234567890' } }] });
		expect(result.items[0].json).toMatchObject({ status: 'sent', attempts: 2 });
		const [first, second] = gowa.requests();
		expect(Date.parse(String(second.time)) - Date.parse(String(first.time))).toBeGreaterThanOrEqual(950);
	});

	it('does not repeat a send whose outcome is unknown (timeout), unless allowed', async () => {
		gowa.sim.hang(true);
		const unknown = await runNode({
			parameters: sendText({ timeoutMs: 1000, baseDelayMs: 1 }),
			credentials: gowa.credentials(),
			items: [{ json: { phone: '6281234567890' } }],
			continueOnFail: true,
		});
		expect(unknown.items[0].json).toMatchObject({ status: 'failed', delivery: 'unknown', attempts: 1, errorClass: 'timeout' });
		expect(gowa.requests().filter((request) => request.path === '/send/message')).toHaveLength(1);

		gowa.sim.clearRequests();
		const allowed = await runNode({
			parameters: sendText({ timeoutMs: 1000, baseDelayMs: 1, maxAttempts: 2, retryUnknownDelivery: true }),
			credentials: gowa.credentials(),
			items: [{ json: { phone: '6281234567890' } }],
			continueOnFail: true,
		});
		expect(allowed.items[0].json).toMatchObject({ status: 'failed', attempts: 2 });
		expect(gowa.requests().filter((request) => request.path === '/send/message')).toHaveLength(2);
	});
});

describe('daily cap and stopping', () => {
	it('returns the items over the daily cap unsent with status skipped', async () => {
		const result = await runNode({
			parameters: sendText({ parallelRequests: 1, messagesPerDay: 3, onDailyLimit: 'returnUnsent' }),
			credentials: gowa.credentials(),
			items: phones(5).map((phone) => ({ json: { phone } })),
		});
		expect(result.items.map((item) => item.json.status)).toEqual(['sent', 'sent', 'sent', 'skipped', 'skipped']);
		expect(result.items[3].json.error).toMatch(/^Limit of 3 messages per execution reached/);
		expect(result.items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(deliveredPerPhone().size).toBe(3);
	});

	it('fails the remaining items by default, and nothing more is sent', async () => {
		const result = await runNode({
			parameters: sendText({ parallelRequests: 1, messagesPerDay: 2 }),
			credentials: gowa.credentials(),
			items: phones(4).map((phone) => ({ json: { phone } })),
		});
		expect(result.error?.message).toMatch(/^Limit of 2 messages per execution reached/);
		expect(result.error?.context?.itemIndex).toBe(2);
		expect(deliveredPerPhone().size).toBe(2);
	});

	it('stops starting new items after a failure without Continue On Fail', async () => {
		gowa.sim.failNext({ status: 404, code: 'DEVICE_NOT_FOUND', count: 1, path: '/send/message' });
		const result = await runNode({
			parameters: sendText({ parallelRequests: 1 }),
			credentials: gowa.credentials(),
			items: phones(4).map((phone) => ({ json: { phone } })),
		});
		expect(result.error?.message).toMatch(/has no device/);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(gowa.requests()).toHaveLength(1);
	});
});
