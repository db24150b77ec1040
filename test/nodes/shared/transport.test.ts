/**
 * The transport, run inside n8n's engine by a tiny probe node that calls it with its parameters, against a
 * sink that records the raw requests (exact path, raw headers) and answers what each test needs.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { GowaRequest } from '../../../nodes/shared/transport';
import { encodeDeviceHeader, joinUrl, resultsAsObject } from '../../../nodes/shared/transport';
import type { Sink } from '../../harness';
import { runNode, startSink } from '../../harness';
import { TransportProbe } from '../../support/transportProbe';

describe('joinUrl', () => {
	test.each([
		['http://h:3000', '/send/message', 'http://h:3000/send/message'],
		['http://h:3000/', '/send/message', 'http://h:3000/send/message'],
		['http://h:3000///', 'send/message', 'http://h:3000/send/message'],
		['https://wa.example.com/gowa', '/send/message', 'https://wa.example.com/gowa/send/message'],
		['https://wa.example.com/gowa/', '//send/message', 'https://wa.example.com/gowa/send/message'],
		['https://wa.example.com/tenants/a/gowa//', '/devices', 'https://wa.example.com/tenants/a/gowa/devices'],
	])('%s + %s', (base, path, expected) => {
		expect(joinUrl(base, path)).toBe(expected);
	});

	test('/health is at the server root, outside the base path', () => {
		expect(joinUrl('https://wa.example.com/gowa/', '/health', true)).toBe('https://wa.example.com/health');
		expect(joinUrl('http://127.0.0.1:3000', 'health', true)).toBe('http://127.0.0.1:3000/health');
	});
});

describe('encodeDeviceHeader', () => {
	test('ASCII ids and JIDs pass unchanged; the rest is percent-encoded (GOWA unescapes the header)', () => {
		expect(encodeDeviceHeader('salon-main')).toBe('salon-main');
		expect(encodeDeviceHeader('628123456789:12@s.whatsapp.net')).toBe('628123456789:12@s.whatsapp.net');
		expect(encodeDeviceHeader('salón 1')).toBe('sal%C3%B3n%201');
		expect(encodeDeviceHeader('50%')).toBe('50%25');
	});
});

describe('resultsAsObject (envelope unwrapping)', () => {
	test('object and array results are returned as they are', () => {
		expect(resultsAsObject({ code: 'SUCCESS', message: 'ok', results: { message_id: 'X' } })).toEqual({ message_id: 'X' });
		expect(resultsAsObject({ code: 'SUCCESS', results: [{ a: 1 }] })).toEqual([{ a: 1 }]);
	});

	test('missing, null or empty results become {success, code, message}', () => {
		expect(resultsAsObject({ code: 'SUCCESS', message: 'Success delete' })).toEqual({ success: true, code: 'SUCCESS', message: 'Success delete' });
		expect(resultsAsObject({ code: 'SUCCESS', message: 'm', results: null })).toEqual({ success: true, code: 'SUCCESS', message: 'm' });
		expect(resultsAsObject({ code: 'SUCCESS', message: 'm', results: '' })).toEqual({ success: true, code: 'SUCCESS', message: 'm' });
		expect(resultsAsObject(undefined)).toEqual({ success: true, code: 'SUCCESS', message: '' });
	});

	test('scalar results are kept under result', () => {
		expect(resultsAsObject({ code: 'SUCCESS', message: 'm', results: 'pong' })).toEqual({ success: true, code: 'SUCCESS', message: 'm', result: 'pong' });
	});
});

describe('gowaRequest inside n8n', () => {
	let sink: Sink;
	beforeAll(async () => {
		sink = await startSink();
	});
	afterAll(async () => await sink.close());
	beforeEach(() => {
		sink.requests.splice(0);
		sink.answer({ status: 200, body: { code: 'SUCCESS', message: 'Success', results: { ok: true } } });
	});

	async function call(request: Partial<GowaRequest>, credentials: IDataObject, extra: { envelope?: boolean; items?: Array<{ json: IDataObject }> } = {}) {
		return await runNode({
			nodeType: TransportProbe,
			parameters: { request: JSON.stringify({ method: 'GET', path: '/devices', ...request }), envelope: extra.envelope ?? false },
			credentials: { username: 'admin', password: 'pw', ...credentials },
			items: extra.items,
		});
	}

	test.each([
		['http://HOST', '/devices', '/devices'],
		['http://HOST/', '/devices', '/devices'],
		['http://HOST/gowa', '/send/message', '/gowa/send/message'],
		['http://HOST/gowa/', 'send/message', '/gowa/send/message'],
		['http://HOST/gowa///', '/send/message', '/gowa/send/message'],
		['  http://HOST/a/b/  ', '/app/info', '/a/b/app/info'],
	])('base URL %j + %j → %s', async (base, path, expected) => {
		const result = await call({ path }, { baseUrl: base.replace('http://HOST', sink.url) });
		expect(result.error).toBeUndefined();
		expect(sink.requests.map((request) => request.url)).toEqual([expected]);
	});

	test('/health goes to the server root even with a base path', async () => {
		await call({ path: '/health', atServerRoot: true }, { baseUrl: `${sink.url}/gowa/` });
		expect(sink.requests[0].url).toBe('/health');
	});

	test('query parameters are appended', async () => {
		await call({ path: '/chats', qs: { limit: 5, search: 'a b' } }, { baseUrl: sink.url });
		expect(sink.requests[0].url).toBe('/chats?limit=5&search=a%20b');
	});

	describe('X-Device-Id', () => {
		test('the item’s device wins over the credential default', async () => {
			await call({ deviceScoped: true, deviceId: 'branch-2' }, { baseUrl: sink.url, deviceId: 'salon-main' });
			expect(sink.requests[0].headers['x-device-id']).toBe('branch-2');
		});

		test('the credential default is used when the item names none (or only blanks)', async () => {
			await call({ deviceScoped: true, deviceId: '   ' }, { baseUrl: sink.url, deviceId: ' salon-main ' });
			await call({ deviceScoped: true }, { baseUrl: sink.url, deviceId: 'salon-main' });
			expect(sink.requests.map((request) => request.headers['x-device-id'])).toEqual(['salon-main', 'salon-main']);
		});

		test('absent when neither is set', async () => {
			await call({ deviceScoped: true }, { baseUrl: sink.url, deviceId: '' });
			expect(sink.requests[0].headers).not.toHaveProperty('x-device-id');
		});

		test('absent on requests that are not device-scoped (e.g. /devices), even with a default', async () => {
			await call({ deviceScoped: false, deviceId: 'x' }, { baseUrl: sink.url, deviceId: 'salon-main' });
			expect(sink.requests[0].headers).not.toHaveProperty('x-device-id');
		});

		test('non-ASCII ids arrive percent-encoded; JIDs unchanged', async () => {
			await call({ deviceScoped: true, deviceId: 'salón 1' }, { baseUrl: sink.url });
			await call({ deviceScoped: true, deviceId: '628123456789:12@s.whatsapp.net' }, { baseUrl: sink.url });
			expect(sink.requests.map((request) => request.headers['x-device-id'])).toEqual(['sal%C3%B3n%201', '628123456789:12@s.whatsapp.net']);
		});
	});

	test('basic auth only when a username is set; JSON bodies carry their content type', async () => {
		await call({ method: 'POST', path: '/send/message', body: { phone: '1', message: 'x' } }, { baseUrl: sink.url });
		await call({}, { baseUrl: sink.url, username: '', password: 'pw' });
		expect(sink.requests[0].headers.authorization).toBe(`Basic ${Buffer.from('admin:pw').toString('base64')}`);
		expect(sink.requests[0].headers['content-type']).toBe('application/json');
		expect(JSON.parse(sink.requests[0].body.toString())).toEqual({ phone: '1', message: 'x' });
		expect(sink.requests[1].headers).not.toHaveProperty('authorization');
	});

	describe('envelope unwrapping', () => {
		test('results object → the item', async () => {
			sink.answer({ body: { code: 'SUCCESS', message: 'Message sent', results: { message_id: '3EB0', status: 'sent' } } });
			expect((await call({}, { baseUrl: sink.url })).items.map((item) => item.json)).toEqual([{ message_id: '3EB0', status: 'sent' }]);
		});

		test('results array → one item per entry', async () => {
			sink.answer({ body: { code: 'SUCCESS', message: 'ok', results: [{ id: 'a' }, { id: 'b' }] } });
			expect((await call({}, { baseUrl: sink.url })).items.map((item) => item.json)).toEqual([{ id: 'a' }, { id: 'b' }]);
		});

		test('missing results → {success: true, code, message}', async () => {
			sink.answer({ body: { code: 'SUCCESS', message: 'Success delete message' } });
			expect((await call({}, { baseUrl: sink.url })).items[0].json).toEqual({ success: true, code: 'SUCCESS', message: 'Success delete message' });
		});

		test('a non-JSON 200 answer is not GOWA’s: the item fails, naming content type and first bytes', async () => {
			sink.answer({ body: 'OK', headers: { 'content-type': 'text/plain' } });
			const result = await call({}, { baseUrl: sink.url });
			expect(result.items).toEqual([]);
			expect(result.error?.message).toBe(`127.0.0.1:${sink.port} answered HTTP 200 with text/plain, which is not a GOWA answer: "OK"`);
		});

		test('gowaEnvelopeRequest returns the whole envelope, results null kept', async () => {
			sink.answer({ body: { code: 'SUCCESS', message: 'Success get list', results: null } });
			const result = await call({}, { baseUrl: sink.url }, { envelope: true });
			expect(result.items[0].json).toEqual({ code: 'SUCCESS', message: 'Success get list', results: null });
		});
	});

	describe('a bad Base URL fails before any request', () => {
		test.each([
			['not a url', 'The Base URL of the credential is not a valid URL'],
			['', 'The Base URL of the credential is not a valid URL'],
			['ftp://wa.example.com', 'The Base URL of the credential must start with http:// or https://'],
			['http://admin:secret@wa.example.com/gowa', 'The Base URL of the credential must not contain a user name or password'],
		])('%j', async (baseUrl, message) => {
			const result = await call({}, { baseUrl });
			expect(result.error?.message).toBe(message);
			expect(result.thrown).toBeInstanceOf(NodeOperationError);
			expect(result.error?.context?.itemIndex).toBe(0);
			expect(sink.requests).toHaveLength(0);
			expect(JSON.stringify(result.error)).not.toContain('secret');
		});
	});
});
