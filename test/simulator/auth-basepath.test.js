'use strict';

const { call, useSimulator } = require('./support');

const auth = { username: 'tenant-a', password: 's3cr:et' };

describe('basic auth and base path', () => {
	const ctx = useSimulator({ basePath: '/gowa', auth });

	it('rejects missing or wrong credentials with a plain-text 401 like Fiber', async () => {
		for (const options of [{}, { auth: { username: 'tenant-a', password: 'nope' } }]) {
			const response = await call(ctx.sim, 'GET', '/devices', options);
			expect(response.status).toBe(401);
			expect(response.text).toBe('Unauthorized');
			expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
			expect(response.headers.get('www-authenticate')).toBe('Basic realm="Restricted"');
		}
		expect(ctx.sim.requests.at(-1).response.status).toBe(401);
	});

	it('accepts the right credentials (a password may contain a colon here)', async () => {
		const response = await call(ctx.sim, 'GET', '/devices', { auth });
		expect(response.status).toBe(200);
		expect(response.json.code).toBe('SUCCESS');
	});

	it('serves /health at the server root, without auth and without the base path', async () => {
		const root = await call(ctx.sim, 'GET', '/health', { root: true });
		expect(root.status).toBe(200);
		expect(root.text).toBe('OK');
		const prefixed = await call(ctx.sim, 'GET', '/health', { auth });
		expect(prefixed.status).toBe(404);
		expect(prefixed.text).toBe('Cannot GET /gowa/health');
	});

	it('answers paths outside the base path with 401 (auth first) or a plain 404', async () => {
		const unauthenticated = await call(ctx.sim, 'GET', '/devices', { root: true });
		expect(unauthenticated.status).toBe(401);
		const outside = await call(ctx.sim, 'GET', '/devices', { root: true, auth });
		expect(outside.status).toBe(404);
		expect(outside.text).toBe('Cannot GET /devices');
	});

	it('records paths without the base path and keeps the raw path', async () => {
		await call(ctx.sim, 'POST', '/send/message?x=1', { auth, json: { phone: '6289876543210', message: 'Hi' } });
		const recorded = ctx.sim.requests.at(-1);
		expect(recorded.path).toBe('/send/message');
		expect(recorded.rawPath).toBe('/gowa/send/message?x=1');
		expect(recorded.query).toEqual({ x: '1' });
		expect(recorded.operationId).toBe('sendMessage');
		expect(recorded.headers.authorization).toMatch(/^Basic /);
	});

	it('serves {base}/statics without credentials and reports base_path in /app/info', async () => {
		const info = await call(ctx.sim, 'GET', '/app/info', { auth });
		expect(info.json.results.base_path).toBe('/gowa');
		const login = await call(ctx.sim, 'GET', '/devices/new-slot/login', { auth });
		expect(login.json.results.qr_link).toMatch(new RegExp(`^${ctx.sim.url}/statics/qrcode/scan-qr-[0-9a-f-]{36}\\.png$`));
		const png = await fetch(login.json.results.qr_link);
		expect(png.status).toBe(200);
	});
});

describe('without auth and base path', () => {
	const ctx = useSimulator();

	it('is open and routes at the root', async () => {
		const response = await call(ctx.sim, 'GET', '/devices');
		expect(response.status).toBe(200);
		expect(ctx.sim.url).toBe(ctx.sim.origin);
	});

	it('adds permissive CORS headers and answers preflights', async () => {
		const preflight = await fetch(`${ctx.sim.url}/send/message`, {
			method: 'OPTIONS',
			headers: { Origin: 'http://ui.example', 'Access-Control-Request-Method': 'POST' },
		});
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get('access-control-allow-headers')).toContain('X-Device-Id');
		const response = await call(ctx.sim, 'GET', '/devices', { headers: { Origin: 'http://ui.example' } });
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
	});
});
