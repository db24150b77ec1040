/**
 * Error mapping: one case per failure class. The pure mapping (describeFailure / gowaApiError) first, then
 * the same failures produced for real — the GOWA answers by an HTTP server, refused connections, DNS failures
 * and timeouts by the network — through the real transport inside n8n's engine.
 */
import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { FailureClass, GowaFailure } from '../../../nodes/shared/errors';
import { credentialSecrets, describeFailure, gowaApiError, gowaFailureOf, quoteRedacted, redactSecretValues, redactSecrets } from '../../../nodes/shared/errors';
import type { Sink, SinkAnswer } from '../../harness';
import { closedPort, describeContract, runNode, startSink, useSimulator } from '../../harness';

const node: INode = {
	id: '1',
	name: 'WhatsApp MultiDevice',
	type: 'n8n-nodes-whatsapp-multidevice.whatsAppMultiDevice',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const host = 'wa.tenant-a.example';

interface Case {
	name: string;
	failure: GowaFailure;
	cls: FailureClass;
	message: RegExp | string;
	description: RegExp;
	transient: boolean;
	deliveryUnknown?: boolean;
}

const cases: Case[] = [
	{
		name: 'plain-text 401 (basic auth refused)',
		failure: { httpCode: 401, serverMessage: 'Unauthorized', host },
		cls: 'credentials',
		message: 'GOWA rejected the username or password (HTTP 401)',
		description: /Check Username and Password .*--basic-auth/,
		transient: false,
	},
	{
		name: 'JSON 401 AUTHENTICATION_ERROR (WhatsApp session not logged in)',
		failure: { httpCode: 401, code: 'AUTHENTICATION_ERROR', serverMessage: 'you are not logged in', host, deviceId: 'salon-main' },
		cls: 'notLoggedIn',
		message: 'WhatsApp device "salon-main" is not logged in or not connected',
		description: /Pair the device .*GOWA said: "you are not logged in"/,
		transient: false,
	},
	{
		name: '404 DEVICE_NOT_FOUND',
		failure: { httpCode: 404, code: 'DEVICE_NOT_FOUND', serverMessage: 'device not found; create a device first', host, deviceId: 'ghost' },
		cls: 'unknownDevice',
		message: 'GOWA has no device "ghost"',
		description: /Device field .*Default Device ID .*Device → Get Many/,
		transient: false,
	},
	{
		name: '400 DEVICE_ID_REQUIRED',
		failure: { httpCode: 400, code: 'DEVICE_ID_REQUIRED', serverMessage: 'device_id is required via X-Device-Id header or device_id query', host },
		cls: 'deviceRequired',
		message: 'GOWA needs to know which device to use',
		description: /Set Default Device ID in the credential or the Device field of the node/,
		transient: false,
	},
	{
		name: '400 VALIDATION_ERROR shows GOWA’s message',
		failure: { httpCode: 400, code: 'VALIDATION_ERROR', serverMessage: 'caption: cannot be blank.', host },
		cls: 'validation',
		message: 'GOWA rejected the request: caption: cannot be blank.',
		description: /Fix the field the message names .*HTTP 400 VALIDATION_ERROR/,
		transient: false,
	},
	{
		name: '400 INVALID_JID (recipient not on WhatsApp)',
		failure: { httpCode: 400, code: 'INVALID_JID', serverMessage: 'Phone 6281234567890@s.whatsapp.net is not on whatsapp', host },
		cls: 'notOnWhatsApp',
		message: 'The recipient is not on WhatsApp',
		description: /country code included.*GOWA said: "Phone 6281234567890@s.whatsapp.net is not on whatsapp"/,
		transient: false,
	},
	{
		name: '429 WA_REACHOUT_TIMELOCK explains error 463',
		failure: { httpCode: 429, code: 'WA_REACHOUT_TIMELOCK', serverMessage: 'reach-out timelock (463)', host },
		cls: 'reachOutTimelock',
		message: /error 463, reach-out timelock/,
		description: /limits how many people a number may contact first.*rate limit/,
		transient: true,
	},
	{
		name: '500 INTERNAL_SERVER_ERROR',
		failure: { httpCode: 500, code: 'INTERNAL_SERVER_ERROR', serverMessage: 'failed to upload media', host },
		cls: 'serverError',
		message: 'GOWA failed to carry out the request (HTTP 500 INTERNAL_SERVER_ERROR)',
		description: /GOWA server or WhatsApp’s side.*GOWA said: "failed to upload media"/,
		transient: true,
	},
	{
		name: '503 DEVICE_MANAGER_UNAVAILABLE',
		failure: { httpCode: 503, code: 'DEVICE_MANAGER_UNAVAILABLE', serverMessage: 'device manager unavailable', host },
		cls: 'serverError',
		message: 'GOWA failed to carry out the request (HTTP 503 DEVICE_MANAGER_UNAVAILABLE)',
		description: /retry later or check the server logs/,
		transient: true,
	},
	{
		name: '500 INVALID_WA_CLI (device never paired)',
		failure: { httpCode: 500, code: 'INVALID_WA_CLI', serverMessage: 'your WhatsApp CLI is invalid or empty', host, deviceId: 'new-slot' },
		cls: 'neverPaired',
		message: 'WhatsApp device "new-slot" has never been paired',
		description: /Start a login for this device/,
		transient: false,
	},
	{
		name: '504 GATEWAY_TIMEOUT',
		failure: { httpCode: 504, code: 'GATEWAY_TIMEOUT', serverMessage: 'context deadline exceeded', host },
		cls: 'gatewayTimeout',
		message: 'GOWA gave up waiting for WhatsApp (HTTP 504, 45 s deadline)',
		description: /may or may not have been sent\. Check the chat before sending again/,
		transient: true,
		deliveryUnknown: true,
	},
	{
		name: 'plain-text 404 (wrong base path)',
		failure: { httpCode: 404, serverMessage: 'Cannot POST /send/message', host },
		cls: 'notFound',
		message: `No GOWA API answered at this path on ${host} (HTTP 404)`,
		description: /base path \(APP_BASE_PATH\)/,
		transient: false,
	},
	{
		name: 'plain-text 413 (body too large)',
		failure: { httpCode: 413, serverMessage: 'Request Entity Too Large', host },
		cls: 'tooLarge',
		message: 'The upload is larger than GOWA accepts (HTTP 413)',
		description: /100 MB/,
		transient: false,
	},
	{
		name: 'connection refused',
		failure: { networkCode: 'ECONNREFUSED', host },
		cls: 'connectionRefused',
		message: `Could not connect to ${host}: the connection was refused`,
		description: /Nothing is listening at the Base URL/,
		transient: true,
	},
	{
		name: 'DNS failure',
		failure: { networkCode: 'ENOTFOUND', host },
		cls: 'dns',
		message: `The host name of ${host} could not be resolved`,
		description: /Check the spelling of the Base URL/,
		transient: false,
	},
	{
		name: 'timeout',
		failure: { networkCode: 'ETIMEDOUT', host, timeoutMs: 60_000 },
		cls: 'timeout',
		message: `${host} did not answer within 60 s`,
		description: /may still have been carried out .*Check the chat before sending again/,
		transient: true,
		deliveryUnknown: true,
	},
	{
		name: 'redirect (never followed)',
		failure: { httpCode: 302, host, location: 'https://login.example/sso' },
		cls: 'redirect',
		message: `${host} answered with a redirect (HTTP 302) to https://login.example/sso, which is not followed`,
		description: /never followed .*Set Base URL/,
		transient: false,
	},
	{
		name: '502 from a proxy (no GOWA envelope)',
		failure: { httpCode: 502, serverMessage: undefined, host },
		cls: 'proxyError',
		message: 'The proxy in front of GOWA could not reach it (HTTP 502)',
		description: /may or may not have reached GOWA/,
		transient: true,
		deliveryUnknown: true,
	},
	{
		name: '2xx that is not JSON',
		failure: { httpCode: 200, notGowa: 'notJson', contentType: 'text/html', serverMessage: '<html>Login', host },
		cls: 'notGowaAnswer',
		message: `${host} answered HTTP 200 with text/html, which is not a GOWA answer: "<html>Login"`,
		description: /Nothing is counted as sent/,
		transient: false,
	},
	{
		name: 'send answered without message id',
		failure: { httpCode: 200, notGowa: 'noMessageId', host },
		cls: 'noMessageId',
		message: 'GOWA answered the send without a message ID (HTTP 200), so it is not counted as sent',
		description: /Check the chat before sending again/,
		transient: false,
		deliveryUnknown: true,
	},
	{
		name: 'TLS failure before anything was sent',
		failure: { networkCode: 'CERT_HAS_EXPIRED', host },
		cls: 'tls',
		message: `The TLS connection to ${host} failed (CERT_HAS_EXPIRED)`,
		description: /Nothing was sent/,
		transient: false,
	},
	{
		name: 'response cut while arriving (ERR_BAD_RESPONSE)',
		failure: { networkCode: 'ERR_BAD_RESPONSE', host },
		cls: 'responseCut',
		message: `The connection to ${host} broke while GOWA’s answer was arriving`,
		description: /a message may have been sent/,
		transient: true,
		deliveryUnknown: true,
	},
	{
		name: 'connection reset',
		failure: { networkCode: 'ECONNRESET', host },
		cls: 'connectionReset',
		message: `The connection to ${host} was closed before GOWA answered`,
		description: /may or may not have been carried out/,
		transient: true,
		deliveryUnknown: true,
	},
];

describe('describeFailure: one case per error class', () => {
	test.each(cases)('$name', ({ failure, cls, message, description, transient, deliveryUnknown }) => {
		const described = describeFailure(failure);
		expect(described.class).toBe(cls);
		if (typeof message === 'string') expect(described.message).toBe(message);
		else expect(described.message).toMatch(message);
		expect(described.description).toMatch(description);
		expect(described.transient).toBe(transient);
		expect(described.deliveryUnknown).toBe(deliveryUnknown ?? false);
	});

	test('without a host or device the messages stay readable', () => {
		expect(describeFailure({ networkCode: 'ECONNREFUSED' }).message).toBe('Could not connect to the GOWA server: the connection was refused');
		expect(describeFailure({ httpCode: 404, code: 'DEVICE_NOT_FOUND' }).message).toBe('GOWA has no such device');
		expect(describeFailure({ httpCode: 401, code: 'AUTHENTICATION_ERROR' }).message).toBe('The WhatsApp device is not logged in or not connected');
		expect(describeFailure({ httpCode: 500, code: 'INVALID_WA_CLI' }).message).toBe('The WhatsApp device has never been paired');
	});

	test('no sentence names "the selected device" as if it were an ID (issue 16, item 20)', () => {
		for (const failure of [
			{ httpCode: 404, code: 'DEVICE_NOT_FOUND' },
			{ httpCode: 401, code: 'AUTHENTICATION_ERROR' },
			{ httpCode: 500, code: 'INVALID_WA_CLI' },
		]) {
			const { message, description } = describeFailure(failure);
			expect(`${message} ${description}`).not.toMatch(/device the |device "undefined"|device ""/);
		}
	});

	test('an unknown 4xx is "rejected" and quotes the server', () => {
		const described = describeFailure({ httpCode: 409, code: 'CONFLICT', serverMessage: 'already exists' });
		expect(described).toMatchObject({ class: 'rejected', message: 'GOWA rejected the request (HTTP 409 CONFLICT): already exists', transient: false });
	});

	test('an unknown network code names the code', () => {
		expect(describeFailure({ networkCode: 'EHOSTUNREACH', host }).message).toBe(`Could not reach ${host} (EHOSTUNREACH)`);
	});
});

describe('gowaApiError', () => {
	test('builds a NodeApiError with our message, description, httpCode and item index', () => {
		const error = gowaApiError(node, { httpCode: 401, serverMessage: 'Unauthorized', host }, 3);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('GOWA rejected the username or password (HTTP 401)');
		expect(error.description).toMatch(/Check Username and Password/);
		expect(error.httpCode).toBe('401');
		expect(error.context.itemIndex).toBe(3);
		expect(gowaFailureOf(error)?.class).toBe('credentials');
	});

	test('n8n’s stock messages for well-known codes do not replace ours', () => {
		for (const httpCode of [401, 404, 429, 500, 502, 503, 504]) {
			const error = gowaApiError(node, { httpCode, host });
			expect(error.message).toBe(describeFailure({ httpCode, host }).message);
		}
	});

	test('the cause holds only the sanitised failure', () => {
		const error = gowaApiError(node, { httpCode: 400, code: 'VALIDATION_ERROR', serverMessage: 'phone: cannot be blank.', host, deviceId: 'd1' });
		expect(error.cause).toBeUndefined();
		expect(error.errorResponse).toEqual({ failure: 'validation', httpCode: 400, code: 'VALIDATION_ERROR', message: 'phone: cannot be blank.', networkCode: null });
	});

	test('gowaFailureOf is undefined for other errors', () => {
		expect(gowaFailureOf(new Error('x'))).toBeUndefined();
		expect(gowaFailureOf(undefined)).toBeUndefined();
	});
});

describe('redactSecrets', () => {
	const credentials = { username: 'admin', password: 'S3cret!pass', webhookSecret: 'hook-secret-1' };

	test('removes the password and webhook secret, raw, URL-encoded and base64, and the Basic token', () => {
		const basic = Buffer.from('admin:S3cret!pass').toString('base64');
		const text = `auth=Basic ${basic} pw=S3cret!pass q=${encodeURIComponent('S3cret!pass')} b=${Buffer.from('S3cret!pass').toString('base64')} hook=hook-secret-1`;
		const redacted = redactSecrets(text, credentials) ?? '';
		for (const secret of ['S3cret!pass', basic.replace(/=+$/, ''), encodeURIComponent('S3cret!pass'), 'hook-secret-1']) {
			expect(redacted).not.toContain(secret);
		}
		expect(redacted).toContain('[redacted]');
		expect(redacted).toMatch(/^auth=Basic \[redacted\]/);
	});

	test('leaves other text alone', () => {
		expect(redactSecrets('phone: cannot be blank.', credentials)).toBe('phone: cannot be blank.');
		expect(redactSecrets(undefined, credentials)).toBeUndefined();
		expect(redactSecrets('x', {})).toBe('x');
	});

	test('a password under 4 characters is redacted where it stands alone, and its Basic token always', () => {
		const token = Buffer.from('admin:pw').toString('base64');
		const redacted = redactSecrets(`Authorization: Basic ${token} password=pw user=admin:pw upwards`, { username: 'admin', password: 'pw' }) ?? '';
		expect(redacted).toBe('Authorization: Basic [redacted] password=[redacted] user=[redacted] upwards');
		// Even a one-character password: the token carries the pair.
		const one = Buffer.from('a:x').toString('base64');
		expect(redactSecrets(`Basic ${one}`, { username: 'a', password: 'x' })).toBe('Basic [redacted]');
	});

	test('redactSecretValues takes any secrets (the trigger feeds its generated and previous secrets)', () => {
		const generated = 'f3a9c0ffee112233';
		const text = `secret=${generated} b64=${Buffer.from(generated).toString('base64')} prev=old-secret-9`;
		expect(redactSecretValues(text, [generated, 'old-secret-9', undefined])).toBe('secret=[redacted] b64=[redacted] prev=[redacted]');
	});

	test('secrets are removed before the text is cut: no part of a secret survives at the cut', () => {
		const password = 'Very-Long-Password-0123456789';
		for (let at = 270; at <= 300; at++) {
			const text = `${'x'.repeat(at)}${password}${'y'.repeat(50)}`;
			const quoted = quoteRedacted(text, credentialSecrets({ username: 'admin', password }), 300);
			expect(quoted.length).toBeLessThanOrEqual(300);
			for (let length = 4; length <= password.length; length++) expect(quoted).not.toContain(password.slice(0, length));
		}
	});
});

/** Items: #0 fine, #1 fails — so the error must name item 1. */
const items = [{ json: { phone: '6281234567890' } }, { json: { phone: '6289876543210' } }];
const sendText = { resource: 'send', operation: 'text', recipient: '={{ $json.phone }}', message: 'Hi', options: {}, sending: { maxAttempts: 1, parallelRequests: 1 } };
const OK: SinkAnswer = { status: 200, body: { code: 'SUCCESS', message: 'Message sent', results: { message_id: '3EB0OK', status: 'sent' } } };

describe('through the real transport and n8n engine', () => {
	let sink: Sink;
	beforeAll(async () => {
		sink = await startSink();
	});
	afterAll(async () => await sink.close());

	/** The second request gets `answer`; returns the error of the run. */
	async function failSecond(answer: SinkAnswer, deviceId = 'salon-main') {
		let count = 0;
		sink.answer(() => (++count === 2 ? answer : OK));
		const result = await runNode({
			parameters: sendText,
			credentials: { baseUrl: `${sink.url}/gowa`, username: 'admin', password: 'pw', deviceId },
			items,
		});
		expect(result.items).toEqual([]);
		expect(result.error).toBeDefined();
		expect(result.thrown).toBeInstanceOf(NodeApiError);
		expect(result.error?.context?.itemIndex).toBe(1);
		return result.error!;
	}

	test.each([
		['plain-text 401', { status: 401, headers: { 'www-authenticate': 'Basic realm="Restricted"' }, body: 'Unauthorized' }, 'credentials', 'GOWA rejected the username or password (HTTP 401)'],
		['JSON 401 AUTHENTICATION_ERROR', { status: 401, body: { code: 'AUTHENTICATION_ERROR', message: 'you are not logged in' } }, 'notLoggedIn', 'WhatsApp device "salon-main" is not logged in or not connected'],
		['404 DEVICE_NOT_FOUND', { status: 404, body: { code: 'DEVICE_NOT_FOUND', message: 'device not found; create a device first from /api/devices or provide a valid X-Device-Id', results: { device_id: 'salon-main' } } }, 'unknownDevice', 'GOWA has no device "salon-main"'],
		['400 DEVICE_ID_REQUIRED', { status: 400, body: { code: 'DEVICE_ID_REQUIRED', message: 'device_id is required via X-Device-Id header or device_id query' } }, 'deviceRequired', 'GOWA needs to know which device to use'],
		['400 VALIDATION_ERROR', { status: 400, body: { code: 'VALIDATION_ERROR', message: 'phone: cannot be blank.' } }, 'validation', 'GOWA rejected the request: phone: cannot be blank.'],
		['400 INVALID_JID', { status: 400, body: { code: 'INVALID_JID', message: 'Phone 6289876543210@s.whatsapp.net is not on whatsapp' } }, 'notOnWhatsApp', 'The recipient is not on WhatsApp'],
		['429 WA_REACHOUT_TIMELOCK', { status: 429, body: { code: 'WA_REACHOUT_TIMELOCK', message: 'reach-out timelock' } }, 'reachOutTimelock', 'WhatsApp is temporarily blocking this number from messaging new contacts (error 463, reach-out timelock)'],
		['500 INTERNAL_SERVER_ERROR', { status: 500, body: { code: 'INTERNAL_SERVER_ERROR', message: 'boom' } }, 'serverError', 'GOWA failed to carry out the request (HTTP 500 INTERNAL_SERVER_ERROR)'],
		['502 HTML page from a proxy', { status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad Gateway</html>' }, 'proxyError', 'The proxy in front of GOWA could not reach it (HTTP 502)'],
		['504 HTML page from a proxy', { status: 504, headers: { 'content-type': 'text/html' }, body: '<html>Gateway Time-out</html>' }, 'proxyError', 'The proxy in front of GOWA could not reach it (HTTP 504)'],
		['504 GATEWAY_TIMEOUT', { status: 504, body: { code: 'GATEWAY_TIMEOUT', message: 'context deadline exceeded' } }, 'gatewayTimeout', 'GOWA gave up waiting for WhatsApp (HTTP 504, 45 s deadline)'],
	] as Array<[string, SinkAnswer, FailureClass, string]>)('%s', async (_name, answer, cls, message) => {
		const error = await failSecond(answer);
		expect(error.message).toBe(message);
		expect(error.description).toBe(describeFailure({ ...(gowaFailureOf(error)?.failure ?? {}) }).description);
		expect(gowaFailureOf(error)?.class).toBe(cls);
		expect(error.httpCode).toBe(String(answer.status));
	});

	test('VALIDATION_ERROR: GOWA’s own message reaches the user', async () => {
		const error = await failSecond({ status: 400, body: { code: 'VALIDATION_ERROR', message: 'duration: must be a valid value.' } });
		expect(error.message).toContain('duration: must be a valid value.');
	});

	test('connection refused (closed port)', async () => {
		const port = await closedPort();
		const result = await runNode({ parameters: sendText, credentials: { baseUrl: `http://127.0.0.1:${port}/gowa` }, items: items.slice(0, 1) });
		expect(result.error?.message).toBe(`Could not connect to 127.0.0.1:${port}: the connection was refused`);
		expect(result.error?.description).toMatch(/Nothing is listening at the Base URL/);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(gowaFailureOf(result.thrown)?.class).toBe('connectionRefused');
	});

	test('DNS failure (unresolvable *.invalid host)', async () => {
		const result = await runNode({ parameters: sendText, credentials: { baseUrl: 'http://gowa.tenant.invalid/gowa' }, items: items.slice(0, 1) });
		expect(result.error?.message).toBe('The host name of gowa.tenant.invalid could not be resolved');
		expect(result.error?.description).toMatch(/Check the spelling of the Base URL/);
		expect(gowaFailureOf(result.thrown)?.class).toBe('dns');
	});

	test('timeout (server never answers, short timeout)', async () => {
		sink.answer({ hang: true });
		const before = sink.requests.length;
		const result = await runNode({
			parameters: { ...sendText, sending: { maxAttempts: 3, timeoutMs: 1000 } },
			credentials: { baseUrl: sink.url },
			items: items.slice(0, 1),
		});
		expect(result.error?.message).toBe(`127.0.0.1:${sink.port} did not answer within 1 s`);
		expect(result.error?.description).toMatch(/may still have been carried out/);
		expect(gowaFailureOf(result.thrown)).toMatchObject({ class: 'timeout', deliveryUnknown: true });
		// A send with unknown outcome is not repeated by default (it may have been delivered).
		expect(sink.requests.length - before).toBe(1);
		sink.answer(OK);
	});
});

/**
 * The same classes produced by the GOWA simulator's own behaviour (its device model, basic auth, account validation
 * and failure switches), so the mapping is checked against answers shaped like the real server's.
 */
describeContract('against the GOWA simulator', () => {
	const gowa = useSimulator({
		auth: { username: 'admin', password: 'pw' },
		basePath: '/gowa',
		devices: [
			{ id: 'salon-main', jid: '6281200000001@s.whatsapp.net', state: 'logged_in' },
			{ id: 'branch-2', jid: '6281200000002@s.whatsapp.net', state: 'logged_in' },
			{ id: 'unpaired', state: 'connected' },
			{ id: 'fresh-slot', state: 'new' },
		],
		deviceId: 'salon-main',
	});
	afterEach(() => {
		gowa.sim.clearFailures();
		gowa.sim.hang(false);
		gowa.sim.setUnregisteredNumbers([]);
	});

	async function send(credentials: Record<string, string> = {}, phone = '6281122223333', sending: object = { maxAttempts: 1 }) {
		const result = await runNode({ parameters: { ...sendText, sending }, credentials: gowa.credentials(credentials), items: [{ json: { phone } }] });
		expect(result.error?.context?.itemIndex).toBe(0);
		return { error: result.error!, cls: gowaFailureOf(result.thrown)?.class };
	}

	test('wrong password → plain-text 401 → credentials', async () => {
		const { error, cls } = await send({ password: 'wrong' });
		expect(cls).toBe('credentials');
		expect(error.message).toBe('GOWA rejected the username or password (HTTP 401)');
	});

	test('wrong base path → plain-text 404 → notFound', async () => {
		const { error, cls } = await send({ baseUrl: gowa.url.replace(/\/gowa$/, '/wa') });
		expect(cls).toBe('notFound');
		expect(error.description).toMatch(/APP_BASE_PATH/);
	});

	test('unknown device → 404 DEVICE_NOT_FOUND → unknownDevice', async () => {
		const { error, cls } = await send({ deviceId: 'ghost' });
		expect(cls).toBe('unknownDevice');
		expect(error.message).toBe('GOWA has no device "ghost"');
	});

	test('no device named while the server has several → 400 DEVICE_ID_REQUIRED → deviceRequired', async () => {
		const { cls } = await send({ deviceId: '' });
		expect(cls).toBe('deviceRequired');
	});

	test('device not logged in → JSON 401 AUTHENTICATION_ERROR → notLoggedIn (not the credentials message)', async () => {
		const { error, cls } = await send({ deviceId: 'unpaired' });
		expect(cls).toBe('notLoggedIn');
		expect(error.message).toBe('WhatsApp device "unpaired" is not logged in or not connected');
	});

	test('device slot never paired → 500 INVALID_WA_CLI → neverPaired', async () => {
		const { cls } = await send({ deviceId: 'fresh-slot' });
		expect(cls).toBe('neverPaired');
	});

	test('recipient not on WhatsApp → 400 INVALID_JID → notOnWhatsApp', async () => {
		gowa.sim.setUnregisteredNumbers(['6281122223333']);
		const { error, cls } = await send();
		expect(cls).toBe('notOnWhatsApp');
		expect(error.description).toMatch(/GOWA said: ".*not on whatsapp"/i);
	});

	test('429 WA_REACHOUT_TIMELOCK → reachOutTimelock, explains error 463', async () => {
		gowa.sim.failNext({ status: 429, code: 'WA_REACHOUT_TIMELOCK', path: '/send/message' });
		const { error, cls } = await send();
		expect(cls).toBe('reachOutTimelock');
		expect(error.message).toMatch(/error 463/);
	});

	test('5xx and 504', async () => {
		gowa.sim.failNext({ status: 500, path: '/send/message' });
		expect((await send()).cls).toBe('serverError');
		gowa.sim.failNext({ status: 504, code: 'GATEWAY_TIMEOUT', path: '/send/message' });
		expect((await send()).cls).toBe('gatewayTimeout');
	});

	test('a hanging server and a short timeout → timeout, delivery unknown, not repeated', async () => {
		gowa.sim.hang(true);
		const { error, cls } = await send({}, '6281122223333', { maxAttempts: 3, timeoutMs: 1000 });
		expect(cls).toBe('timeout');
		expect(error.message).toMatch(/did not answer within 1 s$/);
		expect(gowa.requests()).toHaveLength(1);
	});
});
