import {
	asGowaEvent,
	flattenEvent,
	messageTypeOf,
	parseGowaEvent,
} from '../../../nodes/WhatsAppMultiDeviceTrigger/normalize';
import { describeWithWebhookDoc, webhookExamples } from './webhookExamples';

type Flat = Record<string, unknown>;

const DM = '628987654321@s.whatsapp.net';
const GROUP = '120363402106XXXXX@g.us';
const CHANNEL = '120363123456789@newsletter';

/** What each example of GOWA's webhook-payload.md must flatten to (fields not listed: see the shared checks). */
const EXPECTED: Record<string, Flat> = {
	'Text Message #1': {
		chatId: DM, isGroup: false, sender: '628123456789', senderName: 'Saved Contact', messageId: '3EB0C127D7BACC83D6A1',
		messageType: 'text', text: 'Hello, how are you?', timestamp: '2023-10-15T10:30:00.000Z', isFromMe: false,
		repliedToId: null, targetMessageId: null,
	},
	'Reply Message #1': {
		chatId: DM, sender: '628123456789', messageId: '3EB0C127D7BACC83D6A2', messageType: 'text',
		text: "I'm doing great, thanks!", repliedToId: '3EB0C127D7BACC83D6A1', timestamp: '2023-10-15T10:35:00.000Z',
	},
	'Reaction Message #1': {
		chatId: DM, sender: '628123456789', messageId: '88760C69D1F35FEB239102699AE9XXXX', messageType: 'reaction',
		text: '👍', targetMessageId: '3EB0C127D7BACC83D6A1', timestamp: '2023-10-15T10:40:00.000Z',
	},
	'Message Delivered #1': {
		chatId: GROUP, isGroup: true, sender: null, senderJid: '6289685XXXXXX@s.whatsapp.net', senderName: 'Saved Contact',
		messageId: '3EB00106E8BE0F407E88EC', messageType: null, text: null, timestamp: '2025-07-18T22:44:20.000Z',
	},
	'Message Read #1': { chatId: GROUP, isGroup: true, messageId: '3EB00106E8BE0F407E88EC', timestamp: '2025-07-18T22:44:44.000Z' },
	'User Typing #1': {
		chatId: DM, isGroup: false, sender: '628987654321', senderName: 'Saved Contact', messageId: null, messageType: null,
		text: null, timestamp: '2026-01-22T12:00:00.000Z',
	},
	'User Stopped Typing #1': { chatId: DM, sender: '628987654321', timestamp: '2026-01-22T12:00:05.000Z' },
	'User Recording Audio #1': { chatId: DM, sender: '628987654321', timestamp: '2026-01-22T12:01:00.000Z' },
	'Group Typing #1': { chatId: GROUP, isGroup: true, sender: '628987654321', timestamp: '2026-01-22T12:02:00.000Z' },
	'Label Edit #1': {
		chatId: null, isGroup: false, sender: null, senderJid: null, senderName: null, messageId: null, messageType: null,
		text: null, timestamp: '2026-01-22T12:03:00.000Z',
	},
	'Label Association #1': { chatId: GROUP, isGroup: true, sender: null, timestamp: '2026-01-22T12:04:00.000Z' },
	'Group Member Join #1': { chatId: GROUP, isGroup: true, sender: null, messageId: null, timestamp: '2025-07-28T10:30:00.000Z' },
	'Group Member Leave #1': { chatId: GROUP, isGroup: true, timestamp: '2025-07-28T10:32:00.000Z' },
	'Group Member Promotion #1': { chatId: GROUP, isGroup: true, timestamp: '2025-07-28T10:33:00.000Z' },
	'Group Member Demotion #1': { chatId: GROUP, isGroup: true, timestamp: '2025-07-28T10:34:00.000Z' },
	'Newsletter Joined #1': { chatId: CHANNEL, isGroup: false, sender: null, messageId: null, timestamp: '2026-01-18T12:00:00.000Z' },
	'Newsletter Left #1': { chatId: CHANNEL, isGroup: false, timestamp: '2026-01-18T12:00:00.000Z' },
	'Newsletter Message #1': { chatId: CHANNEL, messageId: 'ABC123DEF456', messageType: null, timestamp: '2026-01-18T12:00:00.000Z' },
	'Newsletter Mute #1': { chatId: CHANNEL, timestamp: '2026-01-18T12:00:00.000Z' },
	'Call Offer #1': {
		chatId: DM, isGroup: false, sender: '628987654321', senderName: 'Saved Contact', messageId: null, messageType: null,
		timestamp: '2026-02-05T12:00:00.000Z',
	},
	'Call Offer with Auto-Reject Enabled #1': { chatId: GROUP, isGroup: true, sender: '628987654321', timestamp: '2026-02-05T12:00:00.000Z' },
	'Reject Call via API #1': { chatId: DM, isGroup: false, sender: '628987654321', timestamp: null },
	'Image Message #1': {
		chatId: DM, sender: '628123456789', senderName: 'John Doe', messageId: '3EB0C127D7BACC83D6A3', messageType: 'image',
		text: null, timestamp: '2025-07-13T11:05:51.000Z',
	},
	'Image Message #2': { messageType: 'image', text: 'Check this out!', messageId: '3EB0C127D7BACC83D6A3' },
	'Image Message #3': { messageType: 'image', text: 'Check this out!', messageId: '3EB0C127D7BACC83D6A3' },
	'Video Message #1': { messageType: 'video', text: 'Watch this!', messageId: '3EB0C127D7BACC83D6A4', timestamp: '2025-07-13T11:07:24.000Z' },
	'Audio Message #1': { messageType: 'audio', text: null, messageId: '3EB0C127D7BACC83D6A5', timestamp: '2023-10-15T10:55:00.000Z' },
	'Document Message #1': { messageType: 'document', text: 'Monthly report', messageId: '3EB0C127D7BACC83D6A6', timestamp: '2023-10-15T11:00:00.000Z' },
	'Document Message #2': { messageType: 'document', text: 'Monthly report', messageId: '3EB0C127D7BACC83D6A6' },
	'Sticker Message #1': { messageType: 'sticker', text: null, messageId: '446AC2BAF2061B53E24CA526DBDFBD4E', timestamp: '2025-07-13T11:09:45.000Z' },
	'Video Note Message #1': { messageType: 'videoNote', text: null, messageId: '3EB0C127D7BACC83D6A7', timestamp: '2023-10-15T11:02:00.000Z' },
	'Contact Message #1': { messageType: 'contact', text: null, messageId: '56B3DFF4994284634E7AAFEEF6F1A0A2', timestamp: '2025-07-13T11:10:19.000Z' },
	'Contacts Array Message #1': { messageType: 'contacts', text: null, messageId: 'A1B2C3D4E5F6789012345678' },
	'Location Message #1': { messageType: 'location', text: null, messageId: '3EB0C127D7BACC83D6A9', timestamp: '2023-10-15T11:15:00.000Z' },
	'Live Location Message #1': { messageType: 'liveLocation', messageId: '94D13237B4D7F33EE4A63228BBD79EC0', timestamp: '2025-07-13T11:11:22.000Z' },
	'Message Deleted #1': {
		chatId: DM, isGroup: false, sender: '628987654321', senderName: 'Saved Contact', messageId: '3EB0C127D7BACC83D6A1',
		messageType: 'deleted', text: null, targetMessageId: '3EB0C127D7BACC83D6A1', timestamp: '2025-07-13T11:12:00.000Z', isFromMe: false,
	},
	'Message Revoked #1': {
		chatId: DM, sender: '628123456789', senderName: 'John Doe', messageId: 'F4062F2BBCB19B7432195AD7080DA4E2', messageType: 'revoked',
		text: null, isFromMe: true, targetMessageId: '94D13237B4D7F33EE4A63228BBD79EC0', timestamp: '2025-07-13T11:13:30.000Z',
	},
	'Message Edited #1': {
		chatId: DM, messageId: 'D6271D8223A05B4DA6AE9FE3CD632543', messageType: 'edited', text: 'Updated message text',
		targetMessageId: '94D13237B4D7F33EE4A63228BBD79EC0', timestamp: '2025-07-13T11:14:19.000Z', isFromMe: false,
	},
	'View Once Message #1': { messageType: 'image', text: null, messageId: '3EB0C127D7BACC83D6B2', timestamp: '2023-10-15T11:40:00.000Z' },
	'Forwarded Message #1': { messageType: 'text', text: 'This is a forwarded message', messageId: '3EB0C127D7BACC83D6B3' },
	'Meta Ads Referral (Click-to-WhatsApp) #1': {
		messageType: 'text', text: 'Hello! I would like more information about the property.', senderName: 'Jane Customer',
		messageId: '3EB0C127D7BACC83D6B4', timestamp: '2023-10-15T12:00:00.000Z',
	},
};

describeWithWebhookDoc('flat fields of every example in GOWA webhook-payload.md', () => {
	test('the document yields the examples this table covers, and every example is covered', () => {
		const names = webhookExamples.map((example) => example.name);
		expect(names.length).toBeGreaterThanOrEqual(40);
		expect(names.filter((name) => EXPECTED[name] === undefined)).toEqual([]);
		expect(Object.keys(EXPECTED).filter((name) => !names.includes(name))).toEqual([]);
	});

	test.each(webhookExamples.map((example) => [example.name, example] as const))('%s', (_name, example) => {
		const event = parseGowaEvent(Buffer.from(example.text));
		expect(event).toBeDefined();
		const flat = flattenEvent(event!);
		// Shared checks: identification, the untouched payload, one type per field.
		expect(flat.event).toBe(example.body.event);
		expect(flat.deviceId).toBe(example.body.device_id);
		expect(flat.sessionId).toBe(example.body.session_id ?? null);
		expect(flat.payload).toEqual(example.body.payload);
		expect(typeof flat.isGroup).toBe('boolean');
		expect(typeof flat.isFromMe).toBe('boolean');
		const from = example.body.payload.from;
		expect(flat.senderJid).toBe(typeof from === 'string' ? from : null);
		if (typeof flat.sender === 'string') expect(flat.sender).toMatch(/^\d{7,15}$/);
		if (flat.timestamp !== null) expect(flat.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		expect(flat).toMatchObject(EXPECTED[example.name]);
	});
});

describe('parsing the envelope', () => {
	test('rejects bodies that are not a GOWA event', () => {
		expect(parseGowaEvent(Buffer.from('not json'))).toBeUndefined();
		expect(parseGowaEvent(Buffer.from('[1,2]'))).toBeUndefined();
		expect(parseGowaEvent(Buffer.from('{"event":"message"}'))).toBeUndefined();
		expect(parseGowaEvent(Buffer.from('{"event":"","payload":{}}'))).toBeUndefined();
		expect(parseGowaEvent(Buffer.from('{"event":"message","payload":[]}'))).toBeUndefined();
		expect(asGowaEvent(null)).toBeUndefined();
	});

	test('keeps session_id for tenant routing and tolerates a missing device_id', () => {
		const event = asGowaEvent({ event: 'message', session_id: 'tenant_a', payload: { id: 'X', body: 'hi' } });
		expect(flattenEvent(event!)).toMatchObject({ deviceId: null, sessionId: 'tenant_a', messageType: 'text' });
	});

	test('a message GOWA could not decode (poll, template) is "unknown"; a caption-only object still gives text', () => {
		expect(messageTypeOf(asGowaEvent({ event: 'message', payload: { id: 'P' } })!)).toBe('unknown');
		const flat = flattenEvent(asGowaEvent({ event: 'message', payload: { id: 'V', video: { url: 'https://mmg.whatsapp.net/x', caption: 'cap' } } })!);
		expect(flat).toMatchObject({ messageType: 'video', text: 'cap' });
	});

	test('an unparseable timestamp is kept as sent rather than dropped', () => {
		const flat = flattenEvent(asGowaEvent({ event: 'message', payload: { id: 'T', body: 'x', timestamp: 'yesterday' } })!);
		expect(flat.timestamp).toBe('yesterday');
	});

	test('AD device suffixes and LID senders: the phone comes from the JID, LIDs have none', () => {
		const ad = flattenEvent(asGowaEvent({ event: 'message', payload: { id: 'A', from: '628111222333:12@s.whatsapp.net', body: 'x' } })!);
		expect(ad.sender).toBe('628111222333');
		const lid = flattenEvent(asGowaEvent({ event: 'message', payload: { id: 'L', from: '251556368777322@lid', body: 'x' } })!);
		expect(lid).toMatchObject({ sender: null, senderJid: '251556368777322@lid' });
	});
});
