import type { IDataObject } from 'n8n-workflow';

import {
	MAX_KEYS,
	checkAndRecord,
	dedupKey,
	forgetInProcess,
	isDuplicate,
	readSeen,
} from '../../../nodes/WhatsAppMultiDeviceTrigger/dedup';
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

	test('calls by call_id, deletions by deleted_message_id, channel posts by message ids', () => {
		const call = (id: string, ts: string) => ({ event: 'call.offer', device_id: 'd', timestamp: ts, payload: { call_id: id, from: 'x' } });
		expect(keyOf(call('C1', 't1'))).toBe(keyOf(call('C1', 't2')));
		expect(keyOf(call('C1', 't1'))).not.toBe(keyOf(call('C2', 't1')));
		const deleted = (ts: string) => ({ event: 'message.deleted', device_id: 'd', payload: { deleted_message_id: 'M', timestamp: ts } });
		expect(keyOf(deleted('a'))).toBe(keyOf(deleted('b')));
		const post = (ids: string[]) => ({ event: 'newsletter.message', device_id: 'd', payload: { newsletter_id: 'n', messages: ids.map((id) => ({ message_id: id })) } });
		expect(keyOf(post(['1', '2']))).toBe(keyOf(post(['2', '1'])));
		expect(keyOf(post(['1']))).not.toBe(keyOf(post(['2'])));
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

describe('window and bound', () => {
	test('a repeat inside the window is a duplicate, after the window it is new again', () => {
		let seen = checkAndRecord({}, 'k', 0, WINDOW).seen;
		expect(checkAndRecord(seen, 'k', 9 * MINUTE, WINDOW).duplicate).toBe(true);
		const late = checkAndRecord(seen, 'k', 10 * MINUTE, WINDOW);
		expect(late.duplicate).toBe(false);
		seen = late.seen;
		expect(seen.k).toBe(10 * MINUTE);
	});

	test('the first sighting counts: repeats do not extend the window', () => {
		let seen = checkAndRecord({}, 'k', 0, WINDOW).seen;
		seen = checkAndRecord(seen, 'k', 8 * MINUTE, WINDOW).seen;
		expect(checkAndRecord(seen, 'k', 10 * MINUTE + 1, WINDOW).duplicate).toBe(false);
	});

	test(`at most ${MAX_KEYS} keys are kept, oldest evicted first`, () => {
		let seen = {};
		for (let index = 0; index < MAX_KEYS + 250; index++) seen = checkAndRecord(seen, `k${index}`, index, 100 * WINDOW).seen;
		const keys = Object.keys(seen);
		expect(keys).toHaveLength(MAX_KEYS);
		expect(keys[0]).toBe('k250');
		expect(keys[keys.length - 1]).toBe(`k${MAX_KEYS + 249}`);
		// An evicted key is no longer recognised; a kept one is.
		expect(checkAndRecord(seen, 'k0', MAX_KEYS + 250, 100 * WINDOW).duplicate).toBe(false);
		expect(checkAndRecord(seen, 'k250', MAX_KEYS + 250, 100 * WINDOW).duplicate).toBe(true);
	});

	test('expired keys are dropped from storage', () => {
		let seen = checkAndRecord({}, 'old', 0, WINDOW).seen;
		seen = checkAndRecord(seen, 'new', WINDOW + 1, WINDOW).seen;
		expect(Object.keys(seen)).toEqual(['new']);
	});
});

describe('isDuplicate: static data plus in-process memory', () => {
	test('records in workflow static data, which alone recognises a repeat (e.g. after a restart)', () => {
		const staticData: IDataObject = {};
		expect(isDuplicate(staticData, 'wf:node', 'k1', 1000, WINDOW)).toBe(false);
		expect(readSeen(staticData)).toEqual({ k1: 1000 });
		forgetInProcess();
		expect(isDuplicate(staticData, 'wf:node', 'k1', 2000, WINDOW)).toBe(true);
		// The stored object is JSON as n8n persists it.
		expect(JSON.parse(JSON.stringify(staticData))).toEqual(staticData);
	});

	test('in-process memory catches overlapping deliveries whose static data n8n has not saved yet', () => {
		// Two requests load the same (old) static data from the database, each gets its own copy.
		const copyA: IDataObject = {};
		const copyB: IDataObject = {};
		expect(isDuplicate(copyA, 'wf:node', 'k1', 1000, WINDOW)).toBe(false);
		expect(isDuplicate(copyB, 'wf:node', 'k1', 1500, WINDOW)).toBe(true);
		// Other triggers are not affected.
		expect(isDuplicate({}, 'wf:other-node', 'k1', 1500, WINDOW)).toBe(false);
	});

	test('window 0 turns deduplication off and stores nothing', () => {
		const staticData: IDataObject = {};
		expect(isDuplicate(staticData, 's', 'k', 1, 0)).toBe(false);
		expect(isDuplicate(staticData, 's', 'k', 2, 0)).toBe(false);
		expect(staticData).toEqual({});
	});
});
