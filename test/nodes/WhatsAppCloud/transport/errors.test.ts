/** The Graph error map: one class and one actionable message per row of NOTES §5.2, and what is retried. */
import { cloudApiError, cloudFailureOf, describeCloudFailure, redactCloudSecrets } from '../../../../nodes/WhatsAppCloud/transport/errors';

const graph = (code: number, extra: Record<string, unknown> = {}) => describeCloudFailure({ httpCode: 400, code, ...extra });

describe('one class and message per Graph code', () => {
	test.each([
		[190, 'token', /access token/, false],
		[0, 'token', /access token/, false],
		[104, 'token', /access token/, false],
		[10, 'permission', /permission/, false],
		[200, 'permission', /permission/, false],
		[4, 'appRateLimit', /error 4\)/, true],
		[80007, 'accountRateLimit', /80007/, true],
		[130429, 'throughput', /throughput/, true],
		[131056, 'pairRateLimit', /pair rate limit/, true],
		[131047, 'outsideWindow', /24 hours/, false],
		[131026, 'undeliverable', /could not be delivered/, false],
		[131049, 'ecosystemLimit', /healthy/, false],
		[131050, 'marketingOptOut', /stopped marketing/, false],
		[130403, 'blockedByBusiness', /blocked the recipient/, false],
		[131053, 'media', /media file/, false],
		[132000, 'templateParameters', /template parameters/, false],
		[132001, 'templateUnavailable', /not approved/, false],
		[132012, 'templateParameters', /template parameters/, false],
		[132015, 'templatePaused', /paused/, false],
		[133010, 'notRegistered', /not registered/, false],
		[368, 'accountRestricted', /restricted/, false],
		[131031, 'accountRestricted', /restricted/, false],
		[100, 'invalidRequest', /parameter/, false],
		[131000, 'temporary', /right now/, true],
		[2, 'temporary', /right now/, true],
	])('code %d → %s', (code, cls, message, retryable) => {
		const described = graph(code);
		expect(described.class).toBe(cls);
		expect(described.message).toMatch(message);
		expect(described.retryable).toBe(retryable);
		expect(described.description.length).toBeGreaterThan(30);
	});

	test('131047 tells to send an approved template and names the Template message type', () => {
		expect(graph(131047).description).toMatch(/Send an approved template instead: Message → Send with Message Type "Template"/);
	});

	test('132000 says how many parameters to give', () => {
		expect(graph(132000).description).toMatch(/one body parameter per \{\{n\}\}/);
	});

	test('is_transient makes an unknown code retryable, but never 131047, 131026, 132xxx or auth codes', () => {
		expect(graph(999999, { isTransient: true }).retryable).toBe(true);
		expect(graph(999999).retryable).toBe(false);
		for (const code of [131047, 131026, 132000, 132001, 132012, 190, 200]) expect(graph(code, { isTransient: true }).retryable).toBe(false);
	});

	test('Meta’s details and the fbtrace_id stay in the description', () => {
		const described = graph(130429, { details: 'Cloud API message throughput has been reached.', fbtraceId: 'Az8or2yhqkZfEZ', subcode: 2494055 });
		expect(described.description).toContain('Meta said: "Cloud API message throughput has been reached."');
		expect(described.description).toContain('(code 130429, subcode 2494055, HTTP 400, fbtrace_id Az8or2yhqkZfEZ)');
	});
});

describe('failures without a Graph error', () => {
	test('a timeout of a send: delivery unknown, not retried unless allowed', () => {
		const described = describeCloudFailure({ networkCode: 'ETIMEDOUT', host: 'graph.facebook.com', timeoutMs: 60000, messageSend: true });
		expect(described).toMatchObject({ class: 'timeout', retryable: true, deliveryUnknown: true });
		expect(described.message).toBe('graph.facebook.com did not answer within 60 s');
	});

	test('a refused connection is retryable and cannot have delivered anything', () => {
		expect(describeCloudFailure({ networkCode: 'ECONNREFUSED', messageSend: true })).toMatchObject({ class: 'network', retryable: true, deliveryUnknown: false });
	});

	test('a 502 from a proxy on a send: delivery unknown; a 503: nothing was processed', () => {
		expect(describeCloudFailure({ httpCode: 502, messageSend: true })).toMatchObject({ retryable: true, deliveryUnknown: true });
		expect(describeCloudFailure({ httpCode: 503, messageSend: true })).toMatchObject({ retryable: true, deliveryUnknown: false });
	});

	test('a redirect is reported, not followed', () => {
		expect(describeCloudFailure({ httpCode: 302, host: 'proxy.example' })).toMatchObject({ class: 'redirect', retryable: false });
	});
});

describe('cloudApiError', () => {
	test('keeps its own message (NodeApiError would rewrite HTTP 400/401/…) and attaches the classification', () => {
		const error = cloudApiError({ name: 'WhatsApp Cloud', type: 'x', typeVersion: 1, position: [0, 0], parameters: {}, id: '1' }, { httpCode: 401, code: 190, fbtraceId: 'T' }, 2);
		expect(error.message).toBe('Meta rejected the access token (expired, revoked or missing)');
		expect(error.context.itemIndex).toBe(2);
		expect(cloudFailureOf(error)?.class).toBe('token');
	});
});

describe('redactCloudSecrets', () => {
	test('removes the token, app secret and verify token, also URL-encoded', () => {
		const credentials = { accessToken: 'EAAG+secret/token', appSecret: 'app-secret-1', verifyToken: 'verify-1' };
		const text = 'echo: Bearer EAAG+secret/token, EAAG%2Bsecret%2Ftoken, app-secret-1 and verify-1';
		expect(redactCloudSecrets(text, credentials)).toBe('echo: Bearer [redacted], [redacted], [redacted] and [redacted]');
	});
});
