import type { Sink } from '../../../../harness';
import { closedPort, describeContract, runNode, startSink } from '../../../../harness';
import { expectOk, setupAccountKit } from './accountKit';

describeContract('Session → Check Server Health (GET /health)', () => {
	const kit = setupAccountKit();

	test('called at the server root, outside the base path, without a device; text OK → object', async () => {
		const result = await kit.run('session', 'health', { deviceId: 'branch-2' });
		expectOk(result);
		const request = kit.only();
		expect(`${request.method} ${request.rawPath}`).toBe('GET /health');
		expect(request.operationId).toBe('health');
		expect(request.validation?.valid).toBe(true);
		expect(request.headers).not.toHaveProperty('x-device-id');
		expect(result.items[0].json).toEqual({ healthy: true, status: 'OK', httpCode: 200 });
	});
});

describe('Session → Check Server Health: an unhealthy server', () => {
	let sink: Sink;
	beforeAll(async () => {
		sink = await startSink({ status: 503, body: 'Service Unavailable', headers: { 'content-type': 'text/plain' } });
	});
	afterAll(async () => sink.close());

	test('503 Service Unavailable is a result, not an error, and is not retried', async () => {
		const result = await runNode({ parameters: { resource: 'session', operation: 'health' }, credentials: { baseUrl: `${sink.url}/gowa` } });
		expectOk(result);
		expect(result.items[0].json).toEqual({ healthy: false, status: 'Service Unavailable', httpCode: 503 });
		expect(sink.requests.map((request) => request.url)).toEqual(['/health']);
	});

	test('a server that cannot be reached fails the item (Check Endpoint Health reports it instead)', async () => {
		const port = await closedPort();
		const result = await runNode({ parameters: { resource: 'session', operation: 'health' }, credentials: { baseUrl: `http://127.0.0.1:${port}` } });
		expect(result.error?.message).toMatch(/connection was refused/);
	});
});
