/**
 * Basic auth never reaches another origin (issue 16, item 1). A real GOWA-like server on one 127.0.0.1 port answers
 * 302/307 to a second listener on another port (another origin), which records whether Authorization arrived.
 * Every way the package talks to GOWA is tried: a send, the device list (load options), a media download, the
 * credential test and trigger registration — all through n8n's real request helper.
 */
import { gowaFailureOf } from '../../../nodes/shared/errors';
import { WhatsAppMultiDeviceTrigger } from '../../../nodes/WhatsAppMultiDeviceTrigger/WhatsAppMultiDeviceTrigger.node';
import type { Sink, SinkAnswer, SinkRequest } from '../../harness';
import { basicAuth, runListSearch, runNode, runWebhookMethod, startSink, testCredential } from '../../harness';

const AUTH = { username: 'admin', password: 'redirect-Pw-1' };
const ENVELOPE: SinkAnswer = { status: 200, body: { code: 'SUCCESS', message: 'Success', results: { message_id: '3EB0AAAA', status: 'sent' } } };

let gowa: Sink;
let elsewhere: Sink;

beforeAll(async () => {
	gowa = await startSink();
	elsewhere = await startSink(ENVELOPE);
});
afterAll(async () => {
	await gowa.close();
	await elsewhere.close();
});
beforeEach(() => {
	gowa.requests.splice(0);
	elsewhere.requests.splice(0);
});

/** The GOWA server redirects requests whose path matches to the same path on `target` (another origin by default). */
function redirect(status: number, matches: (request: SinkRequest) => boolean, target = () => elsewhere.url): void {
	gowa.answer((request) =>
		matches(request) ? { status, headers: { location: `${target()}${request.url}` }, body: '' } : ENVELOPE,
	);
}

function credentials() {
	return { baseUrl: `${gowa.url}/gowa`, ...AUTH, deviceId: 'salon-main' };
}

function expectNothingElsewhere(): void {
	// The redirect is not followed at all, so the other origin sees nothing — no Authorization, no body.
	expect(elsewhere.requests.map((request) => request.headers.authorization ?? 'no Authorization')).toEqual([]);
	expect(elsewhere.requests).toEqual([]);
}

describe.each([302, 307])('HTTP %i to another origin', (status) => {
	test('send: the item fails with class "redirect", the credential stays home', async () => {
		redirect(status, (request) => request.url.endsWith('/send/message'));
		const result = await runNode({
			parameters: { resource: 'send', operation: 'text', recipient: '6281234567890', message: 'Hi', options: {}, sending: { maxAttempts: 3 } },
			credentials: credentials(),
		});
		expectNothingElsewhere();
		expect(gowa.requests).toHaveLength(1);
		expect(gowa.requests[0].headers.authorization).toBe(basicAuth(AUTH.username, AUTH.password));
		expect(gowaFailureOf(result.thrown)?.class).toBe('redirect');
		expect(result.error?.message).toBe(`127.0.0.1:${gowa.port} answered with a redirect (HTTP ${status}) to ${elsewhere.url}/gowa/send/message, which is not followed`);
	});

	test('device list (load options)', async () => {
		redirect(status, (request) => request.url.startsWith('/gowa/devices'));
		const { thrown } = await runListSearch('searchDevices', { credentials: credentials() });
		expectNothingElsewhere();
		expect(gowaFailureOf(thrown)?.class).toBe('redirect');
	});

	test('media download (Message → Download Media): the statics file redirect is not followed', async () => {
		gowa.answer((request) => {
			if (request.url.includes('/download')) {
				return { status: 200, body: { code: 'SUCCESS', message: 'ok', results: { file_url: `${gowa.url}/gowa/statics/media/a.jpg`, media_type: 'image' } } };
			}
			if (request.url.startsWith('/gowa/statics/')) return { status, headers: { location: `${elsewhere.url}${request.url}` }, body: '' };
			return ENVELOPE;
		});
		const result = await runNode({
			parameters: { resource: 'message', operation: 'downloadMedia', chat: '6281234567890', messageId: '3EB0B430B6F8F1D0E053AC120E0A9E5C', binaryPropertyName: 'data' },
			credentials: credentials(),
		});
		expectNothingElsewhere();
		expect(gowa.requests.map((request) => request.url)).toEqual([
			expect.stringMatching(/^\/gowa\/message\/3EB0B430B6F8F1D0E053AC120E0A9E5C\/download/),
			'/gowa/statics/media/a.jpg',
		]);
		expect(gowaFailureOf(result.thrown)?.class).toBe('redirect');
	});

	test('credential test: refused with a message, nothing sent elsewhere', async () => {
		redirect(status, () => true);
		const result = await testCredential(credentials());
		expectNothingElsewhere();
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/redirect, which is not followed/);
	});

	test('trigger registration (activation)', async () => {
		redirect(status, (request) => request.url.includes('/webhook'));
		const { thrown } = await runWebhookMethod('create', {
			nodeType: WhatsAppMultiDeviceTrigger,
			parameters: { events: ['message'], deviceId: 'salon-main', registerWebhook: true, secretSource: 'generated', options: {} },
			credentials: credentials(),
			staticData: {},
		});
		expectNothingElsewhere();
		expect(thrown).toBeDefined();
		expect(String(thrown?.message)).toMatch(/redirect/);
	});
});

test('a same-origin redirect is not followed either (a send is never replayed or turned into a GET by a hop)', async () => {
	redirect(307, (request) => request.url === '/gowa/send/message', () => gowa.url);
	const result = await runNode({
		parameters: { resource: 'send', operation: 'text', recipient: '6281234567890', message: 'Hi', options: {} },
		credentials: credentials(),
	});
	expect(gowa.requests.map((request) => request.url)).toEqual(['/gowa/send/message']);
	expect(gowaFailureOf(result.thrown)?.class).toBe('redirect');
	expect(result.error?.description).toMatch(/Set Base URL in the credential to the address GOWA really answers at/);
});
