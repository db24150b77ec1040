/**
 * Send Once per Key (issue 10) in n8n's engine with n8n's deduplication store (harness port of the CLI backend):
 * a key already sent is skipped in a later execution, a definite failure releases the key, an unknown outcome keeps
 * it, and the validation pass records nothing.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { processedData, runNode, runWorkflow, useSimulator } from '../../../harness';
import { keepSendOnceKey, reserveSendOnceKey } from '../../../../nodes/WhatsAppMultiDevice/helpers/sendOnce';

const gowa = useSimulator({ deviceId: 'salon-main' });

function reminder(sending: Record<string, unknown> = {}) {
	return {
		resource: 'send',
		operation: 'text',
		recipient: '={{ $json.phone }}',
		message: 'Reminder: your appointment is tomorrow at 14:00',
		options: {},
		sending: { sendOnceKey: '={{ $json.bookingId }}-reminder-24h', parallelRequests: 1, ...sending },
	};
}

const booking = (bookingId: string, phone = '6281234567890') => ({ json: { bookingId, phone } });
const delivered = () => gowa.requests().filter((request) => request.path === '/send/message' && request.response?.status === 200).length;

beforeEach(() => processedData.clear());
afterEach(() => gowa.sim.clearFailures());

describe('Send Once per Key', () => {
	it('a reminder sent by one execution is skipped by the next one with the same key', async () => {
		const first = await runNode({ parameters: reminder(), credentials: gowa.credentials(), items: [booking('BK-1')] });
		expect(first.items[0].json).toMatchObject({ status: 'sent', provider: 'gowa', tenant: 'salon-main', messageId: expect.any(String), sendOnceKey: 'BK-1-reminder-24h' });
		const second = await runNode({ parameters: reminder(), credentials: gowa.credentials(), items: [booking('BK-1'), booking('BK-2')] });
		expect(second.error).toBeUndefined();
		expect(second.items.map((item) => item.json.status)).toEqual(['skipped', 'sent']);
		expect(second.items[0].json).toEqual({
			status: 'skipped',
			provider: 'gowa',
			tenant: 'salon-main',
			reason: 'A message with this Send Once per Key was already sent',
			sendOnceKey: 'BK-1-reminder-24h',
			recipient: '6281234567890@s.whatsapp.net',
			attempts: 0,
		});
		expect(second.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(delivered()).toBe(2);
	});

	it('two items of one execution with the same key: the second is skipped', async () => {
		const result = await runNode({ parameters: reminder(), credentials: gowa.credentials(), items: [booking('BK-7'), booking('BK-7')] });
		expect(result.items.map((item) => item.json.status)).toEqual(['sent', 'skipped']);
		expect(delivered()).toBe(1);
	});

	it('two executions of one process racing on one key: one sends, the other is skipped (n8n’s store alone lets both through)', async () => {
		const runs = await Promise.all([0, 1].map(() => runNode({ parameters: reminder(), credentials: gowa.credentials(), items: [booking('BK-RACE')] })));
		expect(runs.map((run) => run.items[0].json.status).sort()).toEqual(['sent', 'skipped']);
		expect(delivered()).toBe(1);
	});

	it('a definite failure (device logged out, JSON 401) releases the key: the next execution sends', async () => {
		gowa.sim.failNext({ status: 401, count: 1, path: '/send/message' });
		const failed = await runNode({ parameters: reminder(), credentials: gowa.credentials(), items: [booking('BK-3')], continueOnFail: true });
		expect(failed.items[0].json.status).toBe('failed');
		const retried = await runNode({ parameters: reminder(), credentials: gowa.credentials(), items: [booking('BK-3')] });
		expect(retried.items[0].json.status).toBe('sent');
	});

	it('an unknown outcome (504) keeps the key: the message may have been delivered, so it is not sent again', async () => {
		gowa.sim.failNext({ status: 504, count: 1, path: '/send/message' });
		const unknown = await runNode({ parameters: reminder(), credentials: gowa.credentials(), items: [booking('BK-4')], continueOnFail: true });
		expect(unknown.items[0].json).toMatchObject({ status: 'failed', delivery: 'unknown' });
		const again = await runNode({ parameters: reminder(), credentials: gowa.credentials(), items: [booking('BK-4')] });
		expect(again.items[0].json.status).toBe('skipped');
	});

	it('the validation pass records no key: an invalid row stops the node and a fixed re-run sends every row', async () => {
		const invalid = await runNode({ parameters: reminder(), credentials: gowa.credentials(), items: [booking('BK-5'), booking('BK-6', 'not a phone')] });
		expect(invalid.error?.context?.itemIndex).toBe(1);
		expect(processedData.size).toBe(0);
		const fixed = await runNode({ parameters: reminder(), credentials: gowa.credentials(), items: [booking('BK-5'), booking('BK-6')] });
		expect(fixed.items.map((item) => item.json.status)).toEqual(['sent', 'sent']);
	});

	it('a set option that gives no key for an item fails that item before anything is sent', async () => {
		const result = await runNode({
			parameters: reminder({ sendOnceKey: '={{ $json.bookingId }}' }),
			credentials: gowa.credentials(),
			items: [booking('BK-8'), { json: { phone: '6281234567890' } }],
		});
		expect(result.error?.message).toBe('Send Once per Key is empty for this item');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(gowa.requests()).toHaveLength(0);
	});

	it('presence updates are not messages: the key does not apply to them', async () => {
		const result = await runNode({
			parameters: { resource: 'send', operation: 'presence', presence: 'available', sending: { sendOnceKey: 'presence' } },
			credentials: gowa.credentials(),
		});
		expect(result.error).toBeUndefined();
		expect(processedData.size).toBe(0);
	});
});

describe('Send Once per Key: scope and retention', () => {
	it('keys belong to the node: two Send nodes of one workflow with the same key both send', async () => {
		const fromStart = {
			...reminder({ sendOnceKey: '={{ $("Start").item.json.bookingId }}-reminder-24h' }),
			recipient: '={{ $("Start").item.json.phone }}',
		};
		const node = (name: string, id: string) => ({
			name,
			id,
			type: 'whatsAppMultiDevice',
			parameters: fromStart,
			credentials: { whatsAppMultiDeviceApi: { id: '1', name: 'GOWA' } },
		});
		const run = await runWorkflow(
			{
				nodes: [{ name: 'Start', type: 'start', parameters: {} }, node('Reminder A', 'send-a'), node('Reminder B', 'send-b')],
				connections: {
					Start: { main: [[{ node: 'Reminder A', type: 'main', index: 0 }]] },
					'Reminder A': { main: [[{ node: 'Reminder B', type: 'main', index: 0 }]] },
				},
			},
			{ whatsAppMultiDeviceApi: gowa.credentials() },
			{ items: [booking('BK-9')] },
		);
		expect((await run.itemsOf('Reminder A'))[0].json.status).toBe('sent');
		expect((await run.itemsOf('Reminder B'))[0].json.status).toBe('sent');
		expect(delivered()).toBe(2);
		expect([...processedData.keys()].map((key) => key.split('|')[1]).sort()).toEqual(['n:send-a', 'n:send-b']);
	});

	it('n8n keeps the last 10,000 keys of a node (entries mode, maxEntries); a recorded key is confirmed once', async () => {
		const { context, calls } = fakeStore();
		await expect(reserveSendOnceKey(context, 0, 'k')).resolves.toBe(true);
		expect(calls).toEqual([
			[['k'], 'node', { mode: 'entries', maxEntries: 10_000 }],
			[['k'], 'node', { mode: 'entries', maxEntries: 10_000 }],
		]);
	});
});

/** A store like n8n's whose next writes can be lost, as when another process rewrites the node's row after our write. */
function fakeStore() {
	const keys = new Set<string>();
	const calls: unknown[][] = [];
	let writesToLose = 0;
	const context = {
		getWorkflow: () => ({ id: 'wf1' }),
		getNode: () => ({ id: 'node1' }),
		helpers: {
			checkProcessedAndRecord: async (...args: unknown[]) => {
				calls.push(args);
				const [key] = args[0] as string[];
				if (keys.has(key)) return { new: [], processed: [key] };
				if (writesToLose > 0) writesToLose--;
				else keys.add(key);
				return { new: [key], processed: [] };
			},
			removeProcessed: async ([key]: string[]) => {
				keys.delete(key);
			},
		},
	} as unknown as IExecuteFunctions;
	return { context, calls, keys, loseWrites: (count: number) => (writesToLose = count) };
}

describe('Send Once per Key: n8n’s store has no lock', () => {
	it('10 executions with different keys at once in one process: every key is kept (the node’s store calls are serialised)', async () => {
		const ids = Array.from({ length: 10 }, (_, i) => `BK-PAR-${i}`);
		const first = await Promise.all(ids.map((id) => runNode({ parameters: reminder(), credentials: gowa.credentials(), items: [booking(id)] })));
		expect(first.map((run) => run.items[0].json.status)).toEqual(Array(10).fill('sent'));
		const again = await Promise.all(ids.map((id) => runNode({ parameters: reminder(), credentials: gowa.credentials(), items: [booking(id)] })));
		expect(again.map((run) => run.items[0].json.status)).toEqual(Array(10).fill('skipped'));
		expect(delivered()).toBe(10);
	});

	it('a key another process dropped right after it was recorded is recorded again before the send', async () => {
		const store = fakeStore();
		store.loseWrites(1);
		await expect(reserveSendOnceKey(store.context, 0, 'k')).resolves.toBe(true);
		expect(store.keys.has('k')).toBe(true);
		expect(store.calls).toHaveLength(3);
	});

	it('a key dropped while the message was being sent is recorded again after the send', async () => {
		const store = fakeStore();
		await reserveSendOnceKey(store.context, 0, 'k');
		store.keys.delete('k');
		await keepSendOnceKey(store.context, 'k');
		expect(store.keys.has('k')).toBe(true);
	});
});
