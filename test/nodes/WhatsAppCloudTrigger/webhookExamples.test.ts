/**
 * Meta's own webhook examples (the spec's 16 `/whatsapp/webhooks` examples, NOTES §8.3) and the five NOTES §8.3 adds
 * (three status examples from Meta's status reference, a `played` status, a Flow `nfm_reply`), each posted signed
 * through the trigger and mapped onto the shared event shape.
 */
import type { IDataObject } from 'n8n-workflow';

import { describeCloudContract } from '../WhatsAppCloud/cloudKit';
import { forgetInProcess } from '../../../nodes/shared/seenKeys';
import { post, specWebhookExamples } from './cloudTriggerKit';

beforeEach(() => forgetInProcess());

/** Spec timestamps are from 2025: the age limit is off for these. */
const ALL = { events: ['message', 'status', 'error'], options: { maxEventAgeMinutes: 0 } };

const SHARED_FIELDS = ['provider', 'tenant', 'event', 'messageId', 'chatId', 'from', 'fromName', 'fromMe', 'isGroup', 'type', 'text', 'caption', 'replyTo', 'reply', 'media', 'status', 'error', 'timestamp', 'raw'];

async function itemsOf(delivery: IDataObject, parameters: IDataObject = ALL) {
	const result = await post(delivery, { parameters });
	expect(result.httpResponse.statusCode).toBe(200);
	return result.items.map((item) => item.json);
}

describeCloudContract('the spec’s webhook examples', () => {
	const examples = new Map(specWebhookExamples());
	const example = (name: string) => {
		const value = examples.get(name);
		if (value === undefined) throw new Error(`the spec has no webhook example "${name}"`);
		return value;
	};
	const firstMessage = (name: string): any => (example(name).entry as any[])[0].changes[0].value.messages[0];

	test('there are 16 of them, 13 with one message and 3 group events', () => {
		expect(examples.size).toBe(16);
	});

	test.each([...specWebhookExamples().filter(([name]) => !name.startsWith('Group'))])('%s: one item in the shared shape, raw untouched', async (_name, delivery) => {
		const value = (delivery.entry as any[])[0].changes[0].value;
		const [item, ...rest] = await itemsOf(delivery);
		expect(rest).toHaveLength(0);
		expect(Object.keys(item).slice(0, SHARED_FIELDS.length)).toEqual(SHARED_FIELDS);
		expect(item).toMatchObject({ provider: 'cloud', tenant: value.metadata.phone_number_id, messageId: value.messages[0].id, from: value.messages[0].from, chatId: value.messages[0].from, fromMe: false, isGroup: false, type: value.messages[0].type, status: null, wabaId: (delivery.entry as any[])[0].id, displayPhoneNumber: value.metadata.display_phone_number });
		expect(item.raw).toEqual(value.messages[0]);
		expect(item.timestamp).toBe(new Date(Number(value.messages[0].timestamp) * 1000).toISOString());
		expect(item.dedupKey).toBe(`cloud:${value.messages[0].id}`);
		expect(item.fromName).toBe(value.contacts ? value.contacts[0].profile.name : null);
	});

	test.each(['Group Create Message', 'Group Settings Update', 'Group Remove Participants'])('%s: answered 200, no execution (group events are not messages, statuses or errors)', async (name) => {
		const result = await post(example(name), { parameters: ALL });
		expect(result.httpResponse.statusCode).toBe(200);
		expect(result.response?.workflowData).toBeUndefined();
	});

	test('W1 Text Message: text, route by phone_number_id, sender name from contacts', async () => {
		const [item] = await itemsOf(example('Text Message'));
		expect(item).toMatchObject({ event: 'message', type: 'text', text: firstMessage('Text Message').text.body, tenant: '106540352242922', reply: null, media: null, replyTo: null });
	});

	test('W2 product inquiry: replyTo is context.id, referred_product stays in raw', async () => {
		const message = firstMessage('Text Message with Context (Product Inquiry)');
		const [item] = await itemsOf(example('Text Message with Context (Product Inquiry)'));
		expect(item.replyTo).toBe(message.context.id ?? null);
		expect((item.raw as any).context.referred_product).toEqual(message.context.referred_product);
	});

	test('W3 click-to-WhatsApp ad: text, and the referral (ctwa_clid) in raw', async () => {
		const message = firstMessage('Text Message from Click to WhatsApp Ad');
		const [item] = await itemsOf(example('Text Message from Click to WhatsApp Ad'));
		expect(item.text).toBe(message.text.body);
		expect((item.raw as any).referral.ctwa_clid).toBe(message.referral.ctwa_clid);
	});

	test('W4 reaction: event reaction, text = the emoji', async () => {
		const message = firstMessage('Reaction Message');
		const [item] = await itemsOf(example('Reaction Message'));
		expect(item).toMatchObject({ event: 'reaction', type: 'reaction', text: message.reaction.emoji });
	});

	test('W5 image: media with its MIME type, caption, and the media id to download', async () => {
		const message = firstMessage('Image Message');
		const [item] = await itemsOf(example('Image Message'));
		expect(item).toMatchObject({ type: 'image', caption: message.image.caption ?? null, media: { binaryProperty: null, mimeType: message.image.mime_type, fileName: null }, mediaId: message.image.id });
	});

	test('W6 location and W7 contacts: no text, the payload in raw', async () => {
		const [location] = await itemsOf(example('Location Message'));
		expect(location).toMatchObject({ type: 'location', text: null, media: null });
		expect(typeof (location.raw as any).location.latitude).toBe('number');
		const [contacts] = await itemsOf(example('Contact Sharing Message'));
		expect(contacts).toMatchObject({ type: 'contacts', text: null });
		expect((contacts.raw as any).contacts[0].phones[0].type).toBe('MOBILE');
	});

	test('W8 button reply and W9 list reply: reply {id, title}, text = title, replyTo = our wamid', async () => {
		const button = firstMessage('Interactive Button Reply Message');
		const [buttonItem] = await itemsOf(example('Interactive Button Reply Message'));
		expect(buttonItem).toMatchObject({ type: 'interactive', reply: { id: button.interactive.button_reply.id, title: button.interactive.button_reply.title }, text: button.interactive.button_reply.title, replyTo: button.context.id });
		const list = firstMessage('Interactive List Reply Message');
		const [listItem] = await itemsOf(example('Interactive List Reply Message'));
		expect(listItem).toMatchObject({ reply: { id: list.interactive.list_reply.id, title: list.interactive.list_reply.title }, text: list.interactive.list_reply.title });
	});

	test('W10 template quick reply (button): reply {id: payload, title: text}', async () => {
		const message = firstMessage('Button Message');
		const [item] = await itemsOf(example('Button Message'));
		expect(item).toMatchObject({ type: 'button', reply: { id: message.button.payload, title: message.button.text }, text: message.button.text });
	});

	test('unsupported, order and system messages keep their type; system has no contacts → fromName null', async () => {
		expect((await itemsOf(example('Unsupported Message')))[0]).toMatchObject({ type: 'unsupported', text: null });
		expect((await itemsOf(example('Order Message')))[0]).toMatchObject({ type: 'order', text: null });
		expect((await itemsOf(example('System Message')))[0]).toMatchObject({ type: 'system', fromName: null });
	});
});

describe('the NOTES §8.3 additions (statuses from Meta’s reference, played, nfm_reply)', () => {
	const meta = { display_phone_number: '15550253483', phone_number_id: '106540352242922' };
	const wrap = (value: IDataObject) => ({ object: 'whatsapp_business_account', entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: meta, ...value } }] }] });
	const wamid = 'wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA';

	test('sent with conversation and pricing (type regular): status item with both, fromMe, chatId = recipient', async () => {
		const status = { id: wamid, status: 'sent', timestamp: '1750263773', recipient_id: '16505551234', conversation: { id: '6ceb9d929c1a2cd2f3a9e6bb7e3c9a1b', expiration_timestamp: '1750350180', origin: { type: 'utility' } }, pricing: { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' } };
		const [item] = await itemsOf(wrap({ statuses: [status] }));
		expect(item).toMatchObject({ event: 'status', status: 'sent', messageId: wamid, chatId: '16505551234', from: null, fromMe: true, error: null, conversation: status.conversation, pricing: status.pricing, timestamp: '2025-06-18T16:22:53.000Z' });
		expect(item.dedupKey).toBe(`cloud:${wamid}:sent`);
	});

	test('v24-style sent without conversation: no conversation field', async () => {
		const [item] = await itemsOf(wrap({ statuses: [{ id: wamid, status: 'sent', timestamp: '1750263773', recipient_id: '16505551234', pricing: { billable: true, pricing_model: 'PMP', category: 'marketing', type: 'regular' } }] }));
		expect(item.status).toBe('sent');
		expect(item.conversation).toBeUndefined();
	});

	test('failed with errors[0] 131049: error {code, title, message}', async () => {
		const errors = [{ code: 131049, title: 'This message was not delivered to maintain healthy ecosystem engagement.', message: 'This message was not delivered to maintain healthy ecosystem engagement.', error_data: { details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.' }, href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/' }];
		const [item] = await itemsOf(wrap({ statuses: [{ id: wamid, status: 'failed', timestamp: '1750263773', recipient_id: '16505551234', errors }] }));
		expect(item).toMatchObject({ status: 'failed', error: { code: 131049, title: errors[0].title, message: errors[0].message } });
	});

	test('played (voice message, not in the spec enum) is a status of its own', async () => {
		const [item] = await itemsOf(wrap({ statuses: [{ id: wamid, status: 'played', timestamp: '1750263773', recipient_id: '16505551234' }] }));
		expect(item).toMatchObject({ status: 'played', dedupKey: `cloud:${wamid}:played` });
	});

	test('a group status (recipient_type group) is isGroup', async () => {
		const [item] = await itemsOf(wrap({ statuses: [{ id: wamid, status: 'read', timestamp: '1750263773', recipient_id: '120363025246125486', recipient_type: 'group', recipient_participant_id: '16505551234' }] }));
		expect(item.isGroup).toBe(true);
	});

	test('Flow reply (nfm_reply): interactive, no reply choice, response_json in raw', async () => {
		const message = { context: { from: '15550253483', id: wamid }, from: '16505551234', id: 'wamid.flowreply1', timestamp: '1750263773', type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: '{"flow_token":"booking-7781","slot":"10:00"}' } } };
		const [item] = await itemsOf(wrap({ contacts: [{ profile: { name: 'Kerry Fisher' }, wa_id: '16505551234' }], messages: [message] }));
		expect(item).toMatchObject({ type: 'interactive', reply: null, text: null, replyTo: wamid, fromName: 'Kerry Fisher' });
		expect((item.raw as any).interactive.nfm_reply.response_json).toContain('flow_token');
	});
});
