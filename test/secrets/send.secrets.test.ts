/**
 * The credential's password and webhook secret never leave the credential: not in output items, not in error
 * messages or descriptions, not in serialised errors (JSON.stringify, cause, toJSON), not in the run data n8n
 * stores — across a success, every error class and continue-on-fail. Also not when a server or proxy echoes the
 * request (Authorization header included) back in its error body.
 */
import { inspect } from 'node:util';

import type { IDataObject } from 'n8n-workflow';

import type { RunResult, Sink, SinkAnswer } from '../harness';
import { closedPort, runNode, startSink } from '../harness';

const USERNAME = 'tenant-admin';
const PASSWORD = 'Pw7f3Kq9xSECRETzx81';
const WEBHOOK_SECRET = 'WhSec5b2Lp0SECRETqq77';
const AUTH_HEADER = Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64');

/** Every form in which the secrets could leak. */
const FORBIDDEN = [PASSWORD, WEBHOOK_SECRET, AUTH_HEADER, Buffer.from(PASSWORD).toString('base64'), encodeURIComponent(PASSWORD)];

function leaks(text: string): string[] {
	return FORBIDDEN.filter((secret) => text.includes(secret));
}

/** Everything a user, a log or the database could see of a run. */
function exposedTexts(result: RunResult): Record<string, string> {
	const texts: Record<string, string> = {
		items: JSON.stringify(result.items.map((item) => item.json)),
		run: JSON.stringify(result.run),
	};
	if (result.error) {
		texts.error = JSON.stringify(result.error);
		texts.errorMessage = String(result.error.message);
		texts.errorDescription = String(result.error.description ?? '');
	}
	const thrown = result.thrown as (Error & { toJSON?: () => unknown; description?: string; cause?: unknown }) | undefined;
	if (thrown) {
		texts.thrown = JSON.stringify(thrown);
		texts.thrownInspect = inspect(thrown, { depth: 8, showHidden: true });
		texts.thrownMessage = thrown.message;
		texts.thrownDescription = String(thrown.description ?? '');
		texts.thrownStack = String(thrown.stack ?? '');
		texts.thrownCause = inspect(thrown.cause, { depth: 8 });
		texts.thrownToJSON = JSON.stringify(thrown.toJSON?.() ?? null);
	}
	return texts;
}

function expectNoLeak(result: RunResult) {
	const found = Object.entries(exposedTexts(result)).flatMap(([where, text]) => leaks(text).map((secret) => `${where} contains ${secret}`));
	expect(found).toEqual([]);
}

const parameters = { resource: 'send', operation: 'text', recipient: '={{ $json.phone }}', message: 'Reminder for {{ $json.phone }}', options: {}, sending: { maxAttempts: 1, timeoutMs: 1000 } };
const items = [{ json: { phone: '6281234567890' } }, { json: { phone: '6289876543210' } }];

/** An answer that echoes what was received, the way a debugging proxy or error page might. */
function echo(status: number, code?: string): (request: { headers: IDataObject; url: string }) => SinkAnswer {
	return (request) => {
		const dump = `${request.url} authorization=${String(request.headers.authorization)} password=${PASSWORD}`;
		return code ? { status, body: { code, message: dump } } : { status, body: dump, headers: { 'content-type': 'text/plain' } };
	};
}

const errorAnswers: Array<[string, SinkAnswer | ReturnType<typeof echo>]> = [
	['plain-text 401', { status: 401, body: 'Unauthorized' }],
	['JSON 401 AUTHENTICATION_ERROR', { status: 401, body: { code: 'AUTHENTICATION_ERROR', message: 'you are not logged in' } }],
	['404 DEVICE_NOT_FOUND', { status: 404, body: { code: 'DEVICE_NOT_FOUND', message: 'device not found', results: { device_id: 'x' } } }],
	['400 DEVICE_ID_REQUIRED', { status: 400, body: { code: 'DEVICE_ID_REQUIRED', message: 'device_id is required' } }],
	['400 VALIDATION_ERROR', { status: 400, body: { code: 'VALIDATION_ERROR', message: 'message: cannot be blank.' } }],
	['400 INVALID_JID', { status: 400, body: { code: 'INVALID_JID', message: 'Phone is not on whatsapp' } }],
	['429 WA_REACHOUT_TIMELOCK', { status: 429, headers: { 'retry-after': '1' }, body: { code: 'WA_REACHOUT_TIMELOCK', message: 'timelock' } }],
	['500 INTERNAL_SERVER_ERROR', { status: 500, body: { code: 'INTERNAL_SERVER_ERROR', message: 'boom' } }],
	['504 GATEWAY_TIMEOUT', { status: 504, body: { code: 'GATEWAY_TIMEOUT', message: 'deadline' } }],
	['413 plain text', { status: 413, body: 'Request Entity Too Large' }],
	['404 plain text (wrong base path)', { status: 404, body: 'Cannot POST /x' }],
	['400 VALIDATION_ERROR echoing the request', echo(400, 'VALIDATION_ERROR')],
	['500 echoing the request', echo(500, 'INTERNAL_SERVER_ERROR')],
	['502 proxy page echoing the request', echo(502)],
	['401 plain text echoing the request', echo(401)],
];

describe('secrets never leak', () => {
	let sink: Sink;
	beforeAll(async () => {
		sink = await startSink();
	});
	afterAll(async () => await sink.close());

	const credentials = (overrides: IDataObject = {}) => ({
		baseUrl: `${sink.url}/gowa`,
		username: USERNAME,
		password: PASSWORD,
		deviceId: 'salon-main',
		defaultCountryCode: '62',
		webhookSecret: WEBHOOK_SECRET,
		...overrides,
	});

	test('the secrets do reach the server (the test can see them when they are there)', async () => {
		sink.answer({ status: 200, body: { code: 'SUCCESS', message: 'sent', results: { message_id: 'A', status: 'sent' } } });
		sink.requests.splice(0);
		const result = await runNode({ parameters, credentials: credentials(), items });
		expect(result.error).toBeUndefined();
		expect(sink.requests[0].headers.authorization).toBe(`Basic ${AUTH_HEADER}`);
		expect(leaks(JSON.stringify(result.credentialsHandedOut))).toContain(PASSWORD);
		expectNoLeak(result);
	});

	test('success output', async () => {
		sink.answer({ status: 200, body: { code: 'SUCCESS', message: 'sent', results: { message_id: 'A', status: 'sent' } } });
		const result = await runNode({ parameters, credentials: credentials(), items });
		expect(result.items).toHaveLength(2);
		expectNoLeak(result);
	});

	describe.each(errorAnswers)('%s', (_name, answer) => {
		test('failing run', async () => {
			sink.answer(answer as never);
			const result = await runNode({ parameters, credentials: credentials(), items });
			expect(result.error).toBeDefined();
			expectNoLeak(result);
		});

		test('continue on fail', async () => {
			sink.answer(answer as never);
			const result = await runNode({ parameters, credentials: credentials(), items, continueOnFail: true });
			expect(result.items.map((item) => item.json.status)).toEqual(['failed', 'failed']);
			expectNoLeak(result);
		});
	});

	test.each([
		['connection refused', async () => `http://127.0.0.1:${await closedPort()}/gowa`],
		['DNS failure', async () => 'http://gowa.secrets-test.invalid/gowa'],
		['timeout', async () => (sink.answer({ hang: true }), `${sink.url}/gowa`)],
	])('%s', async (_name, baseUrl) => {
		const url = await baseUrl();
		for (const continueOnFail of [false, true]) {
			const result = await runNode({ parameters, credentials: credentials({ baseUrl: url }), items: items.slice(0, 1), continueOnFail });
			expect(result.error !== undefined || result.items[0]?.json.status === 'failed').toBe(true);
			expectNoLeak(result);
		}
	});

	test('bad input before any request (invalid phone), with and without continue on fail', async () => {
		for (const continueOnFail of [false, true]) {
			const result = await runNode({ parameters, credentials: credentials(), items: [{ json: { phone: PASSWORD.slice(0, 3) } }], continueOnFail });
			expectNoLeak(result);
		}
	});

	test('a Base URL with user:password@ is refused without repeating it', async () => {
		const result = await runNode({ parameters, credentials: credentials({ baseUrl: `http://${USERNAME}:${PASSWORD}@127.0.0.1:1/gowa` }), items });
		expect(result.error?.message).toMatch(/must not contain a user name or password/);
		expectNoLeak(result);
	});
});
