import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { PROJECT_ROOT } from '../../harness';
import { forgetInProcess } from '../../../nodes/shared/seenKeys';
import { WhatsAppCloudTrigger } from '../../../nodes/WhatsAppCloudTrigger/WhatsAppCloudTrigger.node';
import { PHONE_A, PHONE_B, delivery, handshake, metadata, nowSeconds, post, sign, statusUpdate, textMessage } from './cloudTriggerKit';

beforeEach(() => forgetInProcess());

const wamid = (n: number | string) => `wamid.HBgLNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA${n}`;

function expectNoExecution(result: Awaited<ReturnType<typeof post>>, status: number): void {
	expect(result.thrown).toBeUndefined();
	expect(result.response?.workflowData).toBeUndefined();
	expect(result.items).toHaveLength(0);
	expect(result.httpResponse.statusCode).toBe(status);
}

describe('node description', () => {
	const { description } = new WhatsAppCloudTrigger();

	test('a webhook trigger with the Cloud credential, one URL for the GET handshake and the POST deliveries', () => {
		expect(description.name).toBe('whatsAppCloudTrigger');
		expect(description.group).toEqual(['trigger']);
		expect(description.inputs).toEqual([]);
		expect(description.credentials).toEqual([{ name: 'whatsAppCloudApi', required: true }]);
		expect(description.icon).toEqual({ light: 'file:../../icons/whatsapp-cloud.svg', dark: 'file:../../icons/whatsapp-cloud.dark.svg' });
		expect(description.webhooks).toEqual([
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'webhook' },
		]);
		const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
		expect(pkg.n8n.nodes).toContain('dist/nodes/WhatsAppCloudTrigger/WhatsAppCloudTrigger.node.js');
	});

	test('defaults: messages only (statuses ignored), all phone numbers, manual registration, no media download', () => {
		const defaults = Object.fromEntries(description.properties.map((property) => [property.name, property.default]));
		expect(defaults).toMatchObject({ events: ['message'], phoneNumberIds: '', registration: 'manual', downloadMedia: false, binaryPropertyName: 'data' });
		expect(defaults.statuses).toEqual(['sent', 'delivered', 'read', 'played', 'failed']);
	});
});

describe('GET verification handshake', () => {
	test('the right verify token: 200, the challenge verbatim as text/plain, no execution', async () => {
		const result = await handshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-7b2d1c0e-salon', 'hub.challenge': '1158201444' });
		expectNoExecution(result, 200);
		expect(result.response).toEqual({ noWebhookResponse: true });
		expect(result.httpResponse.body).toBe('1158201444');
		expect(result.httpResponse.headers['content-type']).toMatch(/^text\/plain/);
		expect(result.httpResponse.headers['x-content-type-options']).toBe('nosniff');
	});

	test.each([
		['a wrong verify token', { 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-7b2d1c0e-salom', 'hub.challenge': '42' }],
		['a longer token with the right prefix', { 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-7b2d1c0e-salon!', 'hub.challenge': '42' }],
		['no verify token', { 'hub.mode': 'subscribe', 'hub.challenge': '42' }],
		['a wrong mode', { 'hub.mode': 'unsubscribe', 'hub.verify_token': 'verify-7b2d1c0e-salon', 'hub.challenge': '42' }],
		['no mode', { 'hub.verify_token': 'verify-7b2d1c0e-salon', 'hub.challenge': '42' }],
	])('%s: 403 and the challenge is not echoed', async (_name, query) => {
		const result = await handshake(query as Record<string, string>);
		expectNoExecution(result, 403);
		expect(result.httpResponse.body).not.toContain('42');
	});

	test('the right token but no challenge: 400', async () => {
		const result = await handshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-7b2d1c0e-salon' });
		expectNoExecution(result, 400);
	});

	test('a credential without Verify Token refuses every handshake, even one with an empty token', async () => {
		const result = await handshake({ 'hub.mode': 'subscribe', 'hub.verify_token': '', 'hub.challenge': '42' }, { verifyToken: '' });
		expectNoExecution(result, 403);
	});
});

describe('POST signature (X-Hub-Signature-256 over the raw body with the App Secret)', () => {
	const body = JSON.stringify(delivery({ metadata: metadata(), contacts: [{ profile: { name: 'Dewi' }, wa_id: '6281234567890' }], messages: [textMessage(wamid(1))] }));

	test('right signature: 200 and one execution', async () => {
		const result = await post(body);
		expect(result.httpResponse.statusCode).toBe(200);
		expect(result.items).toHaveLength(1);
		expect(result.response?.webhookResponse).toEqual({ received: true, items: 1 });
	});

	test.each([
		['missing', {}],
		['empty', { 'X-Hub-Signature-256': '' }],
		['malformed (not hex)', { 'X-Hub-Signature-256': `sha256=${'z'.repeat(64)}` }],
		['malformed (sha1 prefix)', { 'X-Hub-Signature-256': sign(body).replace('sha256=', 'sha1=') }],
		['malformed (truncated)', { 'X-Hub-Signature-256': sign(body).slice(0, 40) }],
		['made with a wrong secret', { 'X-Hub-Signature-256': sign(body, 'meta-app-secret-5c1e9a77d3') }],
		['made over another body', { 'X-Hub-Signature-256': sign(body.replace('tomorrow', 'tomorrov')) }],
	])('%s: 401 and no execution', async (_name, headers) => {
		const result = await post(body, { headers: headers as Record<string, string> });
		expectNoExecution(result, 401);
		expect(result.httpResponse.body).toEqual({ message: 'Invalid or missing X-Hub-Signature-256' });
	});

	test('one changed byte of the body: 401', async () => {
		const tampered = Buffer.from(body);
		tampered[tampered.indexOf('book')] = 'c'.charCodeAt(0);
		const result = await post(tampered, { headers: { 'X-Hub-Signature-256': sign(body) } });
		expectNoExecution(result, 401);
	});

	test('a credential without App Secret refuses every delivery, even one signed with an empty key', async () => {
		const result = await post(body, { headers: { 'X-Hub-Signature-256': sign(body, '') }, credentials: { appSecret: '' } });
		expectNoExecution(result, 401);
	});

	test.each([
		['not JSON', '{"object":"whatsapp_business_account","entry":['],
		['JSON without entry[]', '{"object":"whatsapp_business_account","entry":"x"}'],
		['a JSON array', '[1,2,3]'],
	])('signed but %s: 400 and no execution', async (_name, raw) => {
		expectNoExecution(await post(raw), 400);
	});
});

describe('one item per update of a batched delivery, filtered', () => {
	const fifty = Array.from({ length: 50 }, (_, n) => statusUpdate(wamid(n), ['sent', 'delivered', 'read', 'failed', 'played'][n % 5]));

	test('one POST with 50 statuses → one execution with 50 items, each with dedupKey cloud:<wamid>:<status>', async () => {
		const result = await post(delivery({ metadata: metadata(), statuses: fifty }), { parameters: { events: ['status'] } });
		expect(result.items).toHaveLength(50);
		result.items.forEach((item, n) => {
			expect(item.json).toMatchObject({ provider: 'cloud', tenant: PHONE_A, event: 'status', messageId: wamid(n), status: fifty[n].status, fromMe: true });
			expect(item.json.dedupKey).toBe(`cloud:${wamid(n)}:${String(fifty[n].status)}`);
		});
	});

	test('statuses are ignored by default: 200, no execution', async () => {
		const result = await post(delivery({ metadata: metadata(), statuses: fifty }));
		expectNoExecution(result, 200);
		expect(result.response?.webhookResponse).toEqual({ received: true, items: 0, ignored: { kind: 50 } });
	});

	test('only the chosen status values (e.g. Failed) start items', async () => {
		const result = await post(delivery({ metadata: metadata(), statuses: fifty }), { parameters: { events: ['status'], statuses: ['failed'] } });
		expect(result.items.map((item) => item.json.status)).toEqual(Array(10).fill('failed'));
		expect(result.response?.webhookResponse).toEqual({ received: true, items: 10, ignored: { status: 40 } });
	});

	test('messages, statuses and errors of one delivery, in order, with Events = all three', async () => {
		const body = delivery({ metadata: metadata(), messages: [textMessage(wamid('m'))], statuses: [statusUpdate(wamid('s'), 'read')], errors: [{ code: 131000, title: 'Something went wrong', message: 'Something went wrong', error_data: { details: 'Unknown' } }] });
		const result = await post(body, { parameters: { events: ['message', 'status', 'error'] } });
		expect(result.items.map((item) => item.json.event)).toEqual(['message', 'status', 'error']);
		expect(result.items[2].json).toMatchObject({ error: { code: 131000, title: 'Something went wrong', message: 'Something went wrong' }, messageId: null, timestamp: null });
		expect(String(result.items[2].json.dedupKey)).toMatch(/^cloud:error:[0-9a-f]{32}$/);
	});

	test('two tenants behind one app are routed by phone number id', async () => {
		const body = {
			object: 'whatsapp_business_account',
			entry: [
				{ id: '102290129340398', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: metadata(PHONE_A), messages: [textMessage(wamid('a'), '6281111111111')] } }] },
				{ id: '102290129340777', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: metadata(PHONE_B), messages: [textMessage(wamid('b'), '6282222222222')] } }] },
			],
		};
		const salonA = await post(body, { parameters: { phoneNumberIds: PHONE_A } });
		expect(salonA.items.map((item) => [item.json.tenant, item.json.from, item.json.wabaId])).toEqual([[PHONE_A, '6281111111111', '102290129340398']]);
		const salonB = await post(body, { parameters: { phoneNumberIds: ` ${PHONE_B} , 999` } });
		expect(salonB.items.map((item) => [item.json.tenant, item.json.from, item.json.wabaId])).toEqual([[PHONE_B, '6282222222222', '102290129340777']]);
		forgetInProcess();
		const all = await post(body);
		expect(all.items.map((item) => item.json.tenant)).toEqual([PHONE_A, PHONE_B]);
		forgetInProcess();
		const none = await post(body, { parameters: { phoneNumberIds: '100000000000001' } });
		expectNoExecution(none, 200);
		expect(none.response?.webhookResponse).toEqual({ received: true, items: 0, ignored: { phoneNumberId: 2 } });
	});

	test('events older than Maximum Event Age (default 7 days) start nothing; 0 turns the limit off', async () => {
		const old = { ...textMessage(wamid('old')), timestamp: String(Math.floor(Date.now() / 1000) - 8 * 24 * 3600) };
		const body = delivery({ metadata: metadata(), messages: [old] });
		const result = await post(body);
		expectNoExecution(result, 200);
		expect(result.response?.webhookResponse).toEqual({ received: true, items: 0, ignored: { age: 1 } });
		expect((await post(body, { parameters: { options: { maxEventAgeMinutes: 0 } } })).items).toHaveLength(1);
	});
});

describe('dedup of Meta’s redeliveries (in process)', () => {
	test('the same message delivered 5 times → 1 execution', async () => {
		const body = JSON.stringify(delivery({ metadata: metadata(), messages: [textMessage(wamid('dup'))] }));
		const results = [];
		for (let n = 0; n < 5; n++) results.push(await post(body));
		expect(results.map((result) => result.items.length)).toEqual([1, 0, 0, 0, 0]);
		expect(results[4].response?.webhookResponse).toEqual({ received: true, items: 0, duplicates: 1 });
		expect(results[0].items[0].json.dedupKey).toBe(`cloud:${wamid('dup')}`);
	});

	test('by (wamid, status): delivered then read of one message are two items; delivered again is dropped', async () => {
		const parameters = { events: ['status'] };
		const delivered = await post(delivery({ metadata: metadata(), statuses: [statusUpdate(wamid(7), 'delivered')] }), { parameters });
		const read = await post(delivery({ metadata: metadata(), statuses: [statusUpdate(wamid(7), 'read')] }), { parameters });
		const again = await post(delivery({ metadata: metadata(), statuses: [{ ...statusUpdate(wamid(7), 'delivered'), timestamp: nowSeconds() }] }), { parameters });
		expect([delivered.items.length, read.items.length, again.items.length]).toEqual([1, 1, 0]);
	});

	test('a redelivered batch yields only its new updates', async () => {
		const parameters = { events: ['message'] };
		await post(delivery({ metadata: metadata(), messages: [textMessage(wamid(1)), textMessage(wamid(2))] }), { parameters });
		const result = await post(delivery({ metadata: metadata(), messages: [textMessage(wamid(2)), textMessage(wamid(3))] }), { parameters });
		expect(result.items.map((item) => item.json.messageId)).toEqual([wamid(3)]);
	});

	test('Deduplication Window 0 turns it off; test listening (manual mode) never deduplicates', async () => {
		const body = delivery({ metadata: metadata(), messages: [textMessage(wamid('off'))] });
		const off = { options: { dedupWindowMinutes: 0 } };
		expect([(await post(body, { parameters: off })).items.length, (await post(body, { parameters: off })).items.length]).toEqual([1, 1]);
		expect([(await post(body, { mode: 'manual' })).items.length, (await post(body, { mode: 'manual' })).items.length]).toEqual([1, 1]);
	});
});

describe('hostile bodies (validly signed) are answered without a crash', () => {
	test('5,000 messages in one change: the first 1,000 become items, the rest is counted as dropped', async () => {
		const messages = Array.from({ length: 5000 }, (_, n) => textMessage(wamid(`h${n}`)));
		const result = await post(delivery({ metadata: metadata(), messages }));
		expect(result.items).toHaveLength(1000);
		expect(result.response?.webhookResponse).toMatchObject({ received: true, items: 1000, dropped: 4000 });
	});

	test('200,000 entries with empty changes: bounded walk, 200, no execution', async () => {
		const body = { object: 'whatsapp_business_account', entry: Array.from({ length: 200_000 }, () => ({ id: '1', changes: [] })) };
		expectNoExecution(await post(body), 200);
	});

	test('at most 2,000 entries and changes are looked at: a message behind 1,500 empty entries is not reached', async () => {
		const filler = Array.from({ length: 1500 }, () => ({ id: '1', changes: [{ field: 'messages', value: { metadata: metadata() } }] }));
		const late = { id: '1', changes: [{ field: 'messages', value: { metadata: metadata(), messages: [textMessage(wamid('late'))] } }] };
		expectNoExecution(await post({ object: 'whatsapp_business_account', entry: [...filler, late] }), 200);
		expect((await post({ object: 'whatsapp_business_account', entry: [...filler.slice(0, 900), late] })).items).toHaveLength(1);
	});

	test('a message nested 33 levels deep is dropped, 31 levels is kept', async () => {
		const nest = (levels: number): unknown => (levels === 0 ? 'x' : { n: nest(levels - 1) });
		const message = (id: string, levels: number) => ({ ...textMessage(wamid(id)), text: nest(levels) });
		const result = await post(delivery({ metadata: metadata(), messages: [message('d33', 33), message('d31', 31)] }));
		expect(result.items.map((item) => item.json.messageId)).toEqual([wamid('d31')]);
	});

	test('a message nested 5,000 levels deep is dropped, its neighbour kept', async () => {
		const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
		const raw = `{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"${PHONE_A}"},"messages":[{"id":"${wamid('deep')}","type":"text","from":"1","timestamp":"${nowSeconds()}","text":{"body":${deep}}},${JSON.stringify(textMessage(wamid('ok')))}]}}]}]}`;
		const result = await post(raw);
		expect(result.items.map((item) => item.json.messageId)).toEqual([wamid('ok')]);
		expect(result.response?.webhookResponse).toMatchObject({ dropped: 1 });
	});

	test('wrong types everywhere: no item from nonsense, typed nulls for wrong field types', async () => {
		const body = {
			object: 'whatsapp_business_account',
			entry: [
				1, null, 'entry', { changes: 'x' }, { changes: [null, { value: [] }, { value: { messages: 'x', statuses: [1, null], metadata: 5 } }] },
				{ id: 7, changes: [{ field: 3, value: { metadata: { phone_number_id: {} }, contacts: 'x', messages: [{ id: ['x'], from: {}, type: 'text', text: 'not an object', timestamp: 'yesterday', context: 5 }] } }] },
			],
		};
		const result = await post(body);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ provider: 'cloud', tenant: null, messageId: null, from: null, type: 'text', text: null, timestamp: null, replyTo: null, wabaId: '7' });
		expect(String(result.items[0].json.dedupKey)).toMatch(/^cloud:message:[0-9a-f]{32}$/);
	});

	test('__proto__ keys stay plain data', async () => {
		const raw = `{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"${PHONE_A}"},"messages":[{"__proto__":{"polluted":true},"id":"${wamid('p')}","from":"1","type":"text","text":{"body":"x"},"timestamp":"${nowSeconds()}"}]}}]}]}`;
		const result = await post(raw);
		expect(result.items).toHaveLength(1);
		expect(({} as IDataObject).polluted).toBeUndefined();
	});
});
