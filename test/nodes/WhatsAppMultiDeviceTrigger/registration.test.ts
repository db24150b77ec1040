import { createHmac } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import type { RecordedRequest } from '../../harness';
import { runWebhook, runWebhookMethod, useSimulator } from '../../harness';
import { forgetInProcess } from '../../../nodes/WhatsAppMultiDeviceTrigger/dedup';
import { WhatsAppMultiDeviceTrigger } from '../../../nodes/WhatsAppMultiDeviceTrigger/WhatsAppMultiDeviceTrigger.node';

const AUTH = { username: 'admin', password: 'pw-Tenant-A' };
const CRM_HOOK = {
	webhook_url: 'https://crm.tenant-a.example/gowa-events',
	webhook_secret: 'crm-secret-7f2a',
	webhook_events: 'message,message.ack',
	webhook_insecure_skip_verify: false,
};
const STATIC_KEY = 'node:WhatsApp MultiDevice Trigger';

const gowa = useSimulator({
	auth: AUTH,
	basePath: '/gowa',
	devices: [
		{ id: 'salon-main', jid: '6281100000001@s.whatsapp.net', state: 'logged_in', webhook: CRM_HOOK },
		{ id: 'salon-branch', jid: '6281100000002@s.whatsapp.net', state: 'logged_in' },
		// Devices whose slot ID is a WhatsApp JID (GOWA names a device by its JID when none was given).
		{ id: '6281100000003@s.whatsapp.net', jid: '6281100000003@s.whatsapp.net', state: 'logged_in', webhook: CRM_HOOK },
		{ id: '6281100000004:12@s.whatsapp.net', jid: '6281100000004@s.whatsapp.net', state: 'logged_in', webhook: CRM_HOOK },
	],
	webhookSecret: 'credential-secret-91c4',
	defaultCountryCode: '62',
});

/** The device's webhook configuration as GOWA reports it (read through the API, not recorded for the test). */
async function deviceWebhook(deviceId: string): Promise<IDataObject> {
	const response = await fetch(`${gowa.url}/devices/${deviceId}/webhook`, {
		headers: { authorization: `Basic ${Buffer.from(`${AUTH.username}:${AUTH.password}`).toString('base64')}` },
	});
	const body = (await response.json()) as { results: IDataObject };
	gowa.sim.clearRequests();
	return body.results;
}

async function setDeviceWebhook(deviceId: string, config: IDataObject): Promise<void> {
	await fetch(`${gowa.url}/devices/${deviceId}/webhook`, {
		method: 'PATCH',
		headers: {
			authorization: `Basic ${Buffer.from(`${AUTH.username}:${AUTH.password}`).toString('base64')}`,
			'content-type': 'application/json',
		},
		body: JSON.stringify(config),
	});
	gowa.sim.clearRequests();
}

function hook(method: 'checkExists' | 'create' | 'delete', parameters: IDataObject, staticData: IDataObject, credentials: IDataObject = {}) {
	return runWebhookMethod(method, {
		nodeType: WhatsAppMultiDeviceTrigger,
		parameters: { events: ['message'], deviceId: 'salon-main', registerWebhook: true, secretSource: 'generated', options: {}, ...parameters },
		credentials: gowa.credentials(credentials),
		staticData,
	});
}

function record(staticData: IDataObject): IDataObject | undefined {
	return (staticData[STATIC_KEY] as IDataObject | undefined)?.registration as IDataObject | undefined;
}

function requestsTo(path: string): RecordedRequest[] {
	return gowa.requests().filter((request) => request.path === path);
}

function expectValidAndAuthenticated(requests: RecordedRequest[]): void {
	for (const request of requests) {
		expect(request.validation?.valid).toBe(true);
		expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`${AUTH.username}:${AUTH.password}`).toString('base64')}`);
	}
}

beforeEach(async () => {
	forgetInProcess();
	await setDeviceWebhook('salon-main', CRM_HOOK);
	await setDeviceWebhook('salon-branch', { webhook_url: '' });
});

describe('activation with a device: create / checkExists / delete against GOWA', () => {
	test('create saves the previous config, PATCHes URL + generated secret + events; delete restores the previous config', async () => {
		const staticData: IDataObject = {};
		const exists = await hook('checkExists', {}, staticData);
		expect(exists).toMatchObject({ result: false });
		expect(exists.thrown).toBeUndefined();

		const created = await hook('create', {}, staticData);
		expect(created.thrown).toBeUndefined();
		expect(created.result).toBe(true);
		const patches = requestsTo('/devices/salon-main/webhook').filter((request) => request.method === 'PATCH');
		expect(patches).toHaveLength(1);
		expectValidAndAuthenticated(gowa.requests());
		const sent = patches[0].json as IDataObject;
		expect(sent).toEqual({
			webhook_url: created.webhookUrl,
			webhook_secret: expect.stringMatching(/^[0-9a-f]{64}$/),
			webhook_events: 'message',
			webhook_insecure_skip_verify: false,
		});
		expect(created.webhookUrl).toMatch(/^https?:\/\/.+\/webhook\/harness-webhook-id\/webhook$/);
		expect(await deviceWebhook('salon-main')).toMatchObject(sent);
		const { webhook_secret: _crmSecret, ...crmWithoutSecret } = CRM_HOOK;
		expect(record(staticData)).toEqual({
			deviceId: 'salon-main', webhookUrl: created.webhookUrl, events: 'message', previous: crmWithoutSecret,
			previousSecret: expect.stringMatching(/^aes256gcm:/), registeredAt: expect.any(String),
		});
		// No secret in static data (n8n returns it in clear with the workflow): neither ours nor the previous receiver's.
		expect(JSON.stringify(staticData)).not.toContain(String(sent.webhook_secret));
		expect(JSON.stringify(staticData)).not.toContain(CRM_HOOK.webhook_secret);

		expect(await hook('checkExists', {}, staticData)).toMatchObject({ result: true });

		const deleted = await hook('delete', {}, staticData);
		expect(deleted).toMatchObject({ result: true });
		expect(deleted.thrown).toBeUndefined();
		expect(await deviceWebhook('salon-main')).toMatchObject(CRM_HOOK);
		expect(record(staticData)).toBeUndefined();
	});

	test('events signed with the generated secret are accepted by webhook() without any stored state, others refused', async () => {
		await hook('create', {}, {});
		const secret = String((await deviceWebhook('salon-main')).webhook_secret);
		// A webhook process that never saw the activation (queue mode), or static data wiped by a worker.
		const staticData: IDataObject = {};
		const body = JSON.stringify({ device_id: '6281100000001@s.whatsapp.net', event: 'message', payload: { body: 'hi', chat_id: '6281234567890@s.whatsapp.net', id: 'REG1' }, session_id: 'salon-main' });
		const post = async (key: string) =>
			await runWebhook({
				nodeType: WhatsAppMultiDeviceTrigger,
				parameters: { events: ['message'], deviceId: 'salon-main', registerWebhook: true, secretSource: 'generated', options: {} },
				credentials: gowa.credentials(),
				request: { rawBody: body, headers: { 'x-hub-signature-256': `sha256=${createHmac('sha256', key).update(body).digest('hex')}` } },
				staticData,
			});
		expect((await post('credential-secret-91c4')).httpResponse.statusCode).toBe(401);
		expect((await post(secret)).items).toHaveLength(1);
	});

	test('checkExists notices a changed event list, secret or URL', async () => {
		const staticData: IDataObject = {};
		await hook('create', {}, staticData);
		expect(await hook('checkExists', { events: ['message', 'message.reaction'] }, staticData)).toMatchObject({ result: false });
		expect(await hook('checkExists', { options: { insecureSkipVerify: true } }, staticData)).toMatchObject({ result: false });
		await setDeviceWebhook('salon-main', { ...(await deviceWebhook('salon-main')), webhook_secret: 'rotated-by-someone' });
		expect(await hook('checkExists', {}, staticData)).toMatchObject({ result: false });
		await setDeviceWebhook('salon-main', CRM_HOOK);
		expect(await hook('checkExists', {}, staticData)).toMatchObject({ result: false });
	});

	test('re-activation keeps the first previous config and the secret (no chain of own registrations)', async () => {
		const staticData: IDataObject = {};
		await hook('create', {}, staticData);
		const firstSecret = (await deviceWebhook('salon-main')).webhook_secret;
		await hook('create', { events: ['message', 'call.offer'] }, staticData);
		expect(record(staticData)).toMatchObject({ previous: { webhook_url: CRM_HOOK.webhook_url }, events: 'call.offer,message' });
		expect(await deviceWebhook('salon-main')).toMatchObject({ webhook_events: 'call.offer,message', webhook_secret: firstSecret });
		await hook('delete', {}, staticData);
		expect(await deviceWebhook('salon-main')).toMatchObject(CRM_HOOK);
	});

	test('a test listener over an active production registration restores the production one afterwards', async () => {
		// Production is active: the device points at the production URL, its record is in the saved static data.
		const productionUrl = 'https://n8n.tenant-a.example/webhook/prod-id/webhook';
		const production = { webhook_url: productionUrl, webhook_secret: 'prod-generated-secret', webhook_events: 'message', webhook_insecure_skip_verify: false };
		await setDeviceWebhook('salon-main', production);
		// n8n gives the test listener a copy of that static data and its own (test) URL.
		const listener: IDataObject = {
			[STATIC_KEY]: { registration: { deviceId: 'salon-main', webhookUrl: productionUrl, secret: 'prod-generated-secret', events: 'message', previous: CRM_HOOK, registeredAt: '2026-01-01T00:00:00Z' } },
		};
		expect(await hook('checkExists', {}, listener)).toMatchObject({ result: false });
		const created = await hook('create', {}, listener);
		expect(await deviceWebhook('salon-main')).toMatchObject({ webhook_url: created.webhookUrl, webhook_secret: expect.stringMatching(/^[0-9a-f]{64}$/) });
		// The record of version 0.1 held both secrets in clear; what is written now holds neither.
		expect(record(listener)?.previous).toEqual({ webhook_url: productionUrl, webhook_events: 'message', webhook_insecure_skip_verify: false });
		expect(JSON.stringify(listener)).not.toContain('prod-generated-secret');
		await hook('delete', {}, listener);
		expect(await deviceWebhook('salon-main')).toMatchObject(production);
	});

	test('All Events registers an empty event list (GOWA: every event)', async () => {
		const staticData: IDataObject = {};
		await hook('create', { events: ['*'] }, staticData);
		expect(await deviceWebhook('salon-main')).toMatchObject({ webhook_events: '' });
		await hook('delete', {}, staticData);
	});

	test('the credential’s secret can be registered instead; empty, it stops the activation before any change', async () => {
		const staticData: IDataObject = {};
		await hook('create', { secretSource: 'credential' }, staticData);
		expect(await deviceWebhook('salon-main')).toMatchObject({ webhook_secret: 'credential-secret-91c4' });
		expect(record(staticData)?.secret).toBeUndefined();
		await hook('delete', {}, staticData);

		gowa.sim.clearRequests();
		const empty: IDataObject = {};
		const failed = await hook('create', { secretSource: 'credential' }, empty, { webhookSecret: '' });
		expect(failed.thrown?.message).toMatch(/no Webhook Secret/);
		expect(gowa.requests().filter((request) => request.method === 'PATCH')).toHaveLength(0);
		expect(await deviceWebhook('salon-main')).toMatchObject(CRM_HOOK);
	});

	test('a device already pointing at this trigger (no record) is restored to "no device webhook"', async () => {
		const staticData: IDataObject = {};
		const { webhookUrl } = await hook('checkExists', {}, staticData);
		await setDeviceWebhook('salon-branch', { webhook_url: webhookUrl, webhook_secret: 'x' });
		await hook('create', { deviceId: 'salon-branch' }, staticData);
		expect(record(staticData)?.previous).toEqual({ webhook_url: '', webhook_events: '', webhook_insecure_skip_verify: false });
		await hook('delete', {}, staticData);
		expect(await deviceWebhook('salon-branch')).toMatchObject({ webhook_url: '' });
	});

	test('delete leaves a webhook someone else changed since, and forgets its record', async () => {
		const staticData: IDataObject = {};
		await hook('create', {}, staticData);
		const other = { webhook_url: 'https://other.example/hook', webhook_secret: 'o', webhook_events: '', webhook_insecure_skip_verify: false };
		await setDeviceWebhook('salon-main', other);
		expect(await hook('delete', {}, staticData)).toMatchObject({ result: true });
		expect(gowa.requests().filter((request) => request.method === 'PATCH')).toHaveLength(0);
		expect(await deviceWebhook('salon-main')).toMatchObject(other);
		expect(record(staticData)).toBeUndefined();
	});

	test('unknown device: create fails saying so (GOWA’s 404 NOT_FOUND), nothing changed', async () => {
		const staticData: IDataObject = {};
		const failed = await hook('create', { deviceId: 'no-such-device' }, staticData);
		expect(failed.result).toBeUndefined();
		expect(failed.thrown?.constructor.name).toBe('NodeOperationError');
		expect(failed.thrown?.message).toBe('GOWA has no device "no-such-device"');
		expect((failed.thrown as Error & { description?: string }).description).toMatch(/Device ID of the trigger/);
		expect(gowa.requests().map((request) => [request.method, request.response?.status])).toEqual([['GET', 404]]);
		expect(record(staticData)).toBeUndefined();
	});

	test('a device removed from GOWA while active: delete has nothing to restore and succeeds', async () => {
		const staticData: IDataObject = {
			[STATIC_KEY]: { registration: { deviceId: 'gone-device', webhookUrl: 'http://x/webhook', events: 'message', previous: CRM_HOOK, registeredAt: '2026-01-01T00:00:00Z' } },
		};
		const deleted = await hook('delete', {}, staticData);
		expect(deleted.thrown).toBeUndefined();
		expect(deleted.result).toBe(true);
		expect(record(staticData)).toBeUndefined();
	});

	test('GOWA unreachable during delete: the error surfaces (no silent success)', async () => {
		const staticData: IDataObject = {};
		await hook('create', {}, staticData);
		const failed = await hook('delete', {}, staticData, { baseUrl: 'http://127.0.0.1:9/gowa' });
		expect(failed.thrown?.message).toMatch(/127\.0\.0\.1:9/);
		expect(record(staticData)).toBeDefined();
		await hook('delete', {}, staticData);
	});
});

describe('no secret in static data: derived from the credential, the previous one sealed (issue 16 #23, issue 10)', () => {
	test('the generated secret is the same in every process and for every activation of the same trigger and device', async () => {
		await hook('create', {}, {});
		const first = (await deviceWebhook('salon-main')).webhook_secret;
		await setDeviceWebhook('salon-main', CRM_HOOK);
		await hook('create', {}, {});
		expect((await deviceWebhook('salon-main')).webhook_secret).toBe(first);
		// Another device, or another credential password, derives another secret.
		await hook('create', { deviceId: 'salon-branch' }, {});
		expect((await deviceWebhook('salon-branch')).webhook_secret).not.toBe(first);
	});

	test('a changed credential (new password) is noticed by checkExists; create registers the new secret; the old one is refused', async () => {
		const staticData: IDataObject = {};
		await hook('create', {}, staticData);
		const oldSecret = String((await deviceWebhook('salon-main')).webhook_secret);
		expect(await hook('checkExists', {}, staticData)).toMatchObject({ result: true });
		// GOWA restarted with a new basic-auth password, and the credential updated (the simulator accepts both here).
		const rotated = { password: 'pw-Tenant-A-rotated' };
		const accounts = (gowa.sim as unknown as { auth: Array<{ username: string; password: string }> }).auth;
		accounts.push({ username: AUTH.username, password: rotated.password });
		try {
			expect(await hook('checkExists', {}, staticData, rotated)).toMatchObject({ result: false });
			const created = await hook('create', {}, staticData, rotated);
			expect(created.thrown).toBeUndefined();
			const newSecret = String((await deviceWebhook('salon-main')).webhook_secret);
			expect(newSecret).toMatch(/^[0-9a-f]{64}$/);
			expect(newSecret).not.toBe(oldSecret);
			expect(await hook('checkExists', {}, staticData, rotated)).toMatchObject({ result: true });
			const body = JSON.stringify({ device_id: '6281100000001@s.whatsapp.net', event: 'message', payload: { body: 'hi', chat_id: '6281234567890@s.whatsapp.net', id: 'ROT1' } });
			const post = async (key: string) =>
				await runWebhook({
					nodeType: WhatsAppMultiDeviceTrigger,
					parameters: { events: ['message'], deviceId: 'salon-main', registerWebhook: true, secretSource: 'generated', options: {} },
					credentials: gowa.credentials(rotated),
					request: { rawBody: body, headers: { 'x-hub-signature-256': `sha256=${createHmac('sha256', key).update(body).digest('hex')}` } },
				});
			expect((await post(oldSecret)).httpResponse.statusCode).toBe(401);
			expect((await post(newSecret)).items).toHaveLength(1);
			// The previous receiver's secret was sealed under the old key: it cannot be restored, the device is cleared.
			await hook('delete', {}, staticData, rotated);
			expect(await deviceWebhook('salon-main')).toMatchObject({ webhook_url: '', webhook_secret: '' });
		} finally {
			accounts.pop();
		}
	});

	test('static data lost while active (a queue-mode worker overwrote it): delete clears the device, never leaves it on a dead URL', async () => {
		await hook('create', {}, {});
		const deleted = await hook('delete', {}, {});
		expect(deleted).toMatchObject({ result: true });
		expect(await deviceWebhook('salon-main')).toMatchObject({ webhook_url: '', webhook_secret: '' });
	});

	test('credential changed since activation: the sealed previous secret cannot be opened, so delete clears rather than restores it broken', async () => {
		const staticData: IDataObject = {};
		await hook('create', {}, staticData);
		const deleted = await hook('delete', {}, staticData, { webhookSecret: 'another-credential-secret' });
		expect(deleted).toMatchObject({ result: true });
		expect(await deviceWebhook('salon-main')).toMatchObject({ webhook_url: '', webhook_secret: '' });
	});

	test('no Password and no Webhook Secret: Generated for This Trigger refuses to activate, before any change', async () => {
		const failed = await hook('create', {}, {}, { password: '', username: '', webhookSecret: '' });
		expect(failed.thrown?.message).toMatch(/no Password and no Webhook Secret/);
		expect(gowa.requests().filter((request) => request.method === 'PATCH')).toHaveLength(0);
	});
});

describe('JID-shaped device IDs (one path-segment rule for every node)', () => {
	test.each(['6281100000003@s.whatsapp.net', '6281100000004:12@s.whatsapp.net'])(
		'%s: create registers on that device, checkExists finds it, delete restores it',
		async (deviceId) => {
			await setDeviceWebhook(deviceId, CRM_HOOK);
			const staticData: IDataObject = {};
			const created = await hook('create', { deviceId }, staticData);
			expect(created.thrown).toBeUndefined();
			expect(created.result).toBe(true);
			// The JID reaches GOWA verbatim: `@` and `:` are legal in a path segment and GOWA does not unescape it.
			const calls = gowa.requests().map((request) => [request.method, request.path, request.response?.status]);
			expect(calls).toEqual([
				['GET', `/devices/${deviceId}/webhook`, 200],
				['PATCH', `/devices/${deviceId}/webhook`, 200],
			]);
			expectValidAndAuthenticated(gowa.requests());
			expect(await deviceWebhook(deviceId)).toMatchObject({ webhook_url: created.webhookUrl, webhook_events: 'message' });
			expect(await hook('checkExists', { deviceId }, staticData)).toMatchObject({ result: true });
			expect(await hook('delete', { deviceId }, staticData)).toMatchObject({ result: true });
			expect(await deviceWebhook(deviceId)).toMatchObject(CRM_HOOK);
		},
	);
});

describe('activation without a device (GOWA --webhook set by hand)', () => {
	test('registers nothing on GOWA and needs the credential’s Webhook Secret', async () => {
		const staticData: IDataObject = {};
		expect(await hook('checkExists', { deviceId: '' }, staticData)).toMatchObject({ result: false });
		expect(await hook('create', { deviceId: '' }, staticData)).toMatchObject({ result: true });
		expect(await hook('delete', { deviceId: '' }, staticData)).toMatchObject({ result: true });
		expect(gowa.requests()).toHaveLength(0);

		const failed = await hook('create', { deviceId: '' }, {}, { webhookSecret: '' });
		expect(failed.thrown?.message).toMatch(/no Webhook Secret/);
		expect((failed.thrown as Error & { description?: string }).description).toMatch(/--webhook-secret/);
		// Unless the signature check is off on purpose.
		expect(await hook('create', { deviceId: '', options: { disableSignatureCheck: true } }, {}, { webhookSecret: '' })).toMatchObject({ result: true });
	});

	test('Register Webhook on Device off: the device is left alone', async () => {
		const staticData: IDataObject = {};
		expect(await hook('create', { registerWebhook: false }, staticData)).toMatchObject({ result: true });
		expect(gowa.requests()).toHaveLength(0);
		expect(await deviceWebhook('salon-main')).toMatchObject(CRM_HOOK);
	});

	test('invalid filter entries stop the activation with a message naming the option', async () => {
		const failed = await hook('create', { deviceId: '', options: { senders: '+62 812-3456-7890, call-me' } }, {});
		expect(failed.thrown?.message).toBe('Only Senders: "call-me" is not a phone number or chat');
	});
});
