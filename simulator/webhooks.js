'use strict';
/**
 * Webhook delivery like GOWA (src/infrastructure/whatsapp/webhook.go, NOTES §6.2):
 *   POST <url>, Content-Type: application/json, body = json.Marshal(map) (keys sorted, <>& escaped),
 *   X-Hub-Signature-256: sha256=<lowercase hex HMAC-SHA256(body, secret)>, default secret "secret",
 *   up to 5 attempts, 10 s timeout each, pauses 1/2/4/8 s after any non-2xx or network error.
 * Target: the device's own webhook config when it has a non-empty webhook_url (its secret, else the global
 * secret; its event whitelist), otherwise the url/secret given in the call (or the simulator's global webhook).
 */

const crypto = require('node:crypto');
const http = require('node:http');
const https = require('node:https');
const { buildEvent } = require('./events');
const { goJson, sleep, sortKeysDeep } = require('./util');

/** The exact bytes GOWA would POST for this envelope. */
function marshalWebhookBody(envelope) {
	return Buffer.from(goJson(sortKeysDeep(envelope)), 'utf8');
}

/** `sha256=<hex>` for a raw body and secret. */
function signWebhookBody(body, secret = 'secret') {
	return `sha256=${crypto.createHmac('sha256', Buffer.from(String(secret), 'utf8')).update(body).digest('hex')}`;
}

function postOnce(url, body, headers, timeoutMs) {
	return new Promise((resolve) => {
		let target;
		try {
			target = new URL(url);
		} catch (error) {
			resolve({ status: null, error: `error when create http object ${error.message}` });
			return;
		}
		const client = target.protocol === 'https:' ? https : http;
		const started = Date.now();
		const request = client.request(
			target,
			{ method: 'POST', headers: { ...headers, 'Content-Length': String(body.length) }, rejectUnauthorized: false },
			(response) => {
				const chunks = [];
				response.on('data', (chunk) => chunks.push(chunk));
				response.on('end', () => resolve({ status: response.statusCode, ms: Date.now() - started, responseBody: Buffer.concat(chunks).toString('utf8').slice(0, 2000) }));
				response.on('error', (error) => resolve({ status: response.statusCode, ms: Date.now() - started, error: error.message }));
			},
		);
		request.setTimeout(timeoutMs, () => request.destroy(new Error(`context deadline exceeded (Client.Timeout exceeded while awaiting headers)`)));
		request.on('error', (error) => resolve({ status: null, ms: Date.now() - started, error: error.message }));
		request.end(body);
	});
}

/**
 * Delivers one event. options: { event, payload?, fields?, deviceId?, url?, secret?, envelope?, timestamp?,
 * sessionId?, retryDelaysMs?, timeoutMs? }. Resolves to the attempts [{ attempt, status, ms, error? }]; the array also
 * carries { delivered, url, body, signature, skipped }.
 */
async function sendWebhook(sim, options = {}) {
	const device = options.deviceId ? sim.registry.find(options.deviceId) : sim.registry.list()[0];
	if (options.deviceId && !device) throw new Error(`unknown simulator device ${options.deviceId}`);
	const event = options.event || (options.envelope && options.envelope.event) || 'message';
	const envelope =
		options.envelope ||
		buildEvent(event, options.payload === undefined ? options.fields || {} : undefined, {
			media: options.media,
			caption: options.caption,
			autoDownload: options.autoDownload,
			fileName: options.fileName,
			group: options.group,
			fromLid: options.fromLid,
			receiptType: options.receiptType,
			payload: options.payload,
			deviceJid: device ? device.jid : undefined,
			sessionId: options.sessionId !== undefined ? options.sessionId : device ? device.id : undefined,
			timestamp: options.timestamp,
		});
	const deviceConfig = device && device.webhook && device.webhook.webhook_url ? device.webhook : undefined;
	const url = deviceConfig ? deviceConfig.webhook_url : options.url || sim.options.webhookUrl;
	const secret = deviceConfig && deviceConfig.webhook_secret ? deviceConfig.webhook_secret : options.secret ?? sim.options.webhookSecret ?? 'secret';
	const attempts = [];
	const body = marshalWebhookBody(envelope);
	const signature = signWebhookBody(body, secret);
	Object.assign(attempts, { delivered: false, url, body, signature, envelope, skipped: undefined });
	if (!url) throw new Error('sendWebhook needs a url (or a device with a webhook_url)');
	if (deviceConfig && deviceConfig.webhook_events) {
		const allowed = deviceConfig.webhook_events.split(',').map((item) => item.trim().toLowerCase()).filter(Boolean);
		if (allowed.length && !allowed.includes(String(event).toLowerCase())) {
			attempts.skipped = `event ${event} is not in the device's webhook_events (${deviceConfig.webhook_events})`;
			sim.webhookDeliveries.push({ event, url, attempts: [], delivered: false, skipped: attempts.skipped, body, signature });
			return attempts;
		}
	}
	if (typeof envelope.payload === 'object' && envelope.payload) registerMedia(sim, envelope.payload);
	const delays = options.retryDelaysMs || sim.options.webhookRetryDelaysMs || [1000, 2000, 4000, 8000];
	const timeoutMs = options.timeoutMs || sim.options.webhookTimeoutMs || 10_000;
	const headers = { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signature, 'User-Agent': 'Go-http-client/1.1', 'Accept-Encoding': 'gzip' };
	for (let attempt = 1; attempt <= 5; attempt++) {
		const started = Date.now();
		const result = await postOnce(url, body, headers, timeoutMs);
		const entry = { attempt, status: result.status, ms: Date.now() - started, at: new Date(started).toISOString() };
		if (result.error) entry.error = result.error;
		attempts.push(entry);
		if (result.status >= 200 && result.status < 300) {
			attempts.delivered = true;
			break;
		}
		if (attempt < 5) await sleep(delays[Math.min(attempt - 1, delays.length - 1)] ?? 0);
	}
	sim.webhookDeliveries.push({ event, url, attempts: attempts.map((item) => ({ ...item })), delivered: attempts.delivered, body, signature });
	return attempts;
}

/** Media paths (`statics/media/...`) named in a payload become downloadable from the simulator. */
function registerMedia(sim, value) {
	if (typeof value === 'string') {
		if (value.startsWith('statics/media/')) sim.ensureMediaStatic(value);
		return;
	}
	if (value && typeof value === 'object') for (const item of Object.values(value)) registerMedia(sim, item);
}

module.exports = { marshalWebhookBody, registerMedia, sendWebhook, signWebhookBody };
