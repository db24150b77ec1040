'use strict';

const { startSimulator } = require('../../simulator');
const { call, useSimulator } = require('./support');

const send = (sim, options = {}) => call(sim, 'POST', '/send/message', { json: { phone: '6289876543210', message: 'Hi' }, ...options });

describe('device selection (device middleware)', () => {
	const ctx = useSimulator({
		devices: [
			{ id: 'salon-main', jid: '6281234567890:12@s.whatsapp.net', state: 'logged_in', displayName: 'Salon Ayu' },
			{ id: 'Café ☕', jid: '6281111111111@s.whatsapp.net', state: 'logged_in' },
			{ id: 'fresh', state: 'new' },
			{ id: 'qr-shown', state: 'connected' },
			{ id: 'offline', jid: '6282222222222@s.whatsapp.net', state: 'disconnected' },
		],
	});

	it('requires a device when several exist: 400 DEVICE_ID_REQUIRED', async () => {
		const response = await send(ctx.sim);
		expect(response.status).toBe(400);
		expect(response.json).toEqual({ code: 'DEVICE_ID_REQUIRED', message: 'device_id is required via X-Device-Id header or device_id query' });
		expect(ctx.sim.requests.at(-1).deviceId).toBeNull();
	});

	it('answers an unknown device with 404 DEVICE_NOT_FOUND naming it', async () => {
		const response = await send(ctx.sim, { device: 'nobody' });
		expect(response.status).toBe(404);
		expect(response.json).toEqual({
			code: 'DEVICE_NOT_FOUND',
			message: 'device not found; create a device first from /api/devices or provide a valid X-Device-Id',
			results: { device_id: 'nobody' },
		});
	});

	it('accepts the slot id, the bare JID, the AD JID, a percent-encoded id and the device_id query', async () => {
		for (const device of [' salon-main ', '6281234567890@s.whatsapp.net', '6281234567890:12@s.whatsapp.net']) {
			const response = await send(ctx.sim, { device });
			expect(response.status).toBe(200);
			expect(ctx.sim.requests.at(-1).deviceId).toBe('salon-main');
		}
		const encoded = await send(ctx.sim, { device: encodeURIComponent('Café ☕') });
		expect(encoded.status).toBe(200);
		expect(ctx.sim.requests.at(-1).deviceId).toBe('Café ☕');
		const query = await call(ctx.sim, 'POST', '/send/message?device_id=salon-main', { json: { phone: '6289876543210', message: 'Hi' } });
		expect(query.status).toBe(200);
	});

	it('prefers the header over the query', async () => {
		await call(ctx.sim, 'GET', '/app/status?device_id=nobody', { device: 'salon-main' });
		expect(ctx.sim.requests.at(-1).response.status).toBe(200);
	});

	it('answers 500 INVALID_WA_CLI for a slot that never started login', async () => {
		const response = await send(ctx.sim, { device: 'fresh' });
		expect(response.status).toBe(500);
		expect(response.json).toEqual({ code: 'INVALID_WA_CLI', message: 'your WhatsApp CLI is invalid or empty' });
	});

	it('answers 401 AUTHENTICATION_ERROR (JSON) for devices that are not logged in', async () => {
		const notLoggedIn = await send(ctx.sim, { device: 'qr-shown' });
		expect(notLoggedIn.status).toBe(401);
		expect(notLoggedIn.json).toEqual({ code: 'AUTHENTICATION_ERROR', message: 'you are not logged in' });
		const offline = await send(ctx.sim, { device: 'offline' });
		expect(offline.json).toEqual({ code: 'AUTHENTICATION_ERROR', message: 'you are not connect to services server, please reconnect' });
	});

	it('validates the request before checking the device (400 beats INVALID_WA_CLI)', async () => {
		const response = await call(ctx.sim, 'POST', '/send/message', { device: 'fresh', json: { phone: '0812' } });
		expect(response.status).toBe(400);
		expect(response.json.code).toBe('VALIDATION_ERROR');
	});

	it('keeps serving local chat storage while not logged in', async () => {
		const chats = await call(ctx.sim, 'GET', '/chats?limit=1', { device: 'offline' });
		expect(chats.status).toBe(200);
		const status = await call(ctx.sim, 'GET', '/app/status', { device: 'fresh' });
		expect(status.json.results).toEqual({ device_id: 'fresh', is_connected: false, is_logged_in: false, jid: '' });
	});

	it('lists the devices for /app/devices (device-scoped) and /devices', async () => {
		const scoped = await call(ctx.sim, 'GET', '/app/devices');
		expect(scoped.status).toBe(400);
		const list = await call(ctx.sim, 'GET', '/app/devices', { device: 'salon-main' });
		expect(list.json.results[0]).toEqual({ name: 'Salon Ayu', device: 'salon-main', jid: '6281234567890@s.whatsapp.net' });
		const devices = await call(ctx.sim, 'GET', '/devices');
		expect(devices.json.results.map((device) => [device.id, device.state])).toEqual([
			['salon-main', 'logged_in'],
			['Café ☕', 'logged_in'],
			['fresh', 'disconnected'],
			['qr-shown', 'connected'],
			['offline', 'disconnected'],
		]);
		expect(devices.json.results[2]).not.toHaveProperty('jid');
	});
});

describe('fresh server with zero devices', () => {
	const ctx = useSimulator({ devices: [] });

	it('lists devices as null and requires a device everywhere else', async () => {
		const list = await call(ctx.sim, 'GET', '/devices');
		expect(list.json).toEqual({ code: 'SUCCESS', message: 'List devices', results: null });
		expect((await send(ctx.sim)).json.code).toBe('DEVICE_ID_REQUIRED');
		expect((await call(ctx.sim, 'GET', '/unknown/route')).json.code).toBe('DEVICE_ID_REQUIRED');
		expect((await call(ctx.sim, 'GET', '/app/info')).status).toBe(200);
	});

	it('creates, pairs (QR completed by the test), uses, logs out and removes a device', async () => {
		const sim = ctx.sim;
		const added = await call(sim, 'POST', '/devices', { json: { device_id: 'org_2' } });
		expect(added.json.results).toMatchObject({ id: 'org_2', display_name: '', jid: '', state: 'disconnected' });
		expect(added.json.results).not.toHaveProperty('webhook_url');
		const duplicate = await call(sim, 'POST', '/devices', { json: { device_id: 'org_2' } });
		expect(duplicate.status).toBe(500);
		expect(duplicate.json).toEqual({ code: 'INTERNAL_SERVER_ERROR', message: 'device org_2 already exists' });
		expect((await send(sim)).json.code).toBe('INVALID_WA_CLI');

		const login = await call(sim, 'GET', '/devices/org_2/login');
		expect(login.json.message).toBe('Login success');
		expect(login.json.results).toEqual({ device_id: 'org_2', qr_duration: 30, qr_link: expect.stringMatching(/\/statics\/qrcode\/scan-qr-.+\.png$/) });
		expect((await send(sim)).json).toEqual({ code: 'AUTHENTICATION_ERROR', message: 'you are not logged in' });
		expect((await call(sim, 'GET', '/devices/org_2/status')).json.results).toEqual({ device_id: 'org_2', is_connected: false, is_logged_in: false });

		sim.completeLogin('org_2', { jid: '6285550001111@s.whatsapp.net', displayName: 'Org Two' });
		expect((await send(sim)).status).toBe(200);
		expect((await call(sim, 'GET', '/devices/org_2/status')).json.results).toEqual({ device_id: 'org_2', is_connected: true, is_logged_in: true });
		expect((await call(sim, 'GET', '/devices/org_2')).json.results).toMatchObject({ id: 'org_2', phone_number: '6285550001111', display_name: 'Org Two', state: 'logged_in' });
		expect((await call(sim, 'GET', '/app/login')).json.code).toBe('ALREADY_LOGGED_IN');

		const logout = await call(sim, 'POST', '/devices/org_2/logout');
		expect(logout.json).toEqual({ code: 'SUCCESS', message: 'Logout requested' });
		expect((await call(sim, 'GET', '/devices')).json.results[0]).toMatchObject({ id: 'org_2', state: 'disconnected' });
		expect((await call(sim, 'POST', '/devices/org_2/reconnect')).json.message).toBe('device org_2 client not initialized');

		expect((await call(sim, 'DELETE', '/devices/org_2')).json).toEqual({ code: 'SUCCESS', message: 'Device removed' });
		expect((await call(sim, 'GET', '/devices')).json.results).toBeNull();
	});

	it('answers unknown ids like the real server: 500 for get/status/logout, 404 NOT_FOUND for webhook, 200 for delete', async () => {
		const sim = ctx.sim;
		for (const [method, path] of [
			['GET', '/devices/ghost'],
			['GET', '/devices/ghost/status'],
			['POST', '/devices/ghost/logout'],
			['POST', '/devices/ghost/reconnect'],
		]) {
			const response = await call(sim, method, path);
			expect(response.status).toBe(500);
			expect(response.json).toEqual({ code: 'INTERNAL_SERVER_ERROR', message: 'device ghost not found' });
		}
		for (const [method, options] of [['GET', {}], ['PATCH', { json: { webhook_url: 'http://x.example' } }]]) {
			const response = await call(sim, method, '/devices/ghost/webhook', options);
			expect(response.status).toBe(404);
			expect(response.json).toEqual({ code: 'NOT_FOUND', message: 'device not found' });
		}
		expect((await call(sim, 'DELETE', '/devices/ghost')).status).toBe(200);
	});

	it('pairs with a code (ABCD-1234 format) and validates the phone', async () => {
		const sim = ctx.sim;
		const invalid = await call(sim, 'POST', '/devices/by-code/login/code?phone=abc');
		expect(invalid.status).toBe(400);
		expect(invalid.json).toEqual({ code: 'VALIDATION_ERROR', message: 'phone_number(abc): must be in a valid format' });
		const ok = await call(sim, 'POST', '/devices/by-code/login/code?phone=628123456789');
		expect(ok.json.message).toBe('Login with code started');
		expect(ok.json.results.pair_code).toMatch(/^[1-9A-HJ-NP-TV-Z]{4}-[1-9A-HJ-NP-TV-Z]{4}$/);
		expect(sim.devices.find((device) => device.id === 'by-code').state).toBe('connected');
	});
});

describe('device webhook configuration', () => {
	const ctx = useSimulator({ devices: [{ id: 'salon-main', state: 'logged_in' }] });

	it('echoes webhook settings given at creation', async () => {
		const response = await call(ctx.sim, 'POST', '/devices', { json: { device_id: 'hooked', webhook_url: 'https://n8n.example/webhook/abc', webhook_events: 'message' } });
		expect(response.json.results).toMatchObject({
			webhook_url: 'https://n8n.example/webhook/abc',
			webhook_secret: '',
			webhook_events: 'message',
			webhook_insecure_skip_verify: false,
		});
		expect(ctx.sim.devices.find((device) => device.id === 'hooked').webhook.webhook_url).toBe('https://n8n.example/webhook/abc');
	});

	it('PATCH replaces the whole config (omitted fields reset) and GET returns it', async () => {
		const sim = ctx.sim;
		const first = await call(sim, 'PATCH', '/devices/salon-main/webhook', {
			json: { webhook_url: 'https://n8n.example/a', webhook_secret: 'top', webhook_events: 'message,message.ack', webhook_insecure_skip_verify: true },
		});
		expect(first.json).toEqual({
			code: 'SUCCESS',
			message: 'Device webhook updated',
			results: { device_id: 'salon-main', webhook_events: 'message,message.ack', webhook_insecure_skip_verify: true, webhook_secret: 'top', webhook_url: 'https://n8n.example/a' },
		});
		const second = await call(sim, 'PATCH', '/devices/salon-main/webhook', { json: { webhook_url: 'https://n8n.example/b' } });
		expect(second.json.results).toEqual({ device_id: 'salon-main', webhook_events: '', webhook_insecure_skip_verify: false, webhook_secret: '', webhook_url: 'https://n8n.example/b' });
		const read = await call(sim, 'GET', '/devices/salon-main/webhook');
		expect(read.json.message).toBe('Device webhook retrieved');
		expect(read.json.results).toEqual(second.json.results);
	});

	it('rejects a PATCH without the webhook_url key (400 BAD_REQUEST) and bad bodies', async () => {
		const missing = await call(ctx.sim, 'PATCH', '/devices/salon-main/webhook', { json: { webhook_secret: 'x' } });
		expect(missing.status).toBe(400);
		expect(missing.json).toEqual({ code: 'BAD_REQUEST', message: 'webhook_url is required' });
		const malformed = await call(ctx.sim, 'PATCH', '/devices/salon-main/webhook', { text: '{', headers: { 'Content-Type': 'application/json' } });
		expect(malformed.json).toEqual({ code: 'BAD_REQUEST', message: 'Invalid request body' });
		const cleared = await call(ctx.sim, 'PATCH', '/devices/salon-main/webhook', { json: { webhook_url: '' } });
		expect(cleared.json.results.webhook_url).toBe('');
	});
});

describe('setDevices / devices snapshot', () => {
	it('replaces the device model and derives stable JIDs', async () => {
		const sim = await startSimulator({ devices: [{ id: 'a' }] });
		try {
			expect(sim.devices[0]).toMatchObject({ id: 'a', state: 'logged_in', jid: expect.stringMatching(/^6281\d{9}@s\.whatsapp\.net$/) });
			sim.setDevices([{ id: 'b', state: 'new' }]);
			expect(sim.devices.map((device) => [device.id, device.state, device.jid])).toEqual([['b', 'new', '']]);
			expect((await call(sim, 'POST', '/send/message', { json: { phone: '62898765', message: 'x' } })).json.code).toBe('INVALID_WA_CLI');
		} finally {
			await sim.close();
		}
	});
});
