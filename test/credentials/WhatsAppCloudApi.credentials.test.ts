/**
 * The WhatsApp Cloud API credential: fields, Bearer authentication, and its test (GET /{v}/{phone-number-id}) run
 * the way n8n's credential dialog runs it, against the Meta simulator and a sink.
 */
import { WhatsAppCloudApi } from '../../credentials/WhatsAppCloudApi.credentials';
import { startSink, testCredential } from '../harness';
import type { CloudSim } from '../nodes/WhatsAppCloud/cloudKit';
import { startCloudSimulator } from '../nodes/WhatsAppCloud/cloudKit';

const credential = new WhatsAppCloudApi();

describe('fields', () => {
	const byName = Object.fromEntries(credential.properties.map((property) => [property.name, property]));

	test('one tenant (WABA): token, WABA, default number, version, app secret, verify token, base URL, country code', () => {
		expect(Object.keys(byName)).toEqual(['accessToken', 'businessAccountId', 'phoneNumberId', 'graphApiVersion', 'appSecret', 'verifyToken', 'graphBaseUrl', 'defaultCountryCode']);
		for (const secret of ['accessToken', 'appSecret', 'verifyToken']) expect(byName[secret].typeOptions?.password).toBe(true);
		expect(byName.graphApiVersion.default).toBe('v23.0');
		expect(byName.graphBaseUrl.default).toBe('https://graph.facebook.com');
	});

	test('authenticates with a Bearer header', () => {
		expect(credential.authenticate).toEqual({ type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } } });
	});
});

describe('test request against the Meta simulator', () => {
	let sim: CloudSim;
	beforeAll(async () => {
		sim = await startCloudSimulator({ tokens: [{ token: 'good-token' }, { token: 'messaging-only', permissions: ['whatsapp_business_messaging'] }] });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	test('a valid token and number: OK, after GET /v23.0/{phone-number-id} with the Bearer token', async () => {
		const result = await testCredential(sim.credentials({ accessToken: 'good-token' }), 'whatsAppCloudApi');
		expect(result.status).toBe('OK');
		expect(sim.requests.map((request) => `${request.method} ${request.path}`)).toEqual([`GET /v23.0/${sim.phoneNumberId}`]);
		expect(sim.requests[0].headers.authorization).toBe('Bearer good-token');
	});

	test('the Graph API Version is used', async () => {
		await testCredential(sim.credentials({ accessToken: 'good-token', graphApiVersion: 'v24.0' }), 'whatsAppCloudApi');
		expect(sim.requests[0].path).toBe(`/v24.0/${sim.phoneNumberId}`);
	});

	test('a wrong token (190): says to generate a new token', async () => {
		const result = await testCredential(sim.credentials({ accessToken: 'expired' }), 'whatsAppCloudApi');
		expect(result).toMatchObject({ status: 'Error', message: expect.stringMatching(/^Meta rejected the access token \(error 190/) });
	});

	test('a missing permission (200): names the permissions', async () => {
		const result = await testCredential(sim.credentials({ accessToken: 'messaging-only' }), 'whatsAppCloudApi');
		expect(result).toMatchObject({ status: 'Error', message: expect.stringMatching(/lacks a permission .*whatsapp_business_management/) });
	});

	test('an unknown phone number id (100): says where to copy it from', async () => {
		const result = await testCredential(sim.credentials({ accessToken: 'good-token', phoneNumberId: '123456' }), 'whatsAppCloudApi');
		expect(result).toMatchObject({ status: 'Error', message: expect.stringMatching(/no phone number with this Default Phone Number ID.*error 100/) });
	});
});

describe('test request to a server that answers 404', () => {
	test('names the Phone Number ID and Graph Base URL', async () => {
		const sink = await startSink({ status: 404, body: 'Not Found' });
		try {
			const result = await testCredential({ accessToken: 't', phoneNumberId: '1', graphBaseUrl: sink.url }, 'whatsAppCloudApi');
			expect(result).toMatchObject({ status: 'Error', message: expect.stringMatching(/Graph Base URL is wrong/) });
			expect(sink.requests[0].url).toBe('/v23.0/1');
		} finally {
			await sink.close();
		}
	});
});
