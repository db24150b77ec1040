/**
 * The router and the delivery policy in n8n's real engine against the simulator: parallel items in input order,
 * retries that never send twice, unknown-outcome sends not repeated, the message cap, and stopping on failure.
 * Issue 16 items 7, 8, 11, 21, 22 and issue 10: a 429 pauses the whole device queue, the cap counts only sends that
 * may have been delivered, objects from expressions never reach GOWA, every item is validated before the first send,
 * a cancelled execution sends nothing more, and the node never writes workflow static data.
 */
import type { IDataObject } from 'n8n-workflow';

import { runNode, useSimulator } from '../../../harness';

const gowa = useSimulator({ deviceId: 'salon-main' });

const phones = (count: number) => Array.from({ length: count }, (_, i) => `62812${String(1000000 + i)}`);

function sendText(sending: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
	return {
		resource: 'send',
		operation: 'text',
		recipient: '={{ $json.phone }}',
		message: '={{ "Reminder for " + $json.phone }}',
		options: {},
		sending,
		...overrides,
	};
}

const sendRequests = () => gowa.requests().filter((request) => request.path === '/send/message');

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

describe('a 429 pauses the whole device queue (item 7)', () => {
	it('with Parallel Requests 4, no send of the device starts during the Retry-After lock', async () => {
		gowa.sim.failNext({ status: 429, count: 1, path: '/send/message', retryAfter: 2 });
		const result = await runNode({
			parameters: sendText({ parallelRequests: 4, messagesPerMinute: 120 }),
			credentials: gowa.credentials(),
			items: phones(4).map((phone) => ({ json: { phone } })),
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
		const [locked, ...after] = sendRequests();
		expect(locked.response?.status).toBe(429);
		expect(after).toHaveLength(4);
		// Every other worker had its slot reserved 0.5, 1 and 1.5 s after the first send: all wait for the lock to end.
		for (const request of after) expect(Date.parse(String(request.time))).toBeGreaterThanOrEqual(Date.parse(String(locked.time)) + 2000 - 5);
	});
});

describe('the cap counts only sends that may have been delivered (item 8)', () => {
	it('a disconnected device (JSON 401, nothing sent) does not burn the cap', async () => {
		gowa.sim.failNext({ status: 401, count: 2, path: '/send/message' });
		const result = await runNode({
			parameters: sendText({ parallelRequests: 1, messagesPerDay: 2 }),
			credentials: gowa.credentials(),
			items: phones(4).map((phone) => ({ json: { phone } })),
			continueOnFail: true,
		});
		expect(result.items.map((item) => item.json.status)).toEqual(['failed', 'failed', 'sent', 'sent']);
	});

	it('a retried attempt is counted once: a send that succeeds on its third try uses one unit of the cap', async () => {
		gowa.sim.failNext({ status: 500, count: 2, path: '/send/message', message: 'try again' });
		const result = await runNode({
			parameters: sendText({ parallelRequests: 1, messagesPerDay: 2, baseDelayMs: 0 }),
			credentials: gowa.credentials(),
			items: phones(2).map((phone) => ({ json: { phone } })),
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json.status, item.json.attempts])).toEqual([['sent', 3], ['sent', 1]]);
	});

	it('an unknown outcome (timeout-like 504) keeps its count: it may have been delivered', async () => {
		gowa.sim.failNext({ status: 504, count: 1, path: '/send/message' });
		const result = await runNode({
			parameters: sendText({ parallelRequests: 1, messagesPerDay: 1, onDailyLimit: 'returnUnsent' }),
			credentials: gowa.credentials(),
			items: phones(2).map((phone) => ({ json: { phone } })),
			continueOnFail: true,
		});
		expect(result.items.map((item) => item.json.status)).toEqual(['failed', 'skipped']);
		expect(result.items[0].json.delivery).toBe('unknown');
	});
});

describe('an expression giving an object or a list is never sent as text (item 11)', () => {
	it.each([
		['Message', { message: '={{ $json.tags }}' }, { phone: '6281234567890', tags: ['a', 'b'] }, 'Message is a list, not text'],
		['Recipient', { recipient: '={{ $json.customer }}' }, { customer: { phone: '6281234567890' } }, 'Recipient is an object, not text'],
		['Reply To Message ID option', { options: { replyMessageId: '={{ $json.reply }}' } }, { phone: '6281234567890', reply: { id: 'x' } }, 'Reply To Message ID is an object, not text'],
	])('%s', async (_name, overrides, json, message) => {
		const result = await runNode({ parameters: sendText({}, overrides), credentials: gowa.credentials(), items: [{ json }] });
		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toMatch(/\[object Object\]|a,b/);
		expect(gowa.requests()).toHaveLength(0);
	});

	it('a caption that is an object fails the media send before upload', async () => {
		const result = await runNode({
			parameters: { resource: 'send', operation: 'image', recipient: '6281234567890', source: 'url', url: 'https://example.com/a.jpg', caption: '={{ $json.caption }}', options: {} },
			credentials: gowa.credentials(),
			items: [{ json: { caption: { text: 'hi' } } }],
		});
		expect(result.error?.message).toBe('Caption is an object, not text');
		expect(gowa.requests()).toHaveLength(0);
	});

	it('numbers stay allowed (a phone mapped from a spreadsheet column)', async () => {
		const result = await runNode({ parameters: sendText({}), credentials: gowa.credentials(), items: [{ json: { phone: 6281234567890 } }] });
		expect(result.error).toBeUndefined();
		expect(sendRequests()).toHaveLength(1);
	});
});

describe('every item is validated before the first send (item 21)', () => {
	const rows = [{ phone: '6281200000001' }, { phone: '6281200000002' }, { phone: 'not a phone' }, { phone: '6281200000004' }];

	it('with Check All Items First off, sending starts at once: the rows before the invalid row are sent, then the node fails there', async () => {
		const result = await runNode({ parameters: sendText({ parallelRequests: 1, checkAllItemsFirst: false }), credentials: gowa.credentials(), items: rows.map((json) => ({ json })) });
		expect(result.error?.message).toBe('Recipient: "not a phone" is not a phone number');
		expect(result.error?.context?.itemIndex).toBe(2);
		expect(sendRequests().map((request) => (request.json as { phone: string }).phone)).toEqual(['6281200000001@s.whatsapp.net', '6281200000002@s.whatsapp.net']);
	});

	it('with Check All Items First off and Continue On Fail, each row is checked just before its own send', async () => {
		const objectRow = { phone: { number: '6281200000005' } };
		const items = [...rows, objectRow].map((json) => ({ json }));
		const result = await runNode({ parameters: sendText({ parallelRequests: 2, checkAllItemsFirst: false }), credentials: gowa.credentials(), items, continueOnFail: true });
		expect(result.items.map((item) => item.json.status)).toEqual(['sent', 'sent', 'failed', 'sent', 'failed']);
		expect(result.items[4].json.error).toBe('Recipient is an object, not text');
		expect(sendRequests()).toHaveLength(3);
	});

	it('without Continue On Fail, an invalid row 2 fails the node and nothing is sent (a re-run sends nothing twice)', async () => {
		const result = await runNode({ parameters: sendText({ parallelRequests: 1 }), credentials: gowa.credentials(), items: rows.map((json) => ({ json })) });
		expect(result.error?.message).toBe('Recipient: "not a phone" is not a phone number');
		expect(result.error?.context?.itemIndex).toBe(2);
		expect(gowa.requests()).toHaveLength(0);
	});

	it('with Continue On Fail, the invalid row is an error item and the valid rows are sent', async () => {
		const result = await runNode({ parameters: sendText({ parallelRequests: 2 }), credentials: gowa.credentials(), items: rows.map((json) => ({ json })), continueOnFail: true });
		expect(result.items.map((item) => item.json.status)).toEqual(['sent', 'sent', 'failed', 'sent']);
		expect(result.items[2].json.error).toBe('Recipient: "not a phone" is not a phone number');
		expect(result.items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(sendRequests()).toHaveLength(3);
	});

	it('a media file of the wrong type in the last row stops the node before the first upload', async () => {
		const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
		const result = await runNode({
			parameters: { resource: 'send', operation: 'image', recipient: '6281234567890', source: 'binary', binaryPropertyName: 'data', options: {} },
			credentials: gowa.credentials(),
			items: [
				{ json: {}, binary: { data: { data: jpeg, mimeType: 'image/jpeg', fileName: 'a.jpg' } } },
				{ json: {}, binary: { data: { data: Buffer.from('%PDF-1.4'), mimeType: 'application/pdf', fileName: 'b.pdf' } } },
			],
		});
		expect(result.error?.message).toMatch(/is application\/pdf, which GOWA does not accept/);
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(gowa.requests()).toHaveLength(0);
	});

	it('validation holds requests: operations that read from GOWA are not called twice per item', async () => {
		const result = await runNode({
			parameters: { resource: 'user', operation: 'check', phone: '={{ $json.phone }}' },
			credentials: gowa.credentials(),
			items: [{ json: { phone: '6281200000001' } }, { json: { phone: '6281200000002' } }],
		});
		expect(result.error).toBeUndefined();
		expect(gowa.requests()).toHaveLength(2);
	});
});

describe('cancelling the execution (item 22)', () => {
	// One message a minute: before the fix the node slept 60 s per item after the cancel (past the test's 30 s
	// timeout); now the wait ends on the execution's cancel signal.
	it('ends the pacing wait and starts no further request', async () => {
		let cancel: () => void = () => {};
		const cancelled = new Promise<void>((resolve) => {
			cancel = resolve;
		});
		const watcher = (async () => {
			while (!sendRequests()[0]?.response) await new Promise((resolve) => setImmediate(resolve));
			cancel();
		})();
		const result = await runNode({
			parameters: sendText({ parallelRequests: 1, messagesPerMinute: 1 }),
			credentials: gowa.credentials(),
			items: phones(3).map((phone) => ({ json: { phone } })),
			cancelWhen: cancelled,
		});
		await watcher;
		expect(result.run.status).toBe('canceled');
		expect(sendRequests()).toHaveLength(1);
	});
});

describe('no workflow static data is written from execute() (issue 10)', () => {
	it('a run with a message cap leaves static data untouched', async () => {
		const staticData: IDataObject = {};
		const result = await runNode({
			parameters: sendText({ messagesPerDay: 5 }),
			credentials: gowa.credentials(),
			items: phones(3).map((phone) => ({ json: { phone } })),
			staticData,
		});
		expect(result.error).toBeUndefined();
		expect(staticData).toEqual({});
	});
});
