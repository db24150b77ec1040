/**
 * Issue 13 §2, version 1.1 beyond the documentation's examples: the filters still work on GOWA's event names, receipt
 * types, the tenant, poll votes as `reply`, downloaded media, names GOWA may add later — and version 1 unchanged.
 */
import { createHash, createHmac } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { runWebhook, useSimulator } from '../../harness';
import { forgetInProcess } from '../../../nodes/WhatsAppMultiDeviceTrigger/dedup';
import { eventKindOf } from '../../../nodes/WhatsAppMultiDeviceTrigger/sharedShape';
import { WhatsAppMultiDeviceTrigger } from '../../../nodes/WhatsAppMultiDeviceTrigger/WhatsAppMultiDeviceTrigger.node';

const SECRET = 'shared-shape-cases-secret';
const NOW = `${new Date().toISOString().slice(0, 19)}Z`;
const CUSTOMER = '6289876543210@s.whatsapp.net';
const ACCOUNT = '6281100000001@s.whatsapp.net';

const gowa = useSimulator({
	auth: { username: 'admin', password: 'pw' },
	basePath: '/gowa',
	devices: [{ id: 'salon-main', jid: ACCOUNT, state: 'logged_in' }],
	webhookSecret: SECRET,
});

function envelope(event: string, payload: IDataObject, extra: IDataObject = { session_id: 'salon-main' }): string {
	const timestamped = event === 'message' || (event.startsWith('message.') && event !== 'message.ack') ? {} : { timestamp: NOW };
	return JSON.stringify({ device_id: ACCOUNT, event, ...timestamped, payload: { timestamp: NOW, ...payload }, ...extra });
}

const ack = (receiptType: string, id = '3EB0ACK0001') =>
	envelope('message.ack', { ids: [id, '3EB0ACK0002'], chat_id: CUSTOMER, from: CUSTOMER, receipt_type: receiptType, receipt_type_description: '' });

async function post(body: string, parameters: IDataObject = {}, typeVersion = 1.1) {
	return await runWebhook({
		nodeType: WhatsAppMultiDeviceTrigger,
		typeVersion,
		parameters: { events: ['*'], deviceId: '', options: {}, ...parameters },
		credentials: gowa.credentials(),
		request: { rawBody: body, headers: { 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` } },
	});
}

beforeEach(() => forgetInProcess());

describe('receipts (message.ack) as status events', () => {
	test.each([
		['delivered', 'delivered'],
		['read', 'read'],
		['played', 'played'],
		['READ', 'read'],
	])('receipt_type %s → event status, status %s, the first id as messageId, fromMe (a receipt is about an own message)', async (receipt, status) => {
		const result = await post(ack(receipt));
		expect(result.items[0].json).toMatchObject({ provider: 'gowa', tenant: 'salon-main', event: 'status', gowaEvent: 'message.ack', status, messageId: '3EB0ACK0001', fromMe: true, isFromMe: false, chatId: CUSTOMER, type: null, text: null });
	});

	test('read-self (read on another own device) and unknown receipt types: event status, status null, not fromMe', async () => {
		expect((await post(ack('read-self', 'A1'))).items[0].json).toMatchObject({ event: 'status', status: null, fromMe: false });
		expect((await post(ack('server-error', 'A2'))).items[0].json).toMatchObject({ event: 'status', status: null, fromMe: false });
		for (const [index, hostile] of ['constructor', '__proto__', 'toString', 42, null].entries()) {
			const body = envelope('message.ack', { ids: [`H${index}`], chat_id: CUSTOMER, from: CUSTOMER, receipt_type: hostile });
			expect((await post(body)).items[0].json).toMatchObject({ event: 'status', status: null, fromMe: false });
		}
	});

	test('Ignore Own Messages (on by default) works on GOWA\'s is_from_me: receipts still start executions', async () => {
		const result = await post(ack('read', 'A3'), { ignoreFromMe: true });
		expect(result.items).toHaveLength(1);
		const own = await post(envelope('message', { id: 'OWN1', chat_id: CUSTOMER, from: ACCOUNT, is_from_me: true, body: 'typed on the phone' }), { ignoreFromMe: true });
		expect(own.response?.webhookResponse).toEqual({ received: true, ignored: 'own message' });
	});
});

describe('filters keep GOWA event names', () => {
	test('Events = message.ack delivers receipts (now event "status"); Events = message ignores them', async () => {
		expect((await post(ack('delivered', 'F1'), { events: ['message.ack'] })).items).toHaveLength(1);
		const ignored = await post(ack('delivered', 'F2'), { events: ['message'] });
		expect(ignored.items).toHaveLength(0);
		expect(ignored.response?.webhookResponse).toMatchObject({ received: true, ignored: expect.any(String) });
		expect((await post(envelope('message.reaction', { id: 'R1', chat_id: CUSTOMER, from: CUSTOMER, reaction: '👍', reacted_message_id: 'M0' }), { events: ['message.reaction'], ignoreGroups: true })).items[0].json).toMatchObject({ event: 'reaction', gowaEvent: 'message.reaction', text: '👍' });
	});

	test('Ignore Group Chats still ignores group messages', async () => {
		const result = await post(envelope('message', { id: 'G1', chat_id: '120363025246125486@g.us', from: CUSTOMER, body: 'hi all' }), { ignoreGroups: true });
		expect(result.response?.webhookResponse).toEqual({ received: true, ignored: 'group chat' });
	});
});

describe('tenant, kinds, replies, media', () => {
	test('tenant: the slot id GOWA sends as session_id (what sends name as tenant), else the account JID', async () => {
		const text = (id: string, extra: IDataObject) => envelope('message', { id, chat_id: CUSTOMER, from: CUSTOMER, body: 'x' }, extra);
		expect((await post(text('T1', { session_id: 'salon-main' }))).items[0].json).toMatchObject({ tenant: 'salon-main', sessionId: 'salon-main', deviceId: ACCOUNT });
		expect((await post(text('T2', {}))).items[0].json).toMatchObject({ tenant: ACCOUNT, sessionId: null });
	});

	test('every GOWA event name maps to a kind; names GOWA may add later are "other"', () => {
		const kinds = Object.fromEntries(['message', 'message.reaction', 'message.edited', 'message.revoked', 'message.deleted', 'message.ack', 'call.offer', 'chat_presence', 'group.participants', 'group.joined', 'label.edit', 'label.association', 'newsletter.joined', 'newsletter.left', 'newsletter.message', 'newsletter.mute', 'message.pinned', 'call.terminate', 'constructor', 'toString'].map((name) => [name, eventKindOf(name)]));
		expect(kinds).toEqual({
			message: 'message', 'message.reaction': 'reaction', 'message.edited': 'edited', 'message.revoked': 'revoked', 'message.deleted': 'deleted', 'message.ack': 'status',
			'call.offer': 'call', chat_presence: 'presence', 'group.participants': 'group', 'group.joined': 'group', 'label.edit': 'label', 'label.association': 'label',
			'newsletter.joined': 'newsletter', 'newsletter.left': 'newsletter', 'newsletter.message': 'newsletter', 'newsletter.mute': 'newsletter',
			'message.pinned': 'other', 'call.terminate': 'other', constructor: 'other', toString: 'other',
		});
	});

	test('a poll vote (GOWA v9.5): reply = the chosen option, type pollVote', async () => {
		const hash = createHash('sha256').update('Sabtu 10:00').digest('hex');
		const body = envelope('message', { id: 'V1', chat_id: CUSTOMER, from: CUSTOMER, poll_vote: { poll_message_id: '3EB0POLL', selected_options: ['Sabtu 10:00'], selected_hashes: [hash] } });
		expect((await post(body)).items[0].json).toMatchObject({ event: 'message', type: 'pollVote', reply: { id: hash, title: 'Sabtu 10:00' }, text: null });
	});

	test('Download Media: media names the binary property with the downloaded MIME type and file name', async () => {
		const pdf = Buffer.from('%PDF-1.4\n% invoice\n%%EOF\n');
		(gowa.sim as unknown as { putStatic(path: string, bytes: Buffer, type: string): void }).putStatic('statics/media/1752404965-invoice.pdf', pdf, 'application/pdf');
		const body = envelope('message', { id: 'D1', chat_id: CUSTOMER, from: CUSTOMER, body: 'Invoice', document: { path: 'statics/media/1752404965-invoice.pdf', caption: 'Invoice' } });
		const [item] = (await post(body, { downloadMedia: true, binaryPropertyName: 'invoice' })).items;
		expect(item.json).toMatchObject({ type: 'document', caption: 'Invoice', media: { binaryProperty: 'invoice', mimeType: 'application/pdf', fileName: '1752404965-invoice.pdf' } });
		expect(item.binary?.invoice.data.equals(pdf)).toBe(true);
	});

	test('a failed download: media without binary property, mediaError kept', async () => {
		const body = envelope('message', { id: 'D2', chat_id: CUSTOMER, from: CUSTOMER, image: 'statics/media/gone-404.jpeg' });
		const [item] = (await post(body, { downloadMedia: true })).items;
		expect(item.json).toMatchObject({ media: { binaryProperty: null, mimeType: 'image/jpeg', fileName: 'gone-404.jpeg' }, mediaError: expect.stringMatching(/404/) });
		expect(item.binary).toBeUndefined();
	});
});

describe('version 1 is unchanged', () => {
	test('a receipt at version 1: GOWA\'s event name, none of the shared fields', async () => {
		const json = (await post(ack('read', 'V1A'), {}, 1)).items[0].json;
		expect(json).toEqual({
			event: 'message.ack', deviceId: ACCOUNT, sessionId: 'salon-main', chatId: CUSTOMER, isGroup: false, sender: '6289876543210', senderJid: CUSTOMER, senderName: null,
			messageId: 'V1A', messageType: null, text: null, timestamp: new Date(NOW).toISOString(), isFromMe: false, repliedToId: null, targetMessageId: null,
			dedupKey: expect.stringMatching(/^[0-9a-f]{32}$/), payload: JSON.parse(ack('read', 'V1A')).payload,
		});
	});
});
