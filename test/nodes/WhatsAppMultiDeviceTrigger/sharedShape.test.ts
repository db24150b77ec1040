/**
 * Issue 13 §2: version 1.1 of the trigger emits the event shape both triggers share (nodes/shared/inboundEvent.ts,
 * README "One event shape for both providers"), followed by every version 1 field unchanged except `event` (GOWA's
 * name is `gowaEvent`), and `raw` = the envelope as posted. Every example of GOWA's webhook-payload.md goes through
 * webhook() at 1.1 and at 1; the shared fields are compared exactly.
 */
import { createHmac } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { runWebhook } from '../../harness';
import { forgetInProcess } from '../../../nodes/WhatsAppMultiDeviceTrigger/dedup';
import { WhatsAppMultiDeviceTrigger } from '../../../nodes/WhatsAppMultiDeviceTrigger/WhatsAppMultiDeviceTrigger.node';
import { describeWithWebhookDoc, webhookExamples } from './webhookExamples';

const SECRET = 'shared-shape-secret';
const DM_JID = '628987654321@s.whatsapp.net';
const ACCOUNT_JID = '628123456789@s.whatsapp.net';
const GROUP = '120363402106XXXXX@g.us';
const CHANNEL = '120363123456789@newsletter';

/** The shared fields in the order of InboundEvent (raw is checked separately). */
const SHARED_KEYS = ['provider', 'tenant', 'event', 'messageId', 'chatId', 'from', 'fromName', 'fromMe', 'isGroup', 'type', 'text', 'caption', 'replyTo', 'reply', 'media', 'status', 'error', 'timestamp'];

/** A full set of shared fields: what is not given is null (false for the booleans). */
function shape(fields: IDataObject): IDataObject {
	const full: IDataObject = { provider: 'gowa' };
	for (const key of SHARED_KEYS.slice(1)) full[key] = fields[key] ?? (key === 'fromMe' || key === 'isGroup' ? false : null);
	return full;
}

/** What each example of webhook-payload.md must give (fields not listed are null / false). */
const EXPECTED: Record<string, IDataObject> = {
	'Text Message #1': { tenant: DM_JID, event: 'message', messageId: '3EB0C127D7BACC83D6A1', chatId: DM_JID, from: '628123456789', fromName: 'Saved Contact', type: 'text', text: 'Hello, how are you?', timestamp: '2023-10-15T10:30:00.000Z' },
	'Reply Message #1': { tenant: DM_JID, event: 'message', messageId: '3EB0C127D7BACC83D6A2', chatId: DM_JID, from: '628123456789', fromName: 'Saved Contact', type: 'text', text: "I'm doing great, thanks!", replyTo: '3EB0C127D7BACC83D6A1', timestamp: '2023-10-15T10:35:00.000Z' },
	'Reaction Message #1': { tenant: DM_JID, event: 'reaction', messageId: '88760C69D1F35FEB239102699AE9XXXX', chatId: DM_JID, from: '628123456789', fromName: 'Saved Contact', type: 'reaction', text: '👍', timestamp: '2023-10-15T10:40:00.000Z' },
	'Message Delivered #1': { tenant: ACCOUNT_JID, event: 'status', messageId: '3EB00106E8BE0F407E88EC', chatId: GROUP, fromName: 'Saved Contact', fromMe: true, isGroup: true, status: 'delivered', timestamp: '2025-07-18T22:44:20.000Z' },
	'Message Read #1': { tenant: ACCOUNT_JID, event: 'status', messageId: '3EB00106E8BE0F407E88EC', chatId: GROUP, fromName: 'Saved Contact', fromMe: true, isGroup: true, status: 'read', timestamp: '2025-07-18T22:44:44.000Z' },
	'User Typing #1': { tenant: ACCOUNT_JID, event: 'presence', chatId: DM_JID, from: '628987654321', fromName: 'Saved Contact', timestamp: '2026-01-22T12:00:00.000Z' },
	'User Stopped Typing #1': { tenant: ACCOUNT_JID, event: 'presence', chatId: DM_JID, from: '628987654321', fromName: 'Saved Contact', timestamp: '2026-01-22T12:00:05.000Z' },
	'User Recording Audio #1': { tenant: ACCOUNT_JID, event: 'presence', chatId: DM_JID, from: '628987654321', fromName: 'Saved Contact', timestamp: '2026-01-22T12:01:00.000Z' },
	'Group Typing #1': { tenant: ACCOUNT_JID, event: 'presence', chatId: GROUP, from: '628987654321', fromName: 'Saved Contact', isGroup: true, timestamp: '2026-01-22T12:02:00.000Z' },
	'Label Edit #1': { tenant: ACCOUNT_JID, event: 'label', timestamp: '2026-01-22T12:03:00.000Z' },
	'Label Association #1': { tenant: ACCOUNT_JID, event: 'label', chatId: GROUP, isGroup: true, timestamp: '2026-01-22T12:04:00.000Z' },
	'Group Member Join #1': { tenant: ACCOUNT_JID, event: 'group', chatId: GROUP, isGroup: true, timestamp: '2025-07-28T10:30:00.000Z' },
	'Group Member Leave #1': { tenant: ACCOUNT_JID, event: 'group', chatId: GROUP, isGroup: true, timestamp: '2025-07-28T10:32:00.000Z' },
	'Group Member Promotion #1': { tenant: ACCOUNT_JID, event: 'group', chatId: GROUP, isGroup: true, timestamp: '2025-07-28T10:33:00.000Z' },
	'Group Member Demotion #1': { tenant: ACCOUNT_JID, event: 'group', chatId: GROUP, isGroup: true, timestamp: '2025-07-28T10:34:00.000Z' },
	'Newsletter Joined #1': { tenant: ACCOUNT_JID, event: 'newsletter', chatId: CHANNEL, timestamp: '2026-01-18T12:00:00.000Z' },
	'Newsletter Left #1': { tenant: ACCOUNT_JID, event: 'newsletter', chatId: CHANNEL, timestamp: '2026-01-18T12:00:00.000Z' },
	'Newsletter Message #1': { tenant: ACCOUNT_JID, event: 'newsletter', messageId: 'ABC123DEF456', chatId: CHANNEL, timestamp: '2026-01-18T12:00:00.000Z' },
	'Newsletter Mute #1': { tenant: ACCOUNT_JID, event: 'newsletter', chatId: CHANNEL, timestamp: '2026-01-18T12:00:00.000Z' },
	'Call Offer #1': { tenant: ACCOUNT_JID, event: 'call', chatId: DM_JID, from: '628987654321', fromName: 'Saved Contact', timestamp: '2026-02-05T12:00:00.000Z' },
	'Call Offer with Auto-Reject Enabled #1': { tenant: ACCOUNT_JID, event: 'call', chatId: GROUP, from: '628987654321', fromName: 'Saved Contact', isGroup: true, timestamp: '2026-02-05T12:00:00.000Z' },
	'Reject Call via API #1': { tenant: ACCOUNT_JID, event: 'call', chatId: DM_JID, from: '628987654321', fromName: 'Saved Contact' },
	'Image Message #1': { tenant: DM_JID, event: 'message', messageId: '3EB0C127D7BACC83D6A3', chatId: DM_JID, from: '628123456789', fromName: 'John Doe', type: 'image', media: { binaryProperty: null, mimeType: 'image/jpeg', fileName: '1752404751-ad9e37ac-c658-4fe5-8d25-ba4a3f4d58fd.jpeg' }, timestamp: '2025-07-13T11:05:51.000Z' },
	'Image Message #2': { tenant: DM_JID, event: 'message', messageId: '3EB0C127D7BACC83D6A3', chatId: DM_JID, from: '628123456789', fromName: 'John Doe', type: 'image', text: 'Check this out!', caption: 'Check this out!', media: { binaryProperty: null, mimeType: 'image/jpeg', fileName: '1752404751-ad9e37ac-c658-4fe5-8d25-ba4a3f4d58fd.jpeg' }, timestamp: '2025-07-13T11:05:51.000Z' },
	'Image Message #3': { tenant: DM_JID, event: 'message', messageId: '3EB0C127D7BACC83D6A3', chatId: DM_JID, from: '628123456789', fromName: 'John Doe', type: 'image', text: 'Check this out!', caption: 'Check this out!', media: { binaryProperty: null, mimeType: null, fileName: null }, timestamp: '2025-07-13T11:05:51.000Z' },
	'Video Message #1': { tenant: DM_JID, event: 'message', messageId: '3EB0C127D7BACC83D6A4', chatId: DM_JID, from: '628123456789', fromName: 'John Doe', type: 'video', text: 'Watch this!', caption: 'Watch this!', media: { binaryProperty: null, mimeType: 'video/mp4', fileName: '1752404845-b9393cd1-8546-4df9-8a60-ee3276036aba.mp4' }, timestamp: '2025-07-13T11:07:24.000Z' },
	'Audio Message #1': { tenant: DM_JID, event: 'message', messageId: '3EB0C127D7BACC83D6A5', chatId: DM_JID, from: '628123456789', fromName: 'John Doe', type: 'audio', media: { binaryProperty: null, mimeType: 'audio/ogg', fileName: '1752404905-b9393cd1-8546-4df9-8a60-ee3276036aba.ogg' }, timestamp: '2023-10-15T10:55:00.000Z' },
	'Document Message #1': { tenant: DM_JID, event: 'message', messageId: '3EB0C127D7BACC83D6A6', chatId: DM_JID, from: '628123456789', fromName: 'John Doe', type: 'document', text: 'Monthly report', caption: 'Monthly report', media: { binaryProperty: null, mimeType: 'application/pdf', fileName: '1752404965-document.pdf' }, timestamp: '2023-10-15T11:00:00.000Z' },
	'Document Message #2': { tenant: DM_JID, event: 'message', messageId: '3EB0C127D7BACC83D6A6', chatId: DM_JID, from: '628123456789', fromName: 'John Doe', type: 'document', text: 'Monthly report', media: { binaryProperty: null, mimeType: 'application/pdf', fileName: 'report.pdf' }, timestamp: '2023-10-15T11:00:00.000Z' },
	'Sticker Message #1': { tenant: DM_JID, event: 'message', messageId: '446AC2BAF2061B53E24CA526DBDFBD4E', chatId: DM_JID, from: '628123456789', fromName: 'John Doe', type: 'sticker', media: { binaryProperty: null, mimeType: 'image/webp', fileName: '1752404986-ff2464a6-c54c-4e6c-afde-c4c925ce3573.webp' }, timestamp: '2025-07-13T11:09:45.000Z' },
	'Video Note Message #1': { tenant: DM_JID, event: 'message', messageId: '3EB0C127D7BACC83D6A7', chatId: DM_JID, from: '628123456789', fromName: 'John Doe', type: 'videoNote', media: { binaryProperty: null, mimeType: 'video/mp4', fileName: '1752404990-videonote.mp4' }, timestamp: '2023-10-15T11:02:00.000Z' },
	'Contact Message #1': { tenant: DM_JID, event: 'message', messageId: '56B3DFF4994284634E7AAFEEF6F1A0A2', chatId: DM_JID, from: '628123456789', fromName: 'John Doe', type: 'contact', timestamp: '2025-07-13T11:10:19.000Z' },
	'Contacts Array Message #1': { tenant: DM_JID, event: 'message', messageId: 'A1B2C3D4E5F6789012345678', chatId: DM_JID, from: '628123456789', fromName: 'John Doe', type: 'contacts', timestamp: '2025-07-13T11:10:19.000Z' },
	'Location Message #1': { tenant: DM_JID, event: 'message', messageId: '3EB0C127D7BACC83D6A9', chatId: DM_JID, from: '628123456789', fromName: 'John Doe', type: 'location', timestamp: '2023-10-15T11:15:00.000Z' },
	'Live Location Message #1': { tenant: DM_JID, event: 'message', messageId: '94D13237B4D7F33EE4A63228BBD79EC0', chatId: DM_JID, from: '628123456789', fromName: 'John Doe', type: 'liveLocation', timestamp: '2025-07-13T11:11:22.000Z' },
	'Message Deleted #1': { tenant: ACCOUNT_JID, event: 'deleted', messageId: '3EB0C127D7BACC83D6A1', chatId: DM_JID, from: '628987654321', fromName: 'Saved Contact', type: 'deleted', timestamp: '2025-07-13T11:12:00.000Z' },
	'Message Revoked #1': { tenant: DM_JID, event: 'revoked', messageId: 'F4062F2BBCB19B7432195AD7080DA4E2', chatId: DM_JID, from: '628123456789', fromName: 'John Doe', fromMe: true, type: 'revoked', timestamp: '2025-07-13T11:13:30.000Z' },
	'Message Edited #1': { tenant: DM_JID, event: 'edited', messageId: 'D6271D8223A05B4DA6AE9FE3CD632543', chatId: DM_JID, from: '628123456789', fromName: 'John Doe', type: 'edited', text: 'Updated message text', timestamp: '2025-07-13T11:14:19.000Z' },
	'View Once Message #1': { tenant: DM_JID, event: 'message', messageId: '3EB0C127D7BACC83D6B2', chatId: DM_JID, from: '628123456789', fromName: 'John Doe', type: 'image', media: { binaryProperty: null, mimeType: 'image/jpeg', fileName: '1752405060-image.jpeg' }, timestamp: '2023-10-15T11:40:00.000Z' },
	'Forwarded Message #1': { tenant: DM_JID, event: 'message', messageId: '3EB0C127D7BACC83D6B3', chatId: DM_JID, from: '628123456789', fromName: 'John Doe', type: 'text', text: 'This is a forwarded message', timestamp: '2023-10-15T11:45:00.000Z' },
	'Meta Ads Referral (Click-to-WhatsApp) #1': { tenant: DM_JID, event: 'message', messageId: '3EB0C127D7BACC83D6B4', chatId: DM_JID, from: '628123456789', fromName: 'Jane Customer', type: 'text', text: 'Hello! I would like more information about the property.', timestamp: '2023-10-15T12:00:00.000Z' },
};

async function post(body: string, typeVersion: number, parameters: IDataObject = {}) {
	return await runWebhook({
		nodeType: WhatsAppMultiDeviceTrigger,
		typeVersion,
		// The examples are dated years ago: no maximum age here.
		parameters: { events: ['*'], deviceId: '', ignoreFromMe: false, ignoreGroups: false, options: { maxEventAgeMinutes: 0 }, ...parameters },
		credentials: { baseUrl: 'http://127.0.0.1:9', webhookSecret: SECRET },
		request: { rawBody: body, headers: { 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` } },
	});
}

beforeEach(() => forgetInProcess());

describeWithWebhookDoc('version 1.1: the shared shape of every webhook-payload.md example', () => {
	test('the table covers every example of the document', () => {
		const names = webhookExamples.map((example) => example.name);
		expect(names.filter((name) => EXPECTED[name] === undefined)).toEqual([]);
		expect(Object.keys(EXPECTED).filter((name) => !names.includes(name))).toEqual([]);
	});

	test.each(webhookExamples.map((example) => [example.name, example] as const))('%s', async (_name, example) => {
		const current = await post(example.text, 1.1);
		expect(current.items).toHaveLength(1);
		const json = current.items[0].json;
		// The shared fields first, exactly.
		expect(Object.keys(json).slice(0, SHARED_KEYS.length)).toEqual(SHARED_KEYS);
		expect(Object.fromEntries(SHARED_KEYS.map((key) => [key, json[key]]))).toEqual(shape(EXPECTED[example.name]));
		expect(json.raw).toEqual(JSON.parse(example.text));
		// Then every version 1 field with its version 1 value; GOWA's event name as gowaEvent.
		forgetInProcess();
		const before = (await post(example.text, 1)).items[0].json;
		const { event, ...versionOneFields } = before;
		expect(json.gowaEvent).toBe(event);
		expect(json).toMatchObject(versionOneFields);
		expect(Object.keys(json).sort()).toEqual([...new Set([...SHARED_KEYS, 'gowaEvent', ...Object.keys(versionOneFields), 'raw'])].sort());
		// Version 1 has none of the new fields.
		for (const key of ['provider', 'tenant', 'from', 'fromName', 'fromMe', 'type', 'caption', 'replyTo', 'media', 'status', 'error', 'raw', 'gowaEvent']) expect(before).not.toHaveProperty(key);
	});
});
