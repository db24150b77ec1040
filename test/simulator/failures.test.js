'use strict';

const { startSimulator } = require('../../simulator');
const { REACHOUT_TIMELOCK_MESSAGE } = require('../../simulator/errors');
const { call, useSimulator } = require('./support');

const message = { json: { phone: '6289876543210', message: 'Reminder' } };

describe('failure switches', () => {
	const ctx = useSimulator();
	afterEach(() => {
		ctx.sim.clearFailures();
		ctx.sim.hang(false);
		ctx.sim.clearRequests();
	});

	it('fails the next request with 500 by default, then recovers', async () => {
		ctx.sim.failNext();
		const failed = await call(ctx.sim, 'POST', '/send/message', message);
		expect(failed.status).toBe(500);
		expect(failed.json.code).toBe('INTERNAL_SERVER_ERROR');
		expect((await call(ctx.sim, 'POST', '/send/message', message)).status).toBe(200);
		expect(ctx.sim.requests.map((rec) => rec.response.status)).toEqual([500, 200]);
		expect(ctx.sim.requests[0].injected).toEqual({ status: 500, code: undefined, reset: false });
	});

	it('answers 429 WA_REACHOUT_TIMELOCK with Retry-After, count times, only on the given path', async () => {
		ctx.sim.failNext({ status: 429, retryAfter: 2, count: 2, path: '/send/message' });
		const other = await call(ctx.sim, 'GET', '/app/status');
		expect(other.status).toBe(200);
		for (let i = 0; i < 2; i++) {
			const limited = await call(ctx.sim, 'POST', '/send/message', message);
			expect(limited.status).toBe(429);
			expect(limited.headers.get('retry-after')).toBe('2');
			expect(limited.json).toEqual({ code: 'WA_REACHOUT_TIMELOCK', message: REACHOUT_TIMELOCK_MESSAGE });
		}
		expect((await call(ctx.sim, 'POST', '/send/message', message)).status).toBe(200);
	});

	it('answers 504 GATEWAY_TIMEOUT and custom codes/messages, and plain-text proxy errors', async () => {
		ctx.sim.failNext({ status: 504 });
		expect((await call(ctx.sim, 'POST', '/send/message', message)).json).toEqual({
			code: 'GATEWAY_TIMEOUT',
			message: 'Request timed out waiting for WhatsApp server response',
		});
		ctx.sim.failNext({ status: 500, code: 'UPLOAD_MEDIA_ERROR', message: 'Failed to upload file: boom' });
		expect((await call(ctx.sim, 'POST', '/send/message', message)).json).toEqual({ code: 'UPLOAD_MEDIA_ERROR', message: 'Failed to upload file: boom' });
		ctx.sim.failNext({ status: 502, plain: true, message: 'Bad Gateway' });
		const proxy = await call(ctx.sim, 'POST', '/send/message', message);
		expect(proxy.status).toBe(502);
		expect(proxy.text).toBe('Bad Gateway');
	});

	it('matches paths by prefix (`*`) and method', async () => {
		ctx.sim.failNext({ status: 500, path: '/send/*', method: 'POST', count: 0 }); // 0 = until cleared
		expect((await call(ctx.sim, 'POST', '/send/link', { json: { phone: '62898765', link: 'https://x.example', caption: 'c' } })).status).toBe(500);
		expect((await call(ctx.sim, 'POST', '/send/message', message)).status).toBe(500);
		expect((await call(ctx.sim, 'GET', '/chats')).status).toBe(200);
		ctx.sim.clearFailures();
		expect((await call(ctx.sim, 'POST', '/send/message', message)).status).toBe(200);
	});

	it('drops the connection with reset: true', async () => {
		ctx.sim.failNext({ reset: true });
		await expect(call(ctx.sim, 'POST', '/send/message', message)).rejects.toThrow();
		expect(ctx.sim.requests[0].response).toEqual({ status: null, reset: true, body: undefined });
	});

	it('records failed and rejected requests, so "sent exactly once" can be proven', async () => {
		ctx.sim.failNext({ status: 429 });
		await call(ctx.sim, 'POST', '/send/message', message);
		await call(ctx.sim, 'POST', '/send/message', { json: { phone: '0812', message: 'x' } });
		await call(ctx.sim, 'POST', '/send/message', message);
		const sends = ctx.sim.requests.filter((rec) => rec.path === '/send/message');
		expect(sends.map((rec) => rec.response.status)).toEqual([429, 400, 200]);
		expect(sends.filter((rec) => rec.response.status === 200)).toHaveLength(1);
	});

	it('hangs requests until switched off (client timeouts see no answer)', async () => {
		ctx.sim.hang(true);
		const controller = new AbortController();
		const pending = fetch(`${ctx.sim.url}/send/message`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(message.json),
			signal: controller.signal,
		});
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(ctx.sim.stats.inFlight).toBe(1);
		controller.abort();
		await expect(pending).rejects.toThrow();
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(ctx.sim.requests[0].response).toEqual({ status: null, aborted: true, body: undefined });
		expect(ctx.sim.stats.inFlight).toBe(0);

		const released = call(ctx.sim, 'POST', '/send/message', message);
		await new Promise((resolve) => setTimeout(resolve, 30));
		ctx.sim.hang(false);
		expect((await released).status).toBe(200);
	});

	it('hangs a single request with failNext({ hang: true })', async () => {
		ctx.sim.failNext({ hang: true });
		const first = call(ctx.sim, 'POST', '/send/message', message);
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect((await call(ctx.sim, 'GET', '/app/status')).status).toBe(200);
		ctx.sim.hang(false);
		expect((await first).status).toBe(200);
	});

	it('fails at a deterministic random rate with a seed', async () => {
		const run = async () => {
			const sim = await startSimulator();
			sim.setFailureRate({ rate: 0.3, statuses: [500, 429], seed: 42 });
			const statuses = [];
			for (let i = 0; i < 40; i++) statuses.push((await call(sim, 'GET', '/app/status')).status);
			sim.setFailureRate({ rate: 0 });
			statuses.push((await call(sim, 'GET', '/app/status')).status);
			await sim.close();
			return statuses;
		};
		const first = await run();
		expect(await run()).toEqual(first);
		const failures = first.filter((status) => status !== 200).length;
		expect(failures).toBeGreaterThan(4);
		expect(failures).toBeLessThan(24);
		expect(new Set(first)).toEqual(new Set([200, 500, 429]));
		expect(first.at(-1)).toBe(200);
	});
});

describe('in-flight statistics and latency', () => {
	const ctx = useSimulator({ latencyMs: 60 });

	it('counts peak concurrent requests from arrival until the answer is written', async () => {
		ctx.sim.resetStats();
		ctx.sim.hang(true);
		const pending = Array.from({ length: 8 }, () => call(ctx.sim, 'POST', '/send/message', message));
		for (let i = 0; i < 200 && ctx.sim.stats.inFlight < 8; i++) await new Promise((resolve) => setTimeout(resolve, 10));
		expect(ctx.sim.stats.inFlight).toBe(8);
		ctx.sim.hang(false);
		await Promise.all(pending);
		const stats = ctx.sim.stats;
		expect(stats.received).toBe(8);
		expect(stats.inFlight).toBe(0);
		expect(stats.peakInFlight).toBe(8);
		expect(stats.byPath['/send/message']).toBe(8);
		ctx.sim.resetStats();
		for (let i = 0; i < 3; i++) await call(ctx.sim, 'GET', '/app/status');
		expect(ctx.sim.stats).toMatchObject({ received: 3, peakInFlight: 1, inFlight: 0 });
	});

	it('adds latencyMs to every answer', async () => {
		const started = Date.now();
		await call(ctx.sim, 'GET', '/app/status');
		expect(Date.now() - started).toBeGreaterThanOrEqual(55);
	});

	it('can change latency at run time', async () => {
		ctx.sim.setLatency(0);
		expect(ctx.sim.latencyMs).toBe(0);
		ctx.sim.setLatency(60);
	});
});
