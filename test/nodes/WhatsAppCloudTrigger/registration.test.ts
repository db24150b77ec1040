import type { IDataObject } from 'n8n-workflow';

import { runWebhookMethod } from '../../harness';
import { useCloudSimulator } from '../WhatsAppCloud/cloudKit';
import { WhatsAppCloudTrigger } from '../../../nodes/WhatsAppCloudTrigger/WhatsAppCloudTrigger.node';
import { APP_SECRET, VERIFY_TOKEN, handshake } from './cloudTriggerKit';

const HARNESS_URL = 'http://127.0.0.1:5678/webhook/harness-webhook-id/webhook';
const HARNESS_TEST_URL = 'http://127.0.0.1:5678/webhook-test/harness-webhook-id/webhook';
const CRM_URL = 'https://crm.tenant-a.example/meta-webhook';
const STATIC_KEY = 'node:WhatsApp Cloud Trigger';

/** Meta's GET handshake: to this trigger through the harness (the real node code), to the CRM by a stand-in. */
const reachable = new Set([HARNESS_URL, HARNESS_TEST_URL, CRM_URL]);
async function verifyCallback(url: string, verifyToken: string) {
	if (!reachable.has(url)) return { verified: false, status: 404 };
	if (url !== HARNESS_URL) return { verified: true, status: 200 };
	const challenge = '1740118523';
	const result = await handshake({ 'hub.mode': 'subscribe', 'hub.verify_token': verifyToken, 'hub.challenge': challenge });
	return { verified: result.httpResponse.statusCode === 200 && result.httpResponse.body === challenge, status: result.httpResponse.statusCode };
}

const kit = useCloudSimulator({ verifyCallback });

function waba(): { subscriptions: Map<string, IDataObject> } {
	return kit.sim.state.wabas.get(kit.sim.businessAccountId);
}
const APP_ID = '583720931047281';

function hook(method: 'checkExists' | 'create' | 'delete', staticData: IDataObject, parameters: IDataObject = {}, credentials: IDataObject = {}, isTest = false) {
	return runWebhookMethod(method, {
		isTest,
		nodeType: WhatsAppCloudTrigger,
		credentialType: 'whatsAppCloudApi',
		parameters: { events: ['message'], registration: 'subscribeWaba', options: {}, ...parameters },
		credentials: kit.sim.credentials({ appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN, ...credentials }),
		staticData,
	});
}

beforeEach(() => {
	reachable.add(HARNESS_URL);
	waba().subscriptions.clear();
	waba().subscriptions.set(APP_ID, {});
});

describe('Registration → Subscribe the WhatsApp Business Account', () => {
	test('activation: the WABA gets this URL as override (Meta verified it with the handshake), non-secret record kept', async () => {
		const staticData: IDataObject = {};
		expect((await hook('checkExists', staticData)).result).toBe(false);
		const created = await hook('create', staticData);
		expect(created.thrown).toBeUndefined();
		expect(created.webhookUrl).toBe(HARNESS_URL);
		expect(waba().subscriptions.get(APP_ID)).toEqual({ override_callback_uri: HARNESS_URL });
		const calls = kit.sim.requests.filter((request) => request.operationId !== 'getPhoneNumberById');
		expect(calls.map((request) => request.operationId)).toEqual(['getAllSubscriptionsForAWaba', 'subscribeToWabaWebhooks', 'getAllSubscriptionsForAWaba']);
		const subscribe = calls.find((request) => request.operationId === 'subscribeToWabaWebhooks');
		expect(subscribe?.json).toEqual({ override_callback_uri: HARNESS_URL, verify_token: VERIFY_TOKEN });
		expect(calls.every((request) => request.validation.valid && request.response?.status === 200)).toBe(true);
		const record = staticData[STATIC_KEY] as IDataObject;
		expect((record.registrations as IDataObject)[HARNESS_URL]).toMatchObject({ wabaId: kit.sim.businessAccountId, webhookUrl: HARNESS_URL, appId: APP_ID, previous: { kind: 'app' } });
		const stored = JSON.stringify(staticData);
		for (const secret of [VERIFY_TOKEN, APP_SECRET, kit.sim.token]) expect(stored).not.toContain(secret);
		expect((await hook('checkExists', staticData)).result).toBe(true);
	});

	test('deactivation removes the override: the WABA falls back to the app’s callback URL', async () => {
		const staticData: IDataObject = {};
		await hook('create', staticData);
		const deleted = await hook('delete', staticData);
		expect(deleted.result).toBe(true);
		expect(waba().subscriptions.get(APP_ID)).toEqual({});
		expect(staticData[STATIC_KEY]).toEqual({});
	});

	test('a previous override (another receiver) is restored on deactivation', async () => {
		waba().subscriptions.set(APP_ID, { override_callback_uri: CRM_URL });
		const staticData: IDataObject = {};
		await hook('create', staticData);
		expect(((staticData[STATIC_KEY] as IDataObject).registrations as IDataObject)[HARNESS_URL]).toMatchObject({ previous: { kind: 'override', uri: CRM_URL } });
		await hook('delete', staticData);
		expect(waba().subscriptions.get(APP_ID)).toEqual({ override_callback_uri: CRM_URL });
	});

	test('a previous override Meta can no longer verify falls back to the app’s callback, never to a dead URL', async () => {
		waba().subscriptions.set(APP_ID, { override_callback_uri: CRM_URL });
		const staticData: IDataObject = {};
		await hook('create', staticData);
		reachable.delete(CRM_URL);
		try {
			expect((await hook('delete', staticData)).thrown).toBeUndefined();
			expect(waba().subscriptions.get(APP_ID)).toEqual({});
		} finally {
			reachable.add(CRM_URL);
		}
	});

	test('an app not subscribed before is unsubscribed again', async () => {
		waba().subscriptions.clear();
		const staticData: IDataObject = {};
		await hook('create', staticData);
		expect(waba().subscriptions.get(APP_ID)).toEqual({ override_callback_uri: HARNESS_URL });
		await hook('delete', staticData);
		expect(waba().subscriptions.has(APP_ID)).toBe(false);
		expect(kit.sim.requests.some((request) => request.operationId === 'unsubscribeFromWabaWebhooks' && request.response?.status === 200)).toBe(true);
	});

	test('pointed elsewhere since activation: deactivation leaves it alone', async () => {
		const staticData: IDataObject = {};
		await hook('create', staticData);
		waba().subscriptions.set(APP_ID, { override_callback_uri: 'https://other.example/hook' });
		await hook('delete', staticData);
		expect(waba().subscriptions.get(APP_ID)).toEqual({ override_callback_uri: 'https://other.example/hook' });
	});

	test('"Listen for test event" points the WABA at the test URL, then back at the active production URL, whose record stays', async () => {
		const staticData: IDataObject = {};
		await hook('create', staticData);
		expect((await hook('checkExists', staticData, {}, {}, true)).result).toBe(false);
		const listening = await hook('create', staticData, {}, {}, true);
		expect(listening.webhookUrl).toBe(HARNESS_TEST_URL);
		expect(waba().subscriptions.get(APP_ID)).toEqual({ override_callback_uri: HARNESS_TEST_URL });
		await hook('delete', staticData, {}, {}, true);
		expect(waba().subscriptions.get(APP_ID)).toEqual({ override_callback_uri: HARNESS_URL });
		expect((await hook('checkExists', staticData)).result).toBe(true);
		await hook('delete', staticData);
		expect(waba().subscriptions.get(APP_ID)).toEqual({});
		expect(staticData[STATIC_KEY]).toEqual({});
	});

	test('lost static data (queue mode): an override still pointing here is removed on deactivation', async () => {
		await hook('create', {});
		await hook('delete', {});
		expect(waba().subscriptions.get(APP_ID)).toEqual({});
	});

	test('Meta cannot verify this URL (n8n unreachable): activation fails with Meta’s reason, nothing recorded', async () => {
		reachable.delete(HARNESS_URL);
		const staticData: IDataObject = {};
		const created = await hook('create', staticData);
		expect(created.thrown?.message).toMatch(/Callback verification failed|2200/);
		expect(staticData[STATIC_KEY]).toBeUndefined();
		expect(waba().subscriptions.get(APP_ID)).toEqual({});
	});

	test('a wrong verify token in the credential: the trigger’s own handshake refuses, so does Meta', async () => {
		const verifications = kit.sim as unknown as { verifications: IDataObject[] };
		const before = verifications.verifications.length;
		const created = await runWebhookMethod('create', {
			nodeType: WhatsAppCloudTrigger,
			credentialType: 'whatsAppCloudApi',
			parameters: { events: ['message'], registration: 'subscribeWaba', options: {} },
			// The handshake (cloudTriggerKit) checks against VERIFY_TOKEN; the subscription sends another one.
			credentials: kit.sim.credentials({ appSecret: APP_SECRET, verifyToken: 'another-token' }),
			staticData: {},
		});
		expect(created.thrown).toBeDefined();
		expect(verifications.verifications.slice(before)).toEqual([expect.objectContaining({ verified: false, status: 403 })]);
	});
});

describe('Registration → Manual', () => {
	test('activation checks the credential and calls nothing at Meta', async () => {
		const created = await hook('create', {}, { registration: 'manual' });
		expect(created.result).toBe(true);
		expect(kit.sim.requests).toHaveLength(0);
		expect((await hook('checkExists', {}, { registration: 'manual' })).result).toBe(false);
		expect((await hook('delete', {}, { registration: 'manual' })).result).toBe(true);
		expect(kit.sim.requests).toHaveLength(0);
	});

	test.each([
		['App Secret', { appSecret: '' }, /no App Secret/],
		['Verify Token', { verifyToken: '' }, /no Verify Token/],
	])('activation refuses a credential without %s', async (_name, credentials, message) => {
		const created = await hook('create', {}, { registration: 'manual' }, credentials);
		expect(created.thrown?.message).toMatch(message);
	});
});
