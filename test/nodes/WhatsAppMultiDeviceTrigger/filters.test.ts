import type { FilterSettings } from '../../../nodes/WhatsAppMultiDeviceTrigger/filters';
import { buildFilter, filterOut, splitList } from '../../../nodes/WhatsAppMultiDeviceTrigger/filters';
import type { GowaEvent } from '../../../nodes/WhatsAppMultiDeviceTrigger/normalize';
import { asGowaEvent } from '../../../nodes/WhatsAppMultiDeviceTrigger/normalize';
import { selectedEvents } from '../../../nodes/WhatsAppMultiDeviceTrigger/events';

const invalid = (option: string, entry: string, hint: string): never => {
	throw new Error(`${option}|${entry}|${hint}`);
};

function filter(settings: Partial<FilterSettings>, countryCode = '62') {
	return buildFilter({ events: [], ...settings }, countryCode, invalid);
}

function event(body: Record<string, unknown>): GowaEvent {
	return asGowaEvent({ event: 'message', device_id: '628111000111@s.whatsapp.net', ...body })!;
}

const fromCustomer = event({
	session_id: 'salon-main',
	payload: { id: 'A', chat_id: '6281234567890@s.whatsapp.net', from: '6281234567890@s.whatsapp.net', body: 'Hi', is_from_me: false },
});
const typedOnPhone = event({
	payload: { id: 'B', chat_id: '6281234567890@s.whatsapp.net', from: '628111000111@s.whatsapp.net', body: 'On my way', is_from_me: true },
});
const inGroup = event({
	payload: { id: 'C', chat_id: '120363025246125486@g.us', from: '6281234567890@s.whatsapp.net', body: 'Hello all' },
});
const fromLid = event({
	payload: { id: 'D', chat_id: '6289999999999@s.whatsapp.net', from: '6289999999999@s.whatsapp.net', from_lid: '251556368777322@lid', body: 'x' },
});

describe('event filter', () => {
	test('events: only the selected names pass; All Events (or nothing) lets everything through', () => {
		expect(filterOut(fromCustomer, filter({ events: ['message'] }))).toBeUndefined();
		expect(filterOut(fromCustomer, filter({ events: ['message.ack', 'call.offer'] }))).toBe('event message is not selected');
		expect(selectedEvents(['message', '*'])).toEqual([]);
		expect(selectedEvents([])).toEqual([]);
		expect(selectedEvents('Message, message.ACK ,message')).toEqual(['message', 'message.ack']);
		expect(filterOut(asGowaEvent({ event: 'label.edit', payload: {} })!, filter({ events: selectedEvents(['*']) }))).toBeUndefined();
	});

	test('ignore own messages drops is_from_me only', () => {
		const f = filter({ ignoreFromMe: true });
		expect(filterOut(typedOnPhone, f)).toBe('own message');
		expect(filterOut(fromCustomer, f)).toBeUndefined();
		expect(filterOut(typedOnPhone, filter({}))).toBeUndefined();
	});

	test('ignore groups drops @g.us chats, group presence and group calls', () => {
		const f = filter({ ignoreGroups: true });
		expect(filterOut(inGroup, f)).toBe('group chat');
		expect(filterOut(fromCustomer, f)).toBeUndefined();
		expect(filterOut(asGowaEvent({ event: 'chat_presence', payload: { chat_id: 'x@s.whatsapp.net', is_group: true } })!, f)).toBe('group chat');
		expect(filterOut(asGowaEvent({ event: 'call.offer', payload: { call_id: '1', from: '6281234567890@s.whatsapp.net', group_jid: '120363025246125486@g.us' } })!, f)).toBe('group chat');
	});

	test('only senders: any phone notation, local numbers with the country code, JIDs and LIDs', () => {
		for (const entry of ['+62 812-3456-7890', '081234567890', '6281234567890@s.whatsapp.net', '0062 812 3456 7890']) {
			expect(filterOut(fromCustomer, filter({ senders: entry }))).toBeUndefined();
		}
		expect(filterOut(fromCustomer, filter({ senders: '+62 811-1111-1111, +44 20 7946 0958' }))).toBe('other sender');
		expect(filterOut(fromLid, filter({ senders: '251556368777322@lid' }))).toBeUndefined();
		// Events without a sender do not pass a sender filter.
		expect(filterOut(asGowaEvent({ event: 'group.participants', payload: { chat_id: 'g@g.us', jids: [] } })!, filter({ senders: '6281234567890' }))).toBe('other sender');
	});

	test('only chats: phone numbers or chat JIDs; group chats by their JID', () => {
		expect(filterOut(inGroup, filter({ chats: '120363025246125486@g.us' }))).toBeUndefined();
		expect(filterOut(inGroup, filter({ chats: ['6281234567890'] }))).toBe('other chat');
		expect(filterOut(fromCustomer, filter({ chats: '0812 3456 7890' }))).toBeUndefined();
	});

	test('only device IDs: the slot ID (session_id) or the receiving account as phone/JID', () => {
		expect(filterOut(fromCustomer, filter({ deviceIds: 'salon-main' }))).toBeUndefined();
		expect(filterOut(fromCustomer, filter({ deviceIds: '628111000111' }))).toBeUndefined();
		expect(filterOut(fromCustomer, filter({ deviceIds: '628111000111:7@s.whatsapp.net' }))).toBeUndefined();
		expect(filterOut(fromCustomer, filter({ deviceIds: 'salon-branch-2, 628999000999' }))).toBe('other device');
	});

	test('only session IDs: exact, and events without session_id are refused', () => {
		expect(filterOut(fromCustomer, filter({ sessionIds: 'tenant_b, salon-main' }))).toBeUndefined();
		expect(filterOut(fromCustomer, filter({ sessionIds: 'Salon-Main' }))).toBe('other session');
		expect(filterOut(typedOnPhone, filter({ sessionIds: 'salon-main' }))).toBe('other session');
	});

	test('bad entries are reported with the option, the entry and a hint', () => {
		expect(() => filter({ senders: 'call me maybe' })).toThrow(/^Only Senders\|call me maybe\|/);
		expect(() => filter({ senders: '0812 3456 7890' }, '')).toThrow(/Only Senders\|0812 3456 7890\|.*Default Country Code/);
		expect(() => filter({ chats: 'someone@example.com' })).toThrow(/^Only Chats\|someone@example.com\|/);
	});

	test('list options accept commas, semicolons, new lines and arrays', () => {
		expect(splitList(' a, b;c\n d ,, ')).toEqual(['a', 'b', 'c', 'd']);
		expect(splitList(['x', ' y ', ''])).toEqual(['x', 'y']);
		expect(splitList(undefined)).toEqual([]);
	});
});
