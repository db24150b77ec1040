/**
 * The tenant credential: its `authenticate` (basic auth only with a username) and its `test` request and
 * rules, run the way n8n's credential dialog runs them (RoutingNode + our authenticate) against a sink.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { WhatsAppMultiDeviceApi } from '../../credentials/WhatsAppMultiDeviceApi.credentials';
import type { Sink } from '../harness';
import { closedPort, startSink, testCredential } from '../harness';

const credential = new WhatsAppMultiDeviceApi();

describe('authenticate', () => {
	const request: IHttpRequestOptions = { url: 'http://gowa/devices', method: 'GET', headers: { Accept: 'application/json' } };

	test('adds basic auth when a username is set', async () => {
		const result = await credential.authenticate({ username: 'admin', password: 's3cret' }, request);
		expect(result).toEqual({ ...request, auth: { username: 'admin', password: 's3cret' } });
	});

	test('an empty password is still sent with the username', async () => {
		const result = await credential.authenticate({ username: 'admin' }, request);
		expect(result.auth).toEqual({ username: 'admin', password: '' });
	});

	test('adds nothing without a username (server without --basic-auth), even if a password is set', async () => {
		expect(await credential.authenticate({ username: '', password: 's3cret' }, request)).toEqual(request);
		expect(await credential.authenticate({ password: 's3cret' }, request)).toEqual(request);
		expect((await credential.authenticate({ username: '', password: 's3cret' }, request)).auth).toBeUndefined();
	});

	test('does not mutate the request it is given', async () => {
		const original: IHttpRequestOptions = { url: 'http://gowa/x', headers: {} };
		await credential.authenticate({ username: 'admin', password: 'pw' }, original);
		expect(original).toEqual({ url: 'http://gowa/x', headers: {} });
	});
});

describe('fields', () => {
	const byName = Object.fromEntries(credential.properties.map((property) => [property.name, property]));

	test('has the tenant fields, secrets masked', () => {
		expect(Object.keys(byName).sort()).toEqual(['baseUrl', 'defaultCountryCode', 'deviceId', 'password', 'username', 'webhookSecret']);
		expect(byName.password.typeOptions?.password).toBe(true);
		expect(byName.webhookSecret.typeOptions?.password).toBe(true);
		expect(byName.baseUrl.required).toBe(true);
	});
});

describe('test request and rules', () => {
	test('GET /devices below the base URL (not device-scoped, so it works before a device is chosen)', () => {
		expect(credential.test.request).toMatchObject({ method: 'GET', url: '/devices' });
		expect(credential.test.request.baseURL).toContain('$credentials.baseUrl');
	});

	test('rules for 401 (credentials) and 404 (wrong base path)', () => {
		const rules = Object.fromEntries((credential.test.rules ?? []).map((rule) => [String((rule.properties as { value: unknown }).value), rule]));
		expect(rules['401']).toMatchObject({ type: 'responseCode', properties: { message: expect.stringMatching(/username or password/) } });
		expect(rules['404']).toMatchObject({ type: 'responseCode', properties: { message: expect.stringMatching(/base path/) } });
	});

	describe('run as n8n runs it', () => {
		let sink: Sink;
		beforeAll(async () => {
			sink = await startSink();
		});
		afterAll(async () => await sink.close());
		beforeEach(() => sink.requests.splice(0));

		test.each([
			['/gowa', '/gowa/devices'],
			['/gowa/', '/gowa/devices'],
			['/gowa///', '/gowa/devices'],
			['', '/devices'],
			['/', '/devices'],
		])('base path %j → GET %s', async (basePath, expected) => {
			sink.answer({ body: { code: 'SUCCESS', message: 'Fetched devices', results: [] } });
			const result = await testCredential({ baseUrl: `${sink.url}${basePath}`, username: 'admin', password: 'pw' });
			expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(sink.requests).toHaveLength(1);
			expect(sink.requests[0]).toMatchObject({ method: 'GET', url: expected });
			expect(sink.requests[0].headers.authorization).toBe(`Basic ${Buffer.from('admin:pw').toString('base64')}`);
			expect(sink.requests[0].headers).not.toHaveProperty('x-device-id');
		});

		test('no Authorization header without a username', async () => {
			sink.answer({ body: { code: 'SUCCESS', results: [] } });
			await testCredential({ baseUrl: sink.url, username: '', password: 'pw' });
			expect(sink.requests[0].headers).not.toHaveProperty('authorization');
		});

		test('plain-text 401 → the credentials message', async () => {
			sink.answer({ status: 401, headers: { 'www-authenticate': 'Basic realm="Restricted"' }, body: 'Unauthorized' });
			const result = await testCredential({ baseUrl: sink.url, username: 'admin', password: 'wrong' });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/GOWA refused the username or password/);
		});

		test('404 (no GOWA at this base path) → the base path message', async () => {
			sink.answer({ status: 404, body: 'Cannot GET /wrong/devices', headers: { 'content-type': 'text/plain' } });
			const result = await testCredential({ baseUrl: `${sink.url}/wrong`, username: 'admin', password: 'pw' });
			expect(result).toMatchObject({ status: 'Error', message: expect.stringMatching(/No GOWA API answers at this Base URL/) });
		});

		test('503 → the device manager message', async () => {
			sink.answer({ status: 503, body: { code: 'DEVICE_MANAGER_UNAVAILABLE', message: 'x' } });
			expect((await testCredential({ baseUrl: sink.url })).message).toMatch(/device manager is not available/);
		});

		test('nothing listening → an error naming the refused connection', async () => {
			const result = await testCredential({ baseUrl: `http://127.0.0.1:${await closedPort()}` });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/ECONNREFUSED|refused/i);
		});
	});
});
