'use strict';

const crypto = require('node:crypto');
const http = require('node:http');
const { buildEvent, buildPayload, EVENTS, marshalWebhookBody, signWebhookBody, startSimulator } = require('../../simulator');

/** A tiny receiver answering with the statuses given, recording every delivery. */
async function receiver(statuses = [200]) {
	const received = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			received.push({ at: Date.now(), headers: req.headers, body: Buffer.concat(chunks), url: req.url });
			const status = statuses[Math.min(received.length - 1, statuses.length - 1)];
			res.writeHead(status, { 'Content-Type': 'text/plain' });
			res.end(String(status));
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { received, url: `http://127.0.0.1:${server.address().port}/hook`, close: () => new Promise((resolve) => server.close(resolve)) };
}

const hmac = (body, secret) => `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;

describe('webhook delivery like GOWA', () => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ webhookRetryDelaysMs: [20, 40, 80, 160] });
	});
	afterAll(() => sim.close());

	it('POSTs sorted-key JSON signed with X-Hub-Signature-256 over the raw body (default secret "secret")', async () => {
		const target = await receiver([200]);
		try {
			const attempts = await sim.sendWebhook({ event: 'message', url: target.url, payload: { body: 'Hi <3 & bye', id: 'ABC', chat_id: '6289876543210@s.whatsapp.net' } });
			expect(attempts).toHaveLength(1);
			expect(attempts[0]).toMatchObject({ attempt: 1, status: 200 });
			expect(attempts.delivered).toBe(true);
			const [delivery] = target.received;
			expect(delivery.headers['content-type']).toBe('application/json');
			expect(delivery.headers['user-agent']).toBe('Go-http-client/1.1');
			expect(Number(delivery.headers['content-length'])).toBe(delivery.body.length);
			expect(delivery.headers['x-hub-signature-256']).toBe(hmac(delivery.body, 'secret'));
			const text = delivery.body.toString('utf8');
			expect(text).toBe(
				'{"device_id":"6281234567890@s.whatsapp.net","event":"message","payload":{"body":"Hi \\u003c3 \\u0026 bye","chat_id":"6289876543210@s.whatsapp.net","id":"ABC"},"session_id":"salon-main"}',
			);
			// Re-serialising the parsed JSON does NOT reproduce the signature: verify over the raw body.
			expect(hmac(Buffer.from(JSON.stringify(JSON.parse(text))), 'secret')).not.toBe(delivery.headers['x-hub-signature-256']);
		} finally {
			await target.close();
		}
	});

	it('retries any non-2xx up to 5 attempts with the 1/2/4/8 schedule (shortened here)', async () => {
		const target = await receiver([500, 404, 503, 502, 500]);
		try {
			const attempts = await sim.sendWebhook({ event: 'message', url: target.url, secret: 'tenant-secret' });
			expect(attempts.map((attempt) => attempt.status)).toEqual([500, 404, 503, 502, 500]);
			expect(attempts.delivered).toBe(false);
			const gaps = target.received.slice(1).map((delivery, index) => delivery.at - target.received[index].at);
			const expected = [20, 40, 80, 160];
			gaps.forEach((gap, index) => expect(gap).toBeGreaterThanOrEqual(expected[index] - 2));
			// the same bytes and signature on every attempt
			expect(new Set(target.received.map((delivery) => delivery.body.toString('base64'))).size).toBe(1);
			expect(target.received.every((delivery) => delivery.headers['x-hub-signature-256'] === hmac(delivery.body, 'tenant-secret'))).toBe(true);
		} finally {
			await target.close();
		}
	});

	it('stops at the first 2xx and records network errors as failed attempts', async () => {
		const target = await receiver([429, 201]);
		try {
			const attempts = await sim.sendWebhook({ event: 'message.ack', url: target.url });
			expect(attempts.map((attempt) => attempt.status)).toEqual([429, 201]);
		} finally {
			await target.close();
		}
		const refused = await sim.sendWebhook({ event: 'message', url: 'http://127.0.0.1:1/nothing', retryDelaysMs: [1, 1, 1, 1] });
		expect(refused).toHaveLength(5);
		expect(refused.every((attempt) => attempt.status === null && /ECONNREFUSED/.test(attempt.error))).toBe(true);
	});

	it('uses the device webhook config (URL, secret, event whitelist) over the call arguments', async () => {
		const target = await receiver([200]);
		const other = await receiver([200]);
		try {
			sim.setDevices([
				{ id: 'org_2', jid: '6285550001111@s.whatsapp.net', state: 'logged_in', webhook: { url: target.url, secret: 'org2-secret', events: 'message,message.ack' } },
			]);
			const delivered = await sim.sendWebhook({ event: 'message', deviceId: 'org_2', url: other.url, secret: 'ignored' });
			expect(delivered.url).toBe(target.url);
			expect(other.received).toHaveLength(0);
			const delivery = target.received[0];
			expect(delivery.headers['x-hub-signature-256']).toBe(hmac(delivery.body, 'org2-secret'));
			expect(JSON.parse(delivery.body)).toMatchObject({ device_id: '6285550001111@s.whatsapp.net', session_id: 'org_2', event: 'message' });

			const filtered = await sim.sendWebhook({ event: 'call.offer', deviceId: 'org_2', url: other.url });
			expect(filtered).toHaveLength(0);
			expect(filtered.skipped).toMatch(/not in the device's webhook_events/);
			expect(target.received).toHaveLength(1);
		} finally {
			sim.setDevices([{ id: 'salon-main', jid: '6281234567890@s.whatsapp.net', state: 'logged_in', displayName: 'Salon Ayu' }]);
			await target.close();
			await other.close();
		}
	});

	it('makes statics/media paths named in a payload downloadable', async () => {
		const target = await receiver([200]);
		try {
			await sim.sendWebhook({ event: 'message', url: target.url, media: 'image', caption: 'New style' });
			const payload = JSON.parse(target.received[0].body).payload;
			expect(payload.body).toBe('New style');
			expect(payload.image).toEqual({ path: expect.stringMatching(/^statics\/media\/\d+-[0-9a-f-]+\.jpeg$/), caption: 'New style' });
			const file = await fetch(`${sim.url}/${payload.image.path}`);
			expect(file.status).toBe(200);
			expect(file.headers.get('content-type')).toBe('image/jpeg');
		} finally {
			await target.close();
		}
	});
});

describe('event builders', () => {
	it('builds every documented event with its envelope rules', () => {
		for (const event of EVENTS) {
			const envelope = buildEvent(event, {}, { deviceJid: '6281234567890@s.whatsapp.net', sessionId: 'org_2', now: '2026-08-20T10:00:00Z' });
			expect(envelope.event).toBe(event);
			expect(envelope.device_id).toBe('6281234567890@s.whatsapp.net');
			expect(envelope.session_id).toBe('org_2');
			expect(Object.keys(envelope.payload).length).toBeGreaterThan(0);
			const topLevelTimestamp = !['message', 'message.reaction', 'message.revoked', 'message.edited', 'message.deleted'].includes(event);
			expect('timestamp' in envelope).toBe(topLevelTimestamp);
		}
	});

	it('builds realistic message payloads (text, media with/without auto-download, overrides)', () => {
		const text = buildPayload('message', { body: 'Can I book?' }, { now: '2026-08-20T10:00:00Z' });
		expect(text).toMatchObject({ chat_id: '6289876543210@s.whatsapp.net', from: '6289876543210@s.whatsapp.net', is_from_me: false, body: 'Can I book?', timestamp: '2026-08-20T10:00:00Z' });
		expect(text.id).toMatch(/^3EB0[0-9A-F]{18}$/);
		expect(buildPayload('message', {}, { media: 'audio' }).audio).toMatch(/^statics\/media\/.+\.ogg$/);
		expect(buildPayload('message', {}, { media: 'document', autoDownload: false, fileName: 'report.pdf' }).document).toEqual({ url: expect.stringMatching(/^https:\/\/mmg\.whatsapp\.net\//), filename: 'report.pdf' });
		expect(buildPayload('message', { from_name: undefined }, {})).not.toHaveProperty('from_name');
		expect(buildPayload('message', {}, { group: true })).toMatchObject({ chat_id: expect.stringMatching(/@g\.us$/), from_lid: expect.stringMatching(/@lid$/) });
		expect(buildPayload('message.ack', {}, { receiptType: 'read' })).toMatchObject({ receipt_type: 'read', receipt_type_description: 'the user opened the chat and saw the message.' });
	});

	it('marshals and signs exactly like the delivered bytes', () => {
		const envelope = { payload: { b: 1, a: { d: 2, c: '&' } }, event: 'message', device_id: 'x' };
		const body = marshalWebhookBody(envelope);
		expect(body.toString()).toBe('{"device_id":"x","event":"message","payload":{"a":{"c":"\\u0026","d":2},"b":1}}');
		expect(signWebhookBody(body, 'k')).toBe(hmac(body, 'k'));
	});
});
