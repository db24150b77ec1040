import { MAX_KEYS, SeenKeys, dedupKey, forgetInProcess, isDuplicate } from '../../../nodes/WhatsAppMultiDeviceTrigger/dedup';
import { asGowaEvent } from '../../../nodes/WhatsAppMultiDeviceTrigger/normalize';

const MINUTE = 60_000;
const WINDOW = 10 * MINUTE;

function raw(body: unknown): Buffer {
	return Buffer.from(JSON.stringify(body));
}

function keyOf(body: Record<string, unknown>): string {
	return dedupKey(asGowaEvent(body)!, raw(body));
}

const message = { event: 'message', device_id: '628111@s.whatsapp.net', payload: { id: '3EB0AAA', body: 'hi', timestamp: '2026-01-01T10:00:00Z' } };

beforeEach(() => forgetInProcess());

describe('deduplication keys', () => {
	test('same device, event and payload id → same key, whatever else differs', () => {
		const again = { ...message, payload: { ...message.payload, sender_display_name: 'renamed' } };
		expect(keyOf(again)).toBe(keyOf(message));
	});

	test('device and event are part of the key', () => {
		expect(keyOf({ ...message, device_id: '628222@s.whatsapp.net' })).not.toBe(keyOf(message));
		expect(keyOf({ ...message, event: 'message.edited' })).not.toBe(keyOf(message));
	});

	test('receipts: the ids (in any order), receipt type and who acknowledged', () => {
		const ack = (ids: string[], type = 'read', from = '628333@s.whatsapp.net') => ({
			event: 'message.ack', device_id: 'd', timestamp: `2026-01-01T10:00:0${ids.length}Z`, payload: { ids, receipt_type: type, from, chat_id: 'g@g.us' },
		});
		expect(keyOf(ack(['A', 'B']))).toBe(keyOf({ ...ack(['B', 'A']), timestamp: 'other' }));
		expect(keyOf(ack(['A']))).not.toBe(keyOf(ack(['A'], 'delivered')));
		expect(keyOf(ack(['A']))).not.toBe(keyOf(ack(['A'], 'read', '628444@s.whatsapp.net')));
	});

	test('calls by call_id, deletions by deleted_message_id', () => {
		const call = (id: string, ts: string) => ({ event: 'call.offer', device_id: 'd', timestamp: ts, payload: { call_id: id, from: 'x' } });
		expect(keyOf(call('C1', 't1'))).toBe(keyOf(call('C1', 't2')));
		expect(keyOf(call('C1', 't1'))).not.toBe(keyOf(call('C2', 't1')));
		const deleted = (ts: string) => ({ event: 'message.deleted', device_id: 'd', payload: { deleted_message_id: 'M', timestamp: ts } });
		expect(keyOf(deleted('a'))).toBe(keyOf(deleted('b')));
	});

	test('channel posts: a live update of the same post (new counts, new timestamp) is a new event; a byte-identical retry is not', () => {
		const post = (views: number, timestamp: string) => ({
			event: 'newsletter.message', device_id: 'd', timestamp,
			payload: { newsletter_id: '120363123456789@newsletter', messages: [{ server_id: 123, message_id: 'ABC123DEF456', type: 'text', timestamp: '2026-01-18T12:00:00Z', views_count: views }] },
		});
		const first = post(1500, '2026-01-18T12:00:00Z');
		expect(keyOf(post(1800, '2026-01-18T12:05:00Z'))).not.toBe(keyOf(first));
		expect(keyOf(post(1500, '2026-01-18T12:05:00Z'))).not.toBe(keyOf(first));
		expect(keyOf(JSON.parse(JSON.stringify(first)))).toBe(keyOf(first));
	});

	test('events without an id fall back to the exact bytes (a GOWA retry repeats them byte for byte)', () => {
		const presence = { event: 'chat_presence', device_id: 'd', timestamp: '2026-01-22T12:00:00Z', payload: { from: 'x', chat_id: 'y', state: 'composing' } };
		const event = asGowaEvent(presence)!;
		expect(dedupKey(event, raw(presence))).toBe(dedupKey(event, raw(presence)));
		const later = { ...presence, timestamp: '2026-01-22T12:00:05Z' };
		expect(dedupKey(asGowaEvent(later)!, raw(later))).not.toBe(dedupKey(event, raw(presence)));
		expect(keyOf(presence)).toMatch(/^[0-9a-f]{32}$/);
	});
});

describe('window and bound (SeenKeys)', () => {
	test('a repeat inside the window is a duplicate, after the window it is new again', () => {
		const seen = new SeenKeys();
		expect(seen.checkAndRecord('k', 0, WINDOW)).toBe(false);
		expect(seen.checkAndRecord('k', 9 * MINUTE, WINDOW)).toBe(true);
		expect(seen.checkAndRecord('k', 10 * MINUTE, WINDOW)).toBe(false);
		expect(seen.checkAndRecord('k', 19 * MINUTE, WINDOW)).toBe(true);
	});

	test('the first sighting counts: repeats do not extend the window', () => {
		const seen = new SeenKeys();
		seen.checkAndRecord('k', 0, WINDOW);
		expect(seen.checkAndRecord('k', 8 * MINUTE, WINDOW)).toBe(true);
		expect(seen.checkAndRecord('k', 10 * MINUTE + 1, WINDOW)).toBe(false);
	});

	test(`at most ${MAX_KEYS} keys are kept, oldest evicted first`, () => {
		const seen = new SeenKeys();
		for (let index = 0; index < MAX_KEYS + 250; index++) expect(seen.checkAndRecord(`k${index}`, index, 100 * WINDOW)).toBe(false);
		expect(seen.size).toBe(MAX_KEYS);
		// A kept key is recognised; an evicted one is no longer.
		expect(seen.checkAndRecord('k250', MAX_KEYS + 250, 100 * WINDOW)).toBe(true);
		expect(seen.checkAndRecord('k249', MAX_KEYS + 250, 100 * WINDOW)).toBe(false);
	});

	test('expired keys are dropped as time passes (memory does not grow with old keys)', () => {
		const seen = new SeenKeys();
		for (let index = 0; index < 500; index++) seen.checkAndRecord(`old${index}`, index, WINDOW);
		expect(seen.size).toBe(500);
		seen.checkAndRecord('new', WINDOW + 500, WINDOW);
		expect(seen.size).toBe(1);
	});

	test('a clock that jumps backwards cannot make an expired key count as a duplicate forever', () => {
		const seen = new SeenKeys();
		seen.checkAndRecord('a', 20 * MINUTE, WINDOW);
		seen.checkAndRecord('b', 1 * MINUTE, WINDOW); // clock went back: 'b' sits behind a newer key
		expect(seen.checkAndRecord('b', 12 * MINUTE, WINDOW)).toBe(false);
	});
});

describe('isDuplicate: in-process memory per trigger', () => {
	test('a repeat for the same trigger is a duplicate; other triggers are not affected', () => {
		expect(isDuplicate('wf:node', 'k1', 1000, WINDOW)).toBe(false);
		expect(isDuplicate('wf:node', 'k1', 1500, WINDOW)).toBe(true);
		expect(isDuplicate('wf:other-node', 'k1', 1500, WINDOW)).toBe(false);
	});

	test('a restarted process (memory forgotten) lets a repeat through: what items carry dedupKey for', () => {
		expect(isDuplicate('wf:node', 'k1', 1000, WINDOW)).toBe(false);
		forgetInProcess();
		expect(isDuplicate('wf:node', 'k1', 2000, WINDOW)).toBe(false);
	});

	test('window 0 turns deduplication off', () => {
		expect(isDuplicate('s', 'k', 1, 0)).toBe(false);
		expect(isDuplicate('s', 'k', 2, 0)).toBe(false);
	});
});
