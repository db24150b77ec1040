/**
 * Answers that are not what they seem (issue 16, items 4, 5, 6): a 2xx that is not a GOWA envelope, a send answered
 * without a message id, responses cut while arriving, and a reverse proxy's 502/504 — through the real transport
 * and n8n's real request helper, against the simulator's failure switches and a raw socket server.
 */
import type { Server, Socket } from 'node:net';
import { createServer } from 'node:net';

import { gowaFailureOf } from '../../../nodes/shared/errors';
import { closedPort, runNode, testCredential, useSimulator } from '../../harness';
import { TransportProbe } from '../../support/transportProbe';

const PASSWORD = 'answers-Pw-77';
const gowa = useSimulator({ auth: { username: 'admin', password: PASSWORD }, basePath: '/gowa' });

afterEach(() => gowa.sim.clearFailures());

const sendText = (sending: object = {}) => ({ resource: 'send', operation: 'text', recipient: '6281234567890', message: 'Hi', options: {}, sending: { baseDelayMs: 0, ...sending } });

async function send(sending: object = {}, continueOnFail = true, baseUrl = gowa.url) {
	return await runNode({ parameters: sendText(sending), credentials: { ...gowa.credentials(), baseUrl }, continueOnFail });
}

describe('a 2xx that is not a GOWA envelope is not "sent" (item 4)', () => {
	test('an HTML 200 (maintenance page) fails the item, says what answered, no secrets', async () => {
		gowa.sim.failNext({ path: '/send/message', status: 200, html: `<!DOCTYPE html><html><body>Maintenance — back soon. user admin:${PASSWORD}</body></html>` });
		const result = await send();
		const [item] = result.items;
		expect(item.json.status).toBe('failed');
		expect(item.json.errorClass).toBe('notGowaAnswer');
		expect(item.json.error).toBe(`127.0.0.1:${gowa.sim.port} answered HTTP 200 with text/html, which is not a GOWA answer: "<!DOCTYPE html><html><body>Maintenance — back soon. user [redacted]</body></html"`);
		expect(JSON.stringify(item.json)).not.toContain(PASSWORD);
		expect(item.json.messageId).toBeUndefined();
		expect(gowa.requests()).toHaveLength(1);
	});

	test('the same without Continue On Fail fails the node on that item', async () => {
		gowa.sim.failNext({ path: '/send/message', status: 200, html: true });
		const result = await send({}, false);
		expect(result.items).toEqual([]);
		expect(gowaFailureOf(result.thrown)?.class).toBe('notGowaAnswer');
		expect(result.error?.description).toMatch(/base path \(APP_BASE_PATH\)/);
	});

	test('a JSON 200 send answer without message id is not sent: delivery unknown, not repeated', async () => {
		gowa.sim.failNext({ path: '/send/message', status: 200, html: '{"code":"SUCCESS","message":"queued"}' });
		const result = await send({ maxAttempts: 3 });
		expect(result.items[0].json).toMatchObject({ status: 'failed', errorClass: 'noMessageId', delivery: 'unknown' });
		expect(result.items[0].json.error).toMatch(/without a message ID .*not counted as sent/);
		expect(gowa.requests()).toHaveLength(1);
	});

	test('a scheduled send (v9.5) may answer without message id: the request says so with scheduledSend', async () => {
		gowa.sim.failNext({ path: '/send/message', status: 200, html: '{"code":"SUCCESS","message":"scheduled"}' });
		const request = { method: 'POST', path: '/send/message', body: { phone: '6281234567890@s.whatsapp.net', message: 'Hi' }, scheduledSend: true };
		const result = await runNode({ nodeType: TransportProbe, parameters: { request: JSON.stringify(request) }, credentials: gowa.credentials() });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ success: true, code: 'SUCCESS', message: 'scheduled' });
	});

	test('the credential test refuses a host that answers HTML 200', async () => {
		gowa.sim.failNext({ path: '/devices', status: 200, html: true });
		const result = await testCredential(gowa.credentials());
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/not GOWA/);
		// …and accepts GOWA itself.
		expect((await testCredential(gowa.credentials())).status).toBe('OK');
	});
});

describe('cut responses: only "nothing was sent" failures are retried for sends (item 5)', () => {
	test.each(['headers', 'body'])('cut after the %s: delivery unknown, sent once', async (cut) => {
		gowa.sim.failNext({ path: '/send/message', cut });
		const result = await send({ maxAttempts: 3 });
		expect(result.items[0].json).toMatchObject({ status: 'failed', delivery: 'unknown', attempts: 1 });
		expect(['responseCut', 'connectionReset']).toContain(result.items[0].json.errorClass);
		expect(gowa.requests().filter((request) => request.path === '/send/message')).toHaveLength(1);
	});

	test('…unless the user opted in to retrying unknown outcomes', async () => {
		gowa.sim.failNext({ path: '/send/message', cut: 'body' });
		const result = await send({ maxAttempts: 3, retryUnknownDelivery: true });
		expect(result.items[0].json.status).toBe('sent');
		expect(gowa.requests().filter((request) => request.path === '/send/message')).toHaveLength(2);
	});

	test('a cut read (GET) is retried', async () => {
		gowa.sim.failNext({ path: '/devices', cut: 'body' });
		const result = await runNode({ parameters: { resource: 'device', operation: 'getAll', sending: { baseDelayMs: 0 } }, credentials: gowa.credentials() });
		expect(result.error).toBeUndefined();
		expect(gowa.requests().filter((request) => request.path === '/devices')).toHaveLength(2);
	});

	test('a refused connection proves nothing was sent: retried, delivery known', async () => {
		const port = await closedPort();
		const result = await send({ maxAttempts: 2 }, true, `http://127.0.0.1:${port}/gowa`);
		expect(result.items[0].json).toMatchObject({ status: 'failed', errorClass: 'connectionRefused', attempts: 2 });
		expect(result.items[0].json.delivery).toBeUndefined();
	});

	describe('a raw socket server that writes the headers, part of the body, then destroys the socket', () => {
		let server: Server;
		let port: number;
		let requests = 0;
		beforeAll(async () => {
			server = createServer((socket: Socket) => {
				let received = '';
				socket.on('data', (chunk) => {
					received += chunk.toString('latin1');
					const end = received.indexOf('\r\n\r\n');
					if (end < 0) return;
					const length = Number(/content-length:\s*(\d+)/i.exec(received)?.[1] ?? 0);
					if (received.length < end + 4 + length) return;
					requests++;
					received = '';
					socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"code":"SUCCESS","message":"Su', () => socket.destroy());
				});
			});
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			port = (server.address() as { port: number }).port;
		});
		afterAll(async () => await new Promise<void>((resolve) => server.close(() => resolve())));

		test('the send is reported as delivery unknown and not repeated', async () => {
			requests = 0;
			const result = await send({ maxAttempts: 3 }, true, `http://127.0.0.1:${port}/gowa`);
			expect(result.items[0].json).toMatchObject({ status: 'failed', delivery: 'unknown', attempts: 1 });
			expect(requests).toBe(1);
		});
	});
});

describe('502/504 from a proxy in front of GOWA (item 6)', () => {
	test.each([502, 504])('HTTP %i HTML on a send: own class and wording, no HTML quoted, delivery unknown, not retried', async (status) => {
		gowa.sim.failNext({ path: '/send/message', status, html: true });
		const result = await send({ maxAttempts: 3 });
		expect(result.items[0].json).toMatchObject({
			status: 'failed',
			errorClass: 'proxyError',
			delivery: 'unknown',
			error: `The proxy in front of GOWA could not reach it (HTTP ${status})`,
		});
		expect(JSON.stringify(result.items[0].json)).not.toMatch(/<html|nginx/i);
		expect(gowa.requests().filter((request) => request.path === '/send/message')).toHaveLength(1);
	});

	test('a 502 on a read is retried', async () => {
		gowa.sim.failNext({ path: '/devices', status: 502, html: true });
		const result = await runNode({ parameters: { resource: 'device', operation: 'getAll', sending: { baseDelayMs: 0 } }, credentials: gowa.credentials() });
		expect(result.error).toBeUndefined();
		expect(gowa.requests().filter((request) => request.path === '/devices')).toHaveLength(2);
	});
});

describe('2xx answers quoted into outputs carry no secrets (item 16)', () => {
	test('a send answer echoing the password and the Basic token: the output quotes neither', async () => {
		const token = Buffer.from(`admin:${PASSWORD}`).toString('base64');
		const echo = JSON.stringify({ code: 'SUCCESS', message: `ok ${PASSWORD}`, results: { message_id: '3EB0ECHO', status: `sent with Basic ${token}` } });
		gowa.sim.failNext({ path: '/send/message', status: 200, html: echo });
		const result = await send();
		expect(result.items[0].json).toMatchObject({ status: 'sent', messageId: '3EB0ECHO', serverStatus: 'sent with Basic [redacted]' });
		expect(JSON.stringify(result.items)).not.toContain(PASSWORD);
		expect(JSON.stringify(result.items)).not.toContain(token.replace(/=+$/, ''));
	});

	test('an envelope message echoing the password is redacted', async () => {
		gowa.sim.failNext({ path: '/devices', status: 200, html: JSON.stringify({ code: 'SUCCESS', message: `hello admin:${PASSWORD}` }) });
		const request = { method: 'GET', path: '/devices' };
		const result = await runNode({ nodeType: TransportProbe, parameters: { request: JSON.stringify(request) }, credentials: gowa.credentials() });
		expect(result.items[0].json).toEqual({ success: true, code: 'SUCCESS', message: 'hello [redacted]' });
	});
});

test('secrets a request carries besides the credential’s (GowaRequest.secrets) are redacted from quoted answers', async () => {
	const generated = 'generated-Webhook-Secret-42';
	gowa.sim.failNext({ path: '/devices/salon-main/webhook', status: 500, message: `cannot save webhook_secret=${generated}` });
	const request = { method: 'PATCH', path: '/devices/salon-main/webhook', body: { webhook_url: 'https://n8n.example/hook', webhook_secret: generated }, secrets: [generated] };
	const result = await runNode({ nodeType: TransportProbe, parameters: { request: JSON.stringify(request) }, credentials: gowa.credentials() });
	expect(result.error?.description).toContain('cannot save webhook_secret=[redacted]');
	// (The probe's own parameters hold the secret; what the server said must not.)
	expect(JSON.stringify(gowaFailureOf(result.thrown))).not.toContain(generated);
	expect(JSON.stringify((result.thrown as { errorResponse?: unknown }).errorResponse)).not.toContain(generated);
});
