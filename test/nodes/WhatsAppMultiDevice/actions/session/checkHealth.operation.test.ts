/**
 * Check Endpoint Health through n8n's engine against a scripted server (the sink): a server that is down or broken
 * gives one `healthy: false` item with the reason; only a rejected credential fails the node.
 */
import type { Sink, SinkAnswer, SinkRequest } from '../../../../harness';
import { closedPort, runNode, startSink } from '../../../../harness';

const parameters = { resource: 'session', operation: 'checkHealth', options: {} };
const AUTH = `Basic ${Buffer.from('admin:pw').toString('base64')}`;

interface FakeGowa {
	health?: SinkAnswer;
	info?: SinkAnswer;
	devices?: unknown[] | null;
	status?: Record<string, unknown>;
}

/** A GOWA-like server below /gowa (health at the root, no auth there), scripted per test. */
function gowa(script: FakeGowa) {
	return (request: SinkRequest): SinkAnswer => {
		const path = request.url.split('?')[0];
		if (path === '/health') return script.health ?? { status: 200, body: 'OK', headers: { 'content-type': 'text/plain' } };
		if (request.headers.authorization !== AUTH) return { status: 401, body: 'Unauthorized', headers: { 'content-type': 'text/plain' } };
		if (path === '/gowa/app/info') return script.info ?? { body: { code: 'SUCCESS', message: 'Fetch app info success', results: { version: 'v9.2.0', os: 'GOWA' } } };
		if (path === '/gowa/devices') return { body: { code: 'SUCCESS', message: 'List devices', results: script.devices === undefined ? [] : script.devices } };
		if (path === '/gowa/app/status') {
			return {
				body: {
					code: 'SUCCESS',
					message: 'Connection status retrieved',
					results: { is_connected: true, is_logged_in: true, device_id: request.headers['x-device-id'], jid: '6281234567890@s.whatsapp.net', ...script.status },
				},
			};
		}
		return { status: 404, body: `Cannot GET ${path}`, headers: { 'content-type': 'text/plain' } };
	};
}

const salon = { id: 'salon-main', state: 'logged_in', jid: '6281234567890@s.whatsapp.net', phone_number: '6281234567890', display_name: 'Salon', created_at: '2026-01-01T00:00:00Z' };
const spare = { id: 'spare', state: 'disconnected', jid: '', created_at: '2026-01-02T00:00:00Z' };

describe('Session → Check Endpoint Health', () => {
	let sink: Sink;
	beforeAll(async () => {
		sink = await startSink();
	});
	afterAll(async () => sink.close());
	beforeEach(() => sink.requests.splice(0));

	const credentials = (extra: Record<string, string> = {}) => ({ baseUrl: `${sink.url}/gowa`, username: 'admin', password: 'pw', ...extra });

	test('a healthy tenant: one report from /health, /app/info, /devices and /app/status', async () => {
		sink.answer(gowa({ devices: [salon] }));
		const result = await runNode({ parameters, credentials: credentials() });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const report = result.items[0].json;
		expect(report).toMatchObject({
			healthy: true,
			reason: null,
			problems: [],
			serverStatus: 'OK',
			apiReachable: true,
			version: 'v9.2.0',
			deviceId: 'salon-main',
			loggedIn: true,
			connected: true,
			jid: '6281234567890@s.whatsapp.net',
			deviceCount: 1,
			loggedInDevices: 1,
			devices: [{ id: 'salon-main', state: 'logged_in', jid: '6281234567890@s.whatsapp.net', phone_number: '6281234567890', display_name: 'Salon' }],
		});
		expect(typeof report.latencyMs).toBe('number');
		expect(report.latencyMs as number).toBeGreaterThanOrEqual(0);
		expect(new Date(report.checkedAt as string).toString()).not.toBe('Invalid Date');
		// /health at the server root (outside the base path), then the API below it; the only device is checked.
		expect(sink.requests.map((request) => request.url)).toEqual(['/health', '/gowa/app/info', '/gowa/devices', '/gowa/app/status']);
		expect(sink.requests[3].headers['x-device-id']).toBe('salon-main');
		expect(JSON.stringify(report)).not.toContain('pw');
	});

	test('the Device ID override is the device checked', async () => {
		sink.answer(gowa({ devices: [salon, spare], status: { is_logged_in: false, is_connected: false, jid: '' } }));
		const result = await runNode({ parameters: { ...parameters, deviceId: 'spare' }, credentials: credentials({ deviceId: 'salon-main' }) });
		const report = result.items[0].json;
		expect(sink.requests[3].headers['x-device-id']).toBe('spare');
		expect(report).toMatchObject({ healthy: false, deviceId: 'spare', loggedIn: false, connected: false, jid: null });
		expect(report.reason).toBe('Device "spare" is not logged in to WhatsApp');
	});

	test('without a device to check, every device must be logged in (unless Require Logged-In Device is off)', async () => {
		sink.answer(gowa({ devices: [salon, spare] }));
		const strict = await runNode({ parameters, credentials: credentials() });
		expect(strict.items[0].json).toMatchObject({ healthy: false, reason: 'Not logged in: spare', loggedIn: false, deviceCount: 2, loggedInDevices: 1 });
		expect(sink.requests.map((request) => request.url)).not.toContain('/gowa/app/status');

		const relaxed = await runNode({ parameters: { ...parameters, options: { requireLoggedIn: false } }, credentials: credentials() });
		expect(relaxed.items[0].json).toMatchObject({ healthy: true, reason: null });
	});

	test('a fresh server without devices is not healthy', async () => {
		sink.answer(gowa({ devices: null }));
		const result = await runNode({ parameters, credentials: credentials() });
		expect(result.items[0].json).toMatchObject({ healthy: false, deviceCount: 0, devices: [] });
		expect(result.items[0].json.reason).toMatch(/no device/);
	});

	test('GOWA v8 (no /app/info): version unknown, still healthy', async () => {
		sink.answer(gowa({ devices: [salon], info: { status: 404, body: 'Cannot GET /gowa/app/info', headers: { 'content-type': 'text/plain' } } }));
		const result = await runNode({ parameters, credentials: credentials() });
		expect(result.items[0].json).toMatchObject({ healthy: true, version: null });
	});

	test('/health answering 503 gives healthy: false with the reason, the API is still asked', async () => {
		sink.answer(gowa({ devices: [salon], health: { status: 503, body: 'Service Unavailable', headers: { 'content-type': 'text/plain' } } }));
		const result = await runNode({ parameters, credentials: credentials() });
		expect(result.error).toBeUndefined();
		const report = result.items[0].json;
		expect(report).toMatchObject({ healthy: false, serverStatus: 'Service Unavailable', apiReachable: true });
		expect(report.reason).toMatch(/^Health check: GOWA failed to carry out the request \(HTTP 503\)/);
		// No retries for probes: one /health request.
		expect(sink.requests.filter((request) => request.url === '/health')).toHaveLength(1);
	});

	test('a server that is down: healthy: false, no error, no further probes', async () => {
		const port = await closedPort();
		const result = await runNode({ parameters, credentials: { baseUrl: `http://127.0.0.1:${port}/gowa`, username: 'admin', password: 'pw' } });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ healthy: false, apiReachable: false, version: null, serverStatus: null });
		expect(result.items[0].json.reason).toMatch(/connection was refused/);
		expect(result.items[0].json.problems).toHaveLength(1);
	});

	test('a rejected credential fails the node (it needs fixing in n8n, not on the server)', async () => {
		sink.answer(gowa({ devices: [salon] }));
		const result = await runNode({ parameters, credentials: credentials({ password: 'wrong' }) });
		expect(result.error?.message).toBe('GOWA rejected the username or password (HTTP 401)');
		expect(result.items).toHaveLength(0);

		const tolerant = await runNode({ parameters, credentials: credentials({ password: 'wrong' }), continueOnFail: true });
		expect(tolerant.items[0].json).toMatchObject({ status: 'failed', errorClass: 'credentials' });
	});

	test('an invalid timeout fails before any request', async () => {
		sink.answer(gowa({ devices: [salon] }));
		const result = await runNode({ parameters: { ...parameters, options: { timeout: -1 } }, credentials: credentials() });
		expect(result.error?.message).toMatch(/Timeout \(Seconds\) must be a positive number/);
		expect(sink.requests).toHaveLength(0);
	});
});
