/**
 * What one delivery makes the trigger read. n8n answers every getCredentials of a webhook with a database read, a
 * decryption and (default expression engine) a new expression isolate, and evaluates every expression parameter:
 * a forged post must read only what verification needs, and nothing is read twice for one request.
 */
import { createHmac } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { forgetInProcess } from '../../../nodes/WhatsAppMultiDeviceTrigger/dedup';
import { deriveWebhookSecret, keyMaterial } from '../../../nodes/WhatsAppMultiDeviceTrigger/secret';
import { receiveEvent } from '../../../nodes/WhatsAppMultiDeviceTrigger/webhook';
import { recordingWebhookContext } from '../shared/recordingWebhookContext';

const CREDENTIALS = { baseUrl: 'http://127.0.0.1:9', password: 'gowa-basic-auth-pw', webhookSecret: 'tenant-a-3b1f0c9e', defaultCountryCode: '62' };
const SCOPE = { workflowId: 'wf-salon', nodeId: 'node-trigger', deviceId: 'salon-main' };
const GENERATED = deriveWebhookSecret(keyMaterial(CREDENTIALS.password, CREDENTIALS.webhookSecret)!, SCOPE);

function gowaMessage(id: string): Buffer {
	const payload = { body: 'Bisa booking besok?', chat_id: '6281234567890@s.whatsapp.net', from: '6281234567890@s.whatsapp.net', id, is_from_me: false, timestamp: `${new Date().toISOString().slice(0, 19)}Z` };
	return Buffer.from(JSON.stringify({ device_id: '628111000111@s.whatsapp.net', event: 'message', payload, session_id: 'salon-main' }));
}

const sign = (body: Buffer, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

function recordingContext(parameters: IDataObject, body: Buffer, signature: string, credentials: IDataObject = CREDENTIALS) {
	return recordingWebhookContext({ parameters, credentials, body, signature, workflowId: SCOPE.workflowId, node: { id: SCOPE.nodeId, typeVersion: 1.1 } });
}

const REGISTERED = { events: ['message'], deviceId: 'salon-main', registerWebhook: true, secretSource: 'generated', options: { senders: '081234567890' }, ignoreGroups: true };

beforeEach(() => forgetInProcess());

describe('what one delivery reads', () => {
	test('a forged post reads only the parameters verification needs and the credential once, then 401', async () => {
		const body = gowaMessage('FORGED1');
		const { context, reads, answered } = recordingContext(REGISTERED, body, sign(body, 'not-the-secret'));
		const response = await receiveEvent.call(context);
		expect(response).toEqual({ noWebhookResponse: true });
		expect(answered).toEqual([401]);
		expect(reads.parameters.sort()).toEqual(['deviceId', 'options', 'registerWebhook', 'secretSource']);
		expect(reads.credentials).toBe(1);
	});

	test('a genuine post (generated secret, a sender filter needing the country code) reads each parameter once and the credential once', async () => {
		const body = gowaMessage('GENUINE1');
		const { context, reads, answered } = recordingContext(REGISTERED, body, sign(body, GENERATED));
		const response = await receiveEvent.call(context);
		expect(answered).toEqual([]);
		expect(response.workflowData?.[0]).toHaveLength(1);
		expect(new Set(reads.parameters).size).toBe(reads.parameters.length);
		expect(reads.parameters).toEqual(expect.arrayContaining(['options', 'deviceId', 'events', 'ignoreFromMe', 'ignoreGroups', 'downloadMedia']));
		expect(reads.credentials).toBe(1);
	});

	test('each request reads the credential again: a changed secret applies to the next delivery', async () => {
		const body = gowaMessage('ROTATED1');
		const parameters = { events: ['message'], deviceId: '', options: {} };
		const first = recordingContext(parameters, body, sign(body, CREDENTIALS.webhookSecret));
		expect((await receiveEvent.call(first.context)).workflowData?.[0]).toHaveLength(1);
		const rotated = recordingContext(parameters, body, sign(body, CREDENTIALS.webhookSecret), { ...CREDENTIALS, webhookSecret: 'rotated-secret-9d2c' });
		await receiveEvent.call(rotated.context);
		expect(rotated.answered).toEqual([401]);
	});
});
