import { createHmac } from 'node:crypto';

import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { runWebhook } from '../../harness';
import { forgetInProcess } from '../../../nodes/WhatsAppMultiDeviceTrigger/dedup';
import { flattenEvent, parseGowaEvent } from '../../../nodes/WhatsAppMultiDeviceTrigger/normalize';
import { WhatsAppMultiDeviceTrigger } from '../../../nodes/WhatsAppMultiDeviceTrigger/WhatsAppMultiDeviceTrigger.node';
import { receiveEvent } from '../../../nodes/WhatsAppMultiDeviceTrigger/webhook';
import { describeWithWebhookDoc, webhookExamples } from './webhookExamples';

const SECRET = 'tenant-a-3b1f0c9e-webhook-secret';
/** Events are dated now (whole seconds, as GOWA writes RFC 3339): older ones fall under the maximum event age. */
const NOW = `${new Date().toISOString().slice(0, 19)}Z`;

function sign(body: string | Buffer, secret = SECRET): string {
	return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** A text message exactly as GOWA v9 serialises it (Go map → keys sorted). */
function gowaMessage(id = '3EB0C127D7BACC83D6A1', extra: IDataObject = {}): string {
	return JSON.stringify({
		device_id: '628111000111@s.whatsapp.net',
		event: 'message',
		payload: {
			body: 'Can I book a haircut tomorrow at 3pm?',
			chat_id: '6281234567890@s.whatsapp.net',
			from: '6281234567890@s.whatsapp.net',
			from_name: 'Dewi',
			id,
			is_from_me: false,
			sender_display_name: 'Dewi Lestari',
			timestamp: NOW,
			...extra,
		},
		session_id: 'salon-main',
	});
}

/** The version 1 output of gowaMessage(): GOWA's event name as `event`, the flat fields, the untouched payload. */
function versionOneFields(body: string): IDataObject {
	return {
		event: 'message',
		deviceId: '628111000111@s.whatsapp.net',
		sessionId: 'salon-main',
		chatId: '6281234567890@s.whatsapp.net',
		isGroup: false,
		sender: '6281234567890',
		senderJid: '6281234567890@s.whatsapp.net',
		senderName: 'Dewi Lestari',
		messageId: '3EB0C127D7BACC83D6A1',
		messageType: 'text',
		text: 'Can I book a haircut tomorrow at 3pm?',
		timestamp: new Date(NOW).toISOString(),
		isFromMe: false,
		repliedToId: null,
		targetMessageId: null,
		dedupKey: expect.stringMatching(/^[0-9a-f]{32}$/),
		payload: JSON.parse(body).payload,
	};
}

function withoutEvent(fields: IDataObject): IDataObject {
	const { event: _event, ...rest } = fields;
	return rest;
}

async function post(rawBody: string | Buffer, options: { headers?: Record<string, string>; parameters?: IDataObject; credentials?: IDataObject; staticData?: IDataObject; typeVersion?: number } = {}) {
	return await runWebhook({
		nodeType: WhatsAppMultiDeviceTrigger,
		typeVersion: options.typeVersion,
		parameters: { events: ['message'], deviceId: '', options: {}, ...options.parameters },
		credentials: { baseUrl: 'http://127.0.0.1:9', webhookSecret: SECRET, defaultCountryCode: '62', ...options.credentials },
		request: { rawBody, headers: options.headers ?? { 'X-Hub-Signature-256': sign(rawBody) } },
		staticData: options.staticData,
	});
}

beforeEach(() => forgetInProcess());

describe('node description', () => {
	const { description } = new WhatsAppMultiDeviceTrigger();

	test('is a webhook trigger by n8n’s conventions, never an AI tool', () => {
		expect(description.name).toBe('whatsAppMultiDeviceTrigger');
		expect(description.displayName).toContain('Trigger');
		expect(WhatsAppMultiDeviceTrigger.name).toMatch(/Trigger$/);
		expect(description.inputs).toEqual([]);
		expect(description.group).toEqual(['trigger']);
		expect(description.usableAsTool).toBeUndefined();
		expect(description.credentials).toEqual([{ name: 'whatsAppMultiDeviceApi', required: true }]);
		// responseData '' (not absent): otherwise n8n answers new events with the literal text "firstEntryJson".
		expect(description.webhooks).toEqual([{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'webhook' }]);
	});

	test('offers every GOWA event, and the signature check can be disabled only with a warning', () => {
		const events = description.properties.find((property) => property.name === 'events');
		expect((events?.options ?? []).map((option) => (option as { value: string }).value).sort()).toEqual(
			['*', 'call.offer', 'chat_presence', 'group.joined', 'group.participants', 'label.association', 'label.edit', 'message', 'message.ack', 'message.deleted', 'message.edited', 'message.reaction', 'message.revoked', 'newsletter.joined', 'newsletter.left', 'newsletter.message', 'newsletter.mute'].sort(),
		);
		const options = description.properties.find((property) => property.name === 'options')?.options as unknown as IDataObject[];
		const disable = options.find((option) => option.name === 'disableSignatureCheck');
		expect(disable?.default).toBe(false);
		expect(String(disable?.description)).toMatch(/Dangerous/);
	});
});

describe('signature check in webhook()', () => {
	test('a correctly signed event starts one execution with the flat fields and the raw payload (version 1)', async () => {
		const body = gowaMessage();
		const result = await post(body, { typeVersion: 1 });
		expect(result.thrown).toBeUndefined();
		expect(result.httpResponse.sent).toBe(false);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toEqual(versionOneFields(body));
		// What n8n answers GOWA (responseData is empty in the webhook description, so this is sent as it is).
		expect(result.response?.webhookResponse).toEqual({ received: true });
	});

	test('version 1.1: the shared event shape, then every version 1 field (GOWA\'s event name as gowaEvent), then raw', async () => {
		const body = gowaMessage();
		const result = await post(body);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toEqual({
			provider: 'gowa',
			tenant: 'salon-main',
			event: 'message',
			messageId: '3EB0C127D7BACC83D6A1',
			chatId: '6281234567890@s.whatsapp.net',
			from: '6281234567890',
			fromName: 'Dewi Lestari',
			fromMe: false,
			isGroup: false,
			type: 'text',
			text: 'Can I book a haircut tomorrow at 3pm?',
			caption: null,
			replyTo: null,
			reply: null,
			media: null,
			status: null,
			error: null,
			timestamp: new Date(NOW).toISOString(),
			gowaEvent: 'message',
			...withoutEvent(versionOneFields(body)),
			raw: JSON.parse(body),
		});
		expect(Object.keys(result.items[0].json).slice(0, 3)).toEqual(['provider', 'tenant', 'event']);
		expect(result.response?.webhookResponse).toEqual({ received: true });
	});

	test.each([
		['wrong secret', (body: string) => ({ 'X-Hub-Signature-256': sign(body, 'secret') })],
		['missing header', () => ({})],
		['wrong prefix', (body: string) => ({ 'X-Hub-Signature-256': sign(body).replace('sha256=', 'sha1=') })],
		['digest of another body', () => ({ 'X-Hub-Signature-256': sign(gowaMessage('OTHER')) })],
	])('%s → 401 answered by the node, no execution, nothing thrown', async (_name, headers) => {
		const body = gowaMessage();
		const result = await post(body, { headers: headers(body) });
		expect(result.thrown).toBeUndefined();
		expect(result.response).toEqual({ noWebhookResponse: true });
		expect(result.httpResponse).toMatchObject({ statusCode: 401, sent: true });
		expect(JSON.stringify(result.httpResponse.body)).not.toContain(SECRET);
		expect(result.items).toEqual([]);
	});

	test('one altered byte after signing → 401', async () => {
		const body = gowaMessage();
		const tampered = body.replace('3pm', '4pm');
		const result = await post(tampered, { headers: { 'X-Hub-Signature-256': sign(body) } });
		expect(result.httpResponse.statusCode).toBe(401);
		expect(result.items).toEqual([]);
	});

	test('re-serialised JSON of a signed body → 401 (only the raw bytes are trusted)', async () => {
		const body = gowaMessage();
		const reserialised = JSON.stringify(JSON.parse(body), null, 1);
		const result = await post(reserialised, { headers: { 'X-Hub-Signature-256': sign(body) } });
		expect(result.httpResponse.statusCode).toBe(401);
	});

	test('uppercase hex digits are accepted', async () => {
		const body = gowaMessage();
		const upper = `sha256=${sign(body).slice(7).toUpperCase()}`;
		const result = await post(body, { headers: { 'X-Hub-Signature-256': upper } });
		expect(result.items).toHaveLength(1);
	});

	test('no Webhook Secret in the credential → every request is refused (GOWA’s default "secret" is not assumed)', async () => {
		const body = gowaMessage();
		const result = await post(body, { credentials: { webhookSecret: '' }, headers: { 'X-Hub-Signature-256': sign(body, 'secret') } });
		expect(result.httpResponse.statusCode).toBe(401);
		expect(result.items).toEqual([]);
	});

	test('Disable Signature Check accepts unsigned events', async () => {
		const result = await post(gowaMessage(), { headers: {}, parameters: { options: { disableSignatureCheck: true } } });
		expect(result.items).toHaveLength(1);
	});

	test('with a device registration and a generated secret, the credential’s own secret is refused', async () => {
		const body = gowaMessage();
		const result = await post(body, { parameters: { deviceId: 'salon-main', registerWebhook: true, secretSource: 'generated' } });
		expect(result.httpResponse.statusCode).toBe(401);
	});

	test('a signed body that is not a GOWA event → 400, no execution', async () => {
		const result = await post('{"hello":"world"}');
		expect(result.httpResponse).toMatchObject({ statusCode: 400, sent: true });
		expect(result.items).toEqual([]);
	});

	test('when n8n has not kept the raw body, webhook() reads it with req.readRawBody()', async () => {
		const body = Buffer.from(gowaMessage());
		const request: { rawBody?: Buffer; readRawBody: jest.Mock } = {
			readRawBody: jest.fn(async () => {
				request.rawBody = body;
			}),
		};
		const answered: number[] = [];
		const context = {
			getNodeParameter: (name: string, fallback: unknown) => ({ events: ['message'], deviceId: '', options: {} } as IDataObject)[name] ?? fallback,
			getRequestObject: () => request,
			getResponseObject: () => ({ status: (code: number) => (answered.push(code), { json: () => undefined }) }),
			getHeaderData: () => ({ 'x-hub-signature-256': sign(body) }),
			getBodyData: () => ({}),
			getCredentials: async () => ({ webhookSecret: SECRET }),
			getWorkflowStaticData: () => ({}),
			getWorkflow: () => ({ id: 'wf' }),
			getNode: () => ({ id: 'node' }),
			getMode: () => 'webhook',
			logger: { debug: jest.fn(), warn: jest.fn(), info: jest.fn() },
			helpers: {},
		} as unknown as IWebhookFunctions;
		const response = await receiveEvent.call(context);
		expect(request.readRawBody).toHaveBeenCalledTimes(1);
		expect(answered).toEqual([]);
		expect(response.workflowData?.[0]).toHaveLength(1);
	});
});

describe('filters and duplicates in webhook()', () => {
	test('a filtered event is answered 200 and starts nothing', async () => {
		const own = gowaMessage('OWN1', { is_from_me: true });
		const result = await post(own, { parameters: { options: { ignoreFromMe: true } } });
		expect(result.httpResponse.sent).toBe(false);
		expect(result.response?.workflowData).toBeUndefined();
		expect(result.response?.webhookResponse).toEqual({ received: true, ignored: 'own message' });

		const ack = JSON.stringify({ device_id: 'd', event: 'message.ack', payload: { ids: ['X'], receipt_type: 'read' }, timestamp: '2026-03-02T08:16:00Z' });
		expect((await post(ack)).response?.workflowData).toBeUndefined();
	});

	test('bad filter settings fail loudly (error execution), they are not silently ignored', async () => {
		const result = await post(gowaMessage(), { parameters: { options: { senders: 'not a number' } } });
		expect(result.thrown?.message).toMatch(/Only Senders: "not a number"/);
	});

	test('the same delivery five times (GOWA retries) starts one execution; the others answer 200', async () => {
		const staticData: IDataObject = {};
		const body = gowaMessage('RETRY1');
		const results = [];
		for (let attempt = 0; attempt < 5; attempt++) results.push(await post(body, { staticData }));
		expect(results.map((result) => result.items.length)).toEqual([1, 0, 0, 0, 0]);
		expect(results.slice(1).every((result) => result.response?.webhookResponse?.duplicate === true && !result.httpResponse.sent)).toBe(true);
	});

	test('dedup writes nothing to workflow static data (n8n would not save it on a call that starts an execution)', async () => {
		const staticData: IDataObject = {};
		for (let index = 0; index < 20; index++) expect((await post(gowaMessage(`NOSTATIC${index}`), { staticData })).items).toHaveLength(1);
		expect(await post(gowaMessage('NOSTATIC0'), { staticData })).toMatchObject({ items: [] });
		expect(staticData).toEqual({});
	});

	test('every item carries a stable dedupKey: the same for a retry of the same delivery, whichever process gets it', async () => {
		const body = gowaMessage('KEY1');
		const first = await post(body);
		forgetInProcess(); // another webhook process, or a restart
		const second = await post(body);
		expect(second.items).toHaveLength(1);
		expect(second.items[0].json.dedupKey).toBe(first.items[0].json.dedupKey);
		forgetInProcess();
		expect((await post(gowaMessage('KEY2'))).items[0].json.dedupKey).not.toBe(first.items[0].json.dedupKey);
	});

	test('channel post live updates (same post id, new counts) each start an execution; a byte-identical retry does not', async () => {
		const update = (views: number) =>
			JSON.stringify({ device_id: 'd', event: 'newsletter.message', payload: { messages: [{ message_id: 'ABC123DEF456', server_id: 123, timestamp: NOW, type: 'text', views_count: views }], newsletter_id: '120363123456789@newsletter' }, timestamp: NOW });
		const staticData: IDataObject = {};
		const parameters = { events: ['newsletter.message'] };
		expect((await post(update(1500), { staticData, parameters })).items).toHaveLength(1);
		expect((await post(update(1800), { staticData, parameters })).items).toHaveLength(1);
		expect((await post(update(1800), { staticData, parameters })).items).toHaveLength(0);
	});

	test('different messages are not duplicates; window 0 lets repeats through', async () => {
		const staticData: IDataObject = {};
		expect((await post(gowaMessage('M1'), { staticData })).items).toHaveLength(1);
		expect((await post(gowaMessage('M2'), { staticData })).items).toHaveLength(1);
		const options = { dedupWindowMinutes: 0 };
		expect((await post(gowaMessage('M3'), { staticData, parameters: { options } })).items).toHaveLength(1);
		expect((await post(gowaMessage('M3'), { staticData, parameters: { options } })).items).toHaveLength(1);
	});
});

describe('maximum event age (replays of old signed events)', () => {
	const minutesAgo = (minutes: number) => `${new Date(Date.now() - minutes * 60_000).toISOString().slice(0, 19)}Z`;

	test('a signed event older than the window (default maximum age) is answered 200 and starts nothing', async () => {
		const old = await post(gowaMessage('OLD1', { timestamp: minutesAgo(11) }));
		expect(old.httpResponse.sent).toBe(false);
		expect(old.response?.workflowData).toBeUndefined();
		expect(old.response?.webhookResponse).toEqual({ received: true, ignored: 'older than the maximum event age' });
		expect((await post(gowaMessage('RECENT1', { timestamp: minutesAgo(9) }))).items).toHaveLength(1);
	});

	test('the top-level timestamp counts for events that have one (receipts, calls, groups…)', async () => {
		const call = (timestamp: string) => JSON.stringify({ device_id: 'd', event: 'call.offer', payload: { call_id: `C-${timestamp}`, from: '6281234567890@s.whatsapp.net' }, timestamp });
		const parameters = { events: ['call.offer'] };
		expect((await post(call(minutesAgo(30)), { parameters })).items).toHaveLength(0);
		expect((await post(call(minutesAgo(1)), { parameters })).items).toHaveLength(1);
	});

	test('unset, it follows the deduplication window; set, it is its own; 0 turns it off', async () => {
		const at = (id: string, minutes: number) => gowaMessage(id, { timestamp: minutesAgo(minutes) });
		expect((await post(at('W1', 25), { parameters: { options: { dedupWindowMinutes: 30 } } })).items).toHaveLength(1);
		expect((await post(at('W2', 35), { parameters: { options: { dedupWindowMinutes: 30 } } })).items).toHaveLength(0);
		expect((await post(at('W3', 25), { parameters: { options: { dedupWindowMinutes: 30, maxEventAgeMinutes: 20 } } })).items).toHaveLength(0);
		expect((await post(at('W4', 60 * 24 * 365), { parameters: { options: { maxEventAgeMinutes: 0 } } })).items).toHaveLength(1);
	});

	test('an event without a usable timestamp is judged by the deduplication window alone', async () => {
		expect((await post(gowaMessage('NOTIME1', { timestamp: 'not a date' }))).items).toHaveLength(1);
	});
});

describeWithWebhookDoc('every webhook-payload.md example through webhook() (version 1)', () => {
	test.each(webhookExamples.map((example) => [example.name, example] as const))('%s', async (_name, example) => {
		// The examples are dated years ago: no maximum age here.
		const result = await post(example.text, { typeVersion: 1, parameters: { events: ['*'], ignoreFromMe: false, ignoreGroups: false, options: { maxEventAgeMinutes: 0 } } });
		expect(result.httpResponse.sent).toBe(false);
		expect(result.items).toHaveLength(1);
		const { dedupKey, ...json } = result.items[0].json;
		expect(dedupKey).toMatch(/^[0-9a-f]{32}$/);
		expect(json).toEqual(flattenEvent(parseGowaEvent(Buffer.from(example.text))!));
		expect(result.items[0].json.payload).toEqual(example.body.payload);
	});
});
