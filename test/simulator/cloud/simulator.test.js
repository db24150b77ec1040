'use strict';
/** The Meta simulator itself: auth errors, signed webhooks, the window, rate errors, failure switches, admin API and CLI. */
const crypto = require('node:crypto');
const http = require('node:http');
const path = require('node:path');
const { spawn } = require('node:child_process');

const cloud = require(path.join(__dirname, '..', '..', '..', 'simulator', 'cloud'));

const found = cloud.spec.findMetaSpecPath();
const describeSim = found ? describe : describe.skip;

function receiver() {
	const received = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			received.push({ headers: req.headers, body: Buffer.concat(chunks) });
			res.end('ok');
		});
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}/hook`, received, close: () => new Promise((done) => server.close(done)) })));
}

describeSim('Meta simulator', () => {
	let sim;
	beforeAll(async () => {
		sim = await cloud.startCloudSimulator({ pairRateLimitMs: 60_000 });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.clearRequests();
		sim.clearFailures();
	});
	const graph = (method, graphPath, body, token = sim.token) =>
		fetch(`${sim.url}/v23.0${graphPath}`, { method, headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined }).then(async (response) => ({ status: response.status, json: await response.json() }));
	const text = (to) => ({ messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'text', text: { body: 'hi' } });

	test('no token → 104, a wrong token → 190 (HTTP 401), in Graph’s envelope with an fbtrace_id', async () => {
		expect(await graph('GET', `/${sim.phoneNumberId}`, undefined, null)).toMatchObject({ status: 401, json: { error: { code: 104, type: 'OAuthException', fbtrace_id: expect.any(String) } } });
		expect(await graph('GET', `/${sim.phoneNumberId}`, undefined, 'nope')).toMatchObject({ status: 401, json: { error: { code: 190 } } });
	});

	test('an invalid body is rejected with 100 and the spec’s complaint in error_data.details; the verdict is recorded', async () => {
		const answer = await graph('POST', `/${sim.phoneNumberId}/messages`, { ...text('6281234567890'), recipient_type: undefined });
		expect(answer).toMatchObject({ status: 400, json: { error: { code: 100, error_data: { details: "(body) must have required property 'recipient_type'" } } } });
		expect(sim.requests[0].validation.valid).toBe(false);
	});

	test('the 24-hour window: 131047 before the customer writes, accepted after; a template needs no window', async () => {
		expect((await graph('POST', `/${sim.phoneNumberId}/messages`, text('6281111111111'))).json.error.code).toBe(131047);
		expect((await graph('POST', `/${sim.phoneNumberId}/messages`, { messaging_product: 'whatsapp', recipient_type: 'individual', to: '6281111111112', type: 'template', template: { name: 'hello_world', language: { code: 'en_US', policy: 'deterministic' } } })).status).toBe(200);
		await sim.receiveMessage({ from: '6281111111111' });
		expect((await graph('POST', `/${sim.phoneNumberId}/messages`, text('6281111111111'))).json).toMatchObject({ messages: [{ id: expect.stringMatching(/^wamid\./) }], contacts: [{ wa_id: '6281111111111' }] });
	});

	test('a window older than 24 hours is closed again', async () => {
		await sim.receiveMessage({ from: '6281111111113', at: Date.now() - 24 * 3600 * 1000 - 1000 });
		expect((await graph('POST', `/${sim.phoneNumberId}/messages`, text('6281111111113'))).json.error.code).toBe(131047);
	});

	test('pair rate limit: a second message to the same user too soon → 131056; another user is fine', async () => {
		for (const from of ['6282222222221', '6282222222222']) await sim.receiveMessage({ from });
		expect((await graph('POST', `/${sim.phoneNumberId}/messages`, text('6282222222221'))).status).toBe(200);
		expect((await graph('POST', `/${sim.phoneNumberId}/messages`, text('6282222222221'))).json.error.code).toBe(131056);
		expect((await graph('POST', `/${sim.phoneNumberId}/messages`, text('6282222222222'))).status).toBe(200);
	});

	test('throughput: more sends per second than allowed → 130429', async () => {
		const previous = sim.throughputPerSecond;
		sim.throughputPerSecond = 2;
		sim.pairRateLimitMs = 0;
		try {
			const users = ['6283333333331', '6283333333332', '6283333333333'];
			for (const from of users) await sim.receiveMessage({ from });
			sim.recentSends.clear();
			const codes = [];
			for (const to of users) codes.push((await graph('POST', `/${sim.phoneNumberId}/messages`, text(to))).json.error?.code ?? 200);
			expect(codes).toEqual([200, 200, 130429]);
		} finally {
			sim.throughputPerSecond = previous;
			sim.pairRateLimitMs = 60_000;
		}
	});

	test('failNext answers Graph’s envelope with is_transient and Retry-After', async () => {
		sim.failNext({ code: 2, status: 503, isTransient: true, retryAfter: 1, path: `/${sim.phoneNumberId}` });
		const response = await fetch(`${sim.url}/v23.0/${sim.phoneNumberId}`, { headers: { Authorization: `Bearer ${sim.token}` } });
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBe('1');
		expect((await response.json()).error).toMatchObject({ code: 2, is_transient: true });
	});

	test('media download needs the token', async () => {
		const media = sim.state.storeMedia(sim.phoneNumberId, { bytes: Buffer.from('abc'), mimeType: 'text/plain' });
		const url = sim.mediaUrl(media);
		expect((await fetch(url)).status).toBe(401);
		const ok = await fetch(url, { headers: { Authorization: `Bearer ${sim.token}` } });
		expect([ok.status, ok.headers.get('content-type'), await ok.text()]).toEqual([200, 'text/plain', 'abc']);
	});

	test('signed webhooks: X-Hub-Signature-256 is the HMAC-SHA256 of the exact bytes with the app secret; routed by phone_number_id', async () => {
		const hook = await receiver();
		try {
			await sim.receiveMessage({ from: '6284444444441', text: 'Can I book for 10:00?', url: hook.url });
			const [{ headers, body }] = hook.received;
			const expected = `sha256=${crypto.createHmac('sha256', sim.appSecret).update(body).digest('hex')}`;
			expect(headers['x-hub-signature-256']).toBe(expected);
			const changed = Buffer.from(body);
			changed[changed.length - 2] ^= 1;
			expect(cloud.signMetaBody(changed, sim.appSecret)).not.toBe(expected);
			const payload = JSON.parse(body.toString('utf8'));
			expect(payload.entry[0].changes[0].value.metadata.phone_number_id).toBe(sim.phoneNumberId);
			expect(payload.entry[0].changes[0].value.messages[0]).toMatchObject({ from: '6284444444441', type: 'text', text: { body: 'Can I book for 10:00?' } });
			const status = await sim.sendWebhook({ url: hook.url, status: 'delivered' });
			expect(status.status).toBe(200);
			expect(JSON.parse(hook.received[1].body).entry[0].changes[0].value.statuses[0]).toMatchObject({ status: 'delivered', id: expect.stringMatching(/^wamid\./) });
		} finally {
			await hook.close();
		}
	});

	test('subscribed_apps: an override is set only after Meta’s GET handshake succeeds; deliveries then go there; POST {} and DELETE undo it', async () => {
		const token = 'verify-sim-7781';
		const handshakes = [];
		const server = http.createServer((req, res) => {
			const url = new URL(req.url, 'http://x');
			handshakes.push(Object.fromEntries(url.searchParams));
			if (req.method === 'GET' && url.searchParams.get('hub.verify_token') === token) return res.end(url.searchParams.get('hub.challenge'));
			if (req.method === 'POST') return res.end('ok');
			res.statusCode = 403;
			res.end('no');
		});
		await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
		const callback = `http://127.0.0.1:${server.address().port}/hook`;
		try {
			const waba = `/${sim.businessAccountId}/subscribed_apps`;
			expect((await graph('GET', waba)).json).toEqual({ data: [{ whatsapp_business_api_data: { id: '583720931047281', name: 'Salon Booking Platform', link: 'https://www.facebook.com/games/?app_id=583720931047281' } }] });
			const refused = await graph('POST', waba, { override_callback_uri: callback, verify_token: 'wrong' });
			expect(refused.status).toBe(400);
			expect(refused.json.error.code).toBe(2200);
			expect(handshakes[0]).toMatchObject({ 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong' });
			expect((await graph('GET', waba)).json.data[0].override_callback_uri).toBeUndefined();
			const accepted = await graph('POST', waba, { override_callback_uri: callback, verify_token: token });
			expect(accepted.status).toBe(200);
			expect(accepted.json).toMatchObject({ success: true, data: [{ override_callback_uri: callback }] });
			expect(sim.requests.every((request) => request.validation.valid)).toBe(true);
			const delivered = await sim.sendWebhook({ payload: cloud.inboundMessagePayload({ wabaId: sim.businessAccountId, phone: sim.state.phoneNumbers.get(sim.phoneNumberId), from: '6281234567890', message: { type: 'text', text: { body: 'hi' } } }) });
			expect(delivered).toMatchObject({ url: callback, status: 200 });
			expect((await graph('POST', waba, {})).json).toEqual({ success: true });
			expect((await graph('GET', waba)).json.data[0].override_callback_uri).toBeUndefined();
			expect((await graph('DELETE', waba)).json).toEqual({ success: true });
			expect((await graph('GET', waba)).json).toEqual({ data: [] });
			expect(sim.requests.map((request) => request.operationId)).toContain('unsubscribeFromWabaWebhooks');
		} finally {
			await new Promise((resolve) => server.close(resolve));
			sim.state.wabas.get(sim.businessAccountId).subscriptions.set('583720931047281', {});
		}
	});

	test('the CLI starts, serves the admin API and stops on SIGTERM', async () => {
		const child = spawn(process.execPath, [path.join(__dirname, '..', '..', '..', 'simulator', 'cloud', 'cli.js'), '--port', '0', '--token', 'cli-token'], { stdio: ['ignore', 'pipe', 'pipe'] });
		try {
			const url = await new Promise((resolve, reject) => {
				let output = '';
				child.stdout.on('data', (chunk) => {
					output += chunk;
					const match = output.match(/Meta simulator listening on (\S+)/);
					if (match) resolve(match[1]);
				});
				child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
			});
			expect(await (await fetch(`${url}/__sim/info`)).json()).toMatchObject({ token: 'cli-token', spec: 'loaded' });
			await fetch(`${url}/__sim/inbound`, { method: 'POST', body: JSON.stringify({ from: '6285555555551' }) });
			const sent = await fetch(`${url}/v23.0/106540352242922/messages`, { method: 'POST', headers: { Authorization: 'Bearer cli-token', 'Content-Type': 'application/json' }, body: JSON.stringify(text('6285555555551')) });
			expect(sent.status).toBe(200);
			const recorded = await (await fetch(`${url}/__sim/requests`)).json();
			expect(recorded.requests.map((request) => request.operationId)).toEqual(['sendMessage']);
		} finally {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			expect(await exited).toBe(0);
		}
	});
});
