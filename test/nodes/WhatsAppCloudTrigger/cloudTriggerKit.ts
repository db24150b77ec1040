/**
 * Posting to the WhatsApp Cloud Trigger through the harness (n8n's real WebhookContext), signed as Meta signs, and
 * the webhook examples of Meta's spec (read at test time; skipped with a hint when the file is missing).
 */
import { createHmac } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { runWebhook } from '../../harness';
import { metaSpec, metaSpecPath } from '../WhatsAppCloud/cloudKit';
import { WhatsAppCloudTrigger } from '../../../nodes/WhatsAppCloudTrigger/WhatsAppCloudTrigger.node';

export const APP_SECRET = 'meta-app-secret-5c1e9a77d2';
export const VERIFY_TOKEN = 'verify-7b2d1c0e-salon';
export const WABA_ID = '102290129340398';
export const PHONE_A = '106540352242922';
export const PHONE_B = '107655329012345';

export const CREDENTIALS: IDataObject = {
	accessToken: 'EAAG-unit-test-token',
	businessAccountId: WABA_ID,
	phoneNumberId: PHONE_A,
	graphApiVersion: 'v23.0',
	graphBaseUrl: 'http://127.0.0.1:9',
	appSecret: APP_SECRET,
	verifyToken: VERIFY_TOKEN,
};

export function sign(body: string | Buffer, secret = APP_SECRET): string {
	return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export const nowSeconds = (): string => String(Math.floor(Date.now() / 1000));

export interface PostOptions {
	headers?: Record<string, string>;
	parameters?: IDataObject;
	credentials?: IDataObject;
	staticData?: IDataObject;
	mode?: 'webhook' | 'manual' | 'trigger';
	typeVersion?: number;
}

/** One POST delivery, signed with the app secret unless headers are given. */
export async function post(body: IDataObject | string | Buffer, options: PostOptions = {}) {
	const rawBody = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
	return await runWebhook({
		nodeType: WhatsAppCloudTrigger,
		credentialType: 'whatsAppCloudApi',
		parameters: { events: ['message'], phoneNumberIds: '', registration: 'manual', options: {}, ...options.parameters },
		credentials: { ...CREDENTIALS, ...options.credentials },
		request: { rawBody, headers: options.headers ?? { 'X-Hub-Signature-256': sign(rawBody) } },
		staticData: options.staticData,
		mode: options.mode,
		typeVersion: options.typeVersion,
	});
}

/** Meta's GET verification request. */
export async function handshake(query: Record<string, string>, credentials: IDataObject = {}) {
	return await runWebhook({
		nodeType: WhatsAppCloudTrigger,
		credentialType: 'whatsAppCloudApi',
		webhookName: 'setup',
		parameters: { events: ['message'], registration: 'manual', options: {} },
		credentials: { ...CREDENTIALS, ...credentials },
		request: { method: 'GET', query },
	});
}

export function delivery(value: IDataObject, wabaId = WABA_ID): IDataObject {
	return { object: 'whatsapp_business_account', entry: [{ id: wabaId, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', ...value } }] }] };
}

export function metadata(phoneNumberId = PHONE_A): IDataObject {
	return { display_phone_number: phoneNumberId === PHONE_A ? '15550253483' : '15550009999', phone_number_id: phoneNumberId };
}

export function textMessage(id: string, from = '6281234567890', body = 'Hi, can I book for tomorrow?'): IDataObject {
	return { from, id, timestamp: nowSeconds(), type: 'text', text: { body } };
}

export function statusUpdate(id: string, status: string, recipient = '6281234567890'): IDataObject {
	return { id, status, timestamp: nowSeconds(), recipient_id: recipient };
}

/** `paths./whatsapp/webhooks.post…examples` of Meta's spec: name → delivery. Empty when the spec is missing. */
export function specWebhookExamples(): Array<[string, IDataObject]> {
	if (!metaSpecPath) return [];
	const document = (metaSpec as unknown as { loadRawSpec: () => IDataObject }).loadRawSpec() as any;
	const examples = document.paths['/whatsapp/webhooks'].post.requestBody.content['application/json'].examples as Record<string, { value: IDataObject }>;
	return Object.entries(examples).map(([name, example]) => [name, example.value]);
}
