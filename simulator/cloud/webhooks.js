'use strict';
/** Signed webhooks as Meta sends them (NOTES §6): `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`. */

const crypto = require('node:crypto');
const http = require('node:http');
const https = require('node:https');

const { wamid } = require('./state');

function signMetaBody(body, appSecret) {
	return `sha256=${crypto.createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

/** The `messages` webhook of one inbound text (or any message object) to a business number. */
function inboundMessagePayload({ wabaId, phone, from, name = 'Customer', message }) {
	return {
		object: 'whatsapp_business_account',
		entry: [
			{
				id: wabaId,
				changes: [
					{
						field: 'messages',
						value: {
							messaging_product: 'whatsapp',
							metadata: { display_phone_number: phone.display_phone_number.replace(/\D/g, ''), phone_number_id: phone.id },
							contacts: [{ profile: { name }, wa_id: from }],
							messages: [{ from, id: wamid(), timestamp: String(Math.floor(Date.now() / 1000)), ...message }],
						},
					},
				],
			},
		],
	};
}

/** A `statuses` webhook (sent/delivered/read/failed) for one message the business sent. */
function statusPayload({ wabaId, phone, messageId, recipient, status, errors }) {
	const entry = { id: messageId, status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: recipient };
	if (errors) entry.errors = errors;
	return {
		object: 'whatsapp_business_account',
		entry: [{ id: wabaId, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: phone.display_phone_number.replace(/\D/g, ''), phone_number_id: phone.id }, statuses: [entry] } }] }],
	};
}

/** POSTs the exact bytes once; resolves { status, error? }. */
function postOnce(url, body, headers, timeoutMs = 10_000) {
	return new Promise((resolve) => {
		const target = new URL(url);
		const client = target.protocol === 'https:' ? https : http;
		const request = client.request(target, { method: 'POST', headers: { ...headers, 'Content-Length': body.length }, timeout: timeoutMs }, (response) => {
			response.resume();
			response.on('end', () => resolve({ status: response.statusCode }));
		});
		request.on('timeout', () => request.destroy(new Error('timeout')));
		request.on('error', (error) => resolve({ status: null, error: error.message }));
		request.end(body);
	});
}

/**
 * Meta's verification of a callback URL (NOTES §6.2): `GET <url>?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…`;
 * verified only on HTTP 200 with the challenge echoed as the body. Resolves { verified, status, body, error? }.
 */
function verifyCallback(url, verifyToken, timeoutMs = 10_000) {
	return new Promise((resolve) => {
		let target;
		try {
			target = new URL(url);
		} catch {
			resolve({ verified: false, status: null, error: 'invalid URL' });
			return;
		}
		const challenge = String(crypto.randomInt(100_000_000, 2_000_000_000));
		target.searchParams.set('hub.mode', 'subscribe');
		target.searchParams.set('hub.challenge', challenge);
		target.searchParams.set('hub.verify_token', verifyToken ?? '');
		const client = target.protocol === 'https:' ? https : http;
		const request = client.get(target, { headers: { 'User-Agent': 'facebookplatform/1.0' }, timeout: timeoutMs }, (response) => {
			const chunks = [];
			response.on('data', (chunk) => chunks.push(chunk));
			response.on('end', () => {
				const body = Buffer.concat(chunks).toString('utf8');
				resolve({ verified: response.statusCode === 200 && body === challenge, status: response.statusCode, body });
			});
		});
		request.on('timeout', () => request.destroy(new Error('timeout')));
		request.on('error', (error) => resolve({ verified: false, status: null, error: error.message }));
	});
}

module.exports = { inboundMessagePayload, postOnce, signMetaBody, statusPayload, verifyCallback };
