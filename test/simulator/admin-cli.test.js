'use strict';

const { spawn } = require('node:child_process');
const http = require('node:http');
const path = require('node:path');
const { parseArgs } = require('../../simulator/cli');
const { call, useSimulator } = require('./support');

const admin = async (sim, method, route, body) => {
	const response = await fetch(`${sim.origin}/__sim${route}`, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, json: await response.json() };
};

describe('admin API (/__sim, outside base path and auth)', () => {
	const auth = { username: 'u', password: 'p' };
	const ctx = useSimulator({ basePath: '/gowa', auth });

	it('lists and clears recorded requests (bodies base64) without recording itself', async () => {
		await call(ctx.sim, 'POST', '/send/message', { auth, json: { phone: '6289876543210', message: 'Hi' } });
		const listed = await admin(ctx.sim, 'GET', '/requests');
		expect(listed.json.requests).toHaveLength(1);
		const [recorded] = listed.json.requests;
		expect(recorded).toMatchObject({ method: 'POST', path: '/send/message', operationId: 'sendMessage', deviceId: 'salon-main', response: { status: 200 } });
		expect(JSON.parse(Buffer.from(recorded.rawBodyBase64, 'base64').toString())).toEqual({ phone: '6289876543210', message: 'Hi' });
		expect((await admin(ctx.sim, 'GET', '/requests?since=1')).json.requests).toHaveLength(0);
		expect((await admin(ctx.sim, 'DELETE', '/requests')).json).toEqual({ cleared: 1 });
		expect(ctx.sim.requests).toHaveLength(0);
		expect(ctx.sim.stats.byPath['/__sim/requests']).toBeUndefined();
	});

	it('drives failures, hang, latency, stats and devices', async () => {
		await admin(ctx.sim, 'POST', '/fail-next', { status: 429, retryAfter: 3 });
		const limited = await call(ctx.sim, 'POST', '/send/message', { auth, json: { phone: '6289876543210', message: 'Hi' } });
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('3');

		await admin(ctx.sim, 'POST', '/failure-rate', { rate: 1, statuses: [503], seed: 7 });
		expect((await call(ctx.sim, 'GET', '/app/status', { auth })).status).toBe(503);
		await admin(ctx.sim, 'POST', '/failure-rate', { rate: 0 });

		expect((await admin(ctx.sim, 'POST', '/latency', { latencyMs: 5 })).json).toEqual({ latencyMs: 5 });
		expect((await admin(ctx.sim, 'POST', '/hang', { hang: true })).json).toEqual({ hanging: true });
		const pending = call(ctx.sim, 'GET', '/app/status', { auth });
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect((await admin(ctx.sim, 'GET', '/stats')).json.inFlight).toBe(1);
		await admin(ctx.sim, 'POST', '/hang', { hang: false });
		expect((await pending).status).toBe(200);
		expect((await admin(ctx.sim, 'POST', '/stats/reset')).json).toMatchObject({ received: 0, inFlight: 0 });

		const devices = await admin(ctx.sim, 'PUT', '/devices', [{ id: 'a', state: 'connected' }, { id: 'b' }]);
		expect(devices.json.devices.map((device) => [device.id, device.state])).toEqual([
			['a', 'connected'],
			['b', 'logged_in'],
		]);
		await admin(ctx.sim, 'POST', '/devices/a/complete-login', { jid: '6287770001111@s.whatsapp.net' });
		expect((await call(ctx.sim, 'GET', '/app/status', { auth, device: '6287770001111@s.whatsapp.net' })).json.results).toMatchObject({ device_id: 'a', is_logged_in: true });
		await admin(ctx.sim, 'POST', '/reset');
		expect(ctx.sim.requests).toHaveLength(0);
		expect(ctx.sim.latencyMs).toBe(0);
		expect((await admin(ctx.sim, 'GET', '/nope')).status).toBe(404);
	});

	it('sends a webhook on request', async () => {
		const received = [];
		const server = http.createServer((req, res) => {
			const chunks = [];
			req.on('data', (chunk) => chunks.push(chunk));
			req.on('end', () => {
				received.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
				res.end('ok');
			});
		});
		await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const url = `http://127.0.0.1:${server.address().port}/`;
			const result = await admin(ctx.sim, 'POST', '/webhook', { event: 'message', url, secret: 's', fields: { body: 'from admin' } });
			expect(result.json).toMatchObject({ delivered: true, url, attempts: [{ attempt: 1, status: 200 }] });
			expect(received[0].body).toBe(result.json.body);
			expect(received[0].headers['x-hub-signature-256']).toBe(result.json.signature);
			expect(JSON.parse(received[0].body).payload.body).toBe('from admin');
		} finally {
			await new Promise((resolve) => server.close(resolve));
		}
	});
});

describe('CLI', () => {
	it('parses its options', () => {
		expect(parseArgs(['--port', '3000', '--base-path', '/gowa', '--user', 'u', '--password', 'p', '--device', 'salon-main:6281234567890@s.whatsapp.net', '--device', 'b', '--latency', '50', '--fail-rate', '0.3', '--quick-retries'])).toEqual({
			port: 3000,
			basePath: '/gowa',
			user: 'u',
			password: 'p',
			devices: [
				{ id: 'salon-main', jid: '6281234567890@s.whatsapp.net', state: 'logged_in' },
				{ id: 'b', jid: undefined, state: 'logged_in' },
			],
			latencyMs: 50,
			failRate: 0.3,
			quickRetries: true,
		});
		expect(() => parseArgs(['--what', '1'])).toThrow(/unknown option --what/);
	});

	it('prints the URL when ready, serves requests and stops on SIGTERM', async () => {
		const child = spawn(process.execPath, [path.join(__dirname, '../../simulator/cli.js'), '--port', '0', '--base-path', '/gowa', '--user', 'u', '--password', 'p'], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		const url = await new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`CLI did not start: ${output}`)), 10_000);
			child.stdout.on('data', (chunk) => {
				output += chunk;
				const match = /GOWA simulator listening on (http:\/\/\S+)/.exec(output);
				if (match) {
					clearTimeout(timer);
					resolve(match[1]);
				}
			});
			child.on('exit', (code) => reject(new Error(`CLI exited early (${code}): ${output}`)));
		});
		expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/gowa$/);
		const response = await fetch(`${url}/devices`, { headers: { Authorization: `Basic ${Buffer.from('u:p').toString('base64')}` } });
		expect(response.status).toBe(200);
		const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
		child.kill('SIGTERM');
		expect(await exited).toEqual({ code: 0, signal: null });
		expect(output).toContain('GOWA simulator stopped (SIGTERM)');
	});
});
