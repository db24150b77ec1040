/**
 * The Cloud transport as an attacker and an unlucky operator see it: redirects, foreign hosts, echoed secrets,
 * proxies, and the bulk-sending policy (retry only Meta's retryable codes, never twice when delivery is unknown).
 */
import type { SinkRequest } from '../../../harness';
import { startSink } from '../../../harness';
import { CUSTOMER, describeCloudContract, openWindow, useCloudSimulator } from '../cloudKit';

describeCloudContract('WhatsApp Cloud transport', () => {
	const kit = useCloudSimulator();
	const sendText = (extra: Record<string, unknown> = {}, items?: Parameters<typeof kit.run>[1], options?: Parameters<typeof kit.run>[2]) =>
		kit.run({ resource: 'message', operation: 'send', recipient: '={{ $json.to ?? "' + CUSTOMER + '" }}', messageType: 'text', textBody: 'Hello', sending: { baseDelayMs: 0 }, ...extra }, items, options);

	beforeEach(async () => {
		await openWindow(kit);
	});

	describe('retries: only Meta’s retryable codes', () => {
		test.each([
			[130429, 'throughput'],
			[131056, 'pair rate limit'],
			[80007, 'WABA rate limit'],
			[4, 'app rate limit'],
		])('%d (%s) is retried and then sent: attempts 2', async (code) => {
			kit.sim.failNext({ code, status: 400, path: `/${kit.sim.phoneNumberId}/messages` });
			const result = await sendText();
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ status: 'sent', attempts: 2 });
			expect(kit.requests()).toHaveLength(2);
		});

		test('an unknown code marked is_transient is retried', async () => {
			kit.sim.failNext({ code: 2, status: 500, isTransient: true, path: `/${kit.sim.phoneNumberId}/messages` });
			expect((await sendText()).items[0].json).toMatchObject({ attempts: 2 });
		});

		test.each([131047, 131026, 132000, 132001, 132012, 190, 368])('%d is never retried, even when is_transient says so', async (code) => {
			kit.sim.failNext({ code, status: 400, isTransient: true, path: `/${kit.sim.phoneNumberId}/messages` });
			const result = await sendText({}, undefined, { continueOnFail: true });
			expect(result.items[0].json).toMatchObject({ status: 'failed', provider: 'cloud', errorCode: code, attempts: 1, fbtraceId: expect.any(String) });
			expect(kit.requests()).toHaveLength(1);
		});

		test('Max Attempts bounds the retries; the last error is reported', async () => {
			kit.sim.failNext({ code: 130429, status: 400, count: 5, path: `/${kit.sim.phoneNumberId}/messages` });
			const result = await sendText({ sending: { baseDelayMs: 0, maxAttempts: 3 } }, undefined, { continueOnFail: true });
			expect(result.items[0].json).toMatchObject({ status: 'failed', errorClass: 'throughput', attempts: 3 });
			expect(kit.requests()).toHaveLength(3);
		});

		test('a 502 from a proxy on a send: delivery unknown, not sent twice', async () => {
			kit.sim.failNext({ status: 502, plain: true, message: 'Bad Gateway', path: `/${kit.sim.phoneNumberId}/messages` });
			const result = await sendText({}, undefined, { continueOnFail: true });
			expect(result.items[0].json).toMatchObject({ status: 'failed', delivery: 'unknown', attempts: 1 });
			expect(kit.requests()).toHaveLength(1);
		});

		test('a 502 on a send is retried when Retry Sends With Unknown Outcome is on', async () => {
			kit.sim.failNext({ status: 502, plain: true, path: `/${kit.sim.phoneNumberId}/messages` });
			const result = await sendText({ sending: { baseDelayMs: 0, retryUnknownDelivery: true } });
			expect(result.items[0].json).toMatchObject({ status: 'sent', attempts: 2 });
		});

		test('Max Messages per Execution caps the sends of one phone number; Return Unsent gives the rest back as skipped; no static data written', async () => {
			const items = [0, 1, 2].map(() => ({ json: { to: CUSTOMER } }));
			const staticData = {};
			const result = await sendText({ sending: { baseDelayMs: 0, parallelRequests: 1, messagesPerDay: 2, onDailyLimit: 'returnUnsent' } }, items, { staticData });
			expect(result.items.map((item) => item.json.status)).toEqual(['sent', 'sent', 'skipped']);
			expect(result.items[2].json.error).toBe(`Limit of 2 messages per execution reached for phone number ID ${kit.sim.phoneNumberId}`);
			expect(kit.requests()).toHaveLength(2);
			expect(staticData).toEqual({});
		});

		test('a definite failure gives its cap count back (131026 undeliverable is not counted)', async () => {
			kit.sim.failNext({ code: 131026, status: 400, path: `/${kit.sim.phoneNumberId}/messages` });
			const items = [0, 1, 2].map(() => ({ json: { to: CUSTOMER } }));
			const result = await sendText({ sending: { baseDelayMs: 0, parallelRequests: 1, messagesPerDay: 2, onDailyLimit: 'returnUnsent' } }, items, { continueOnFail: true });
			expect(result.items.map((item) => item.json.status)).toEqual(['failed', 'sent', 'sent']);
			expect(kit.requests()).toHaveLength(3);
		});

		test('a 502 on a read is retried (nothing can be sent twice)', async () => {
			kit.sim.failNext({ status: 502, plain: true, path: `/${kit.sim.phoneNumberId}` });
			const result = await kit.run({ resource: 'phoneNumber', operation: 'get', sending: { baseDelayMs: 0 } });
			expect(result.error).toBeUndefined();
			expect(kit.requests()).toHaveLength(2);
		});
	});

	describe('bulk', () => {
		test('many items in parallel: output in input order, each with its own outcome and pairedItem; one 131047 does not stop the others', async () => {
			const recipients = Array.from({ length: 12 }, (_, n) => `62812000000${String(n).padStart(2, '0')}`);
			for (const to of recipients.filter((_, n) => n !== 5)) await kit.sim.receiveMessage({ from: to });
			kit.sim.clearRequests();
			const result = await sendText({ sending: { parallelRequests: 4, baseDelayMs: 0 } }, recipients.map((to) => ({ json: { to } })), { continueOnFail: true });
			expect(result.items.map((item) => [item.pairedItem, item.json.recipient ?? null, item.json.status])).toEqual(
				recipients.map((to, n) => [{ item: n }, n === 5 ? null : to, n === 5 ? 'failed' : 'sent']),
			);
			expect(result.items[5].json).toMatchObject({ errorCode: 131047, errorClass: 'outsideWindow' });
			expect(kit.requests()).toHaveLength(12);
		});
	});

	describe('the token goes nowhere else', () => {
		let foreign: Awaited<ReturnType<typeof startSink>>;
		const foreignRequests: SinkRequest[] = [];
		beforeAll(async () => {
			foreign = await startSink((request) => {
				foreignRequests.push(request);
				return { status: 200, body: JSON.stringify({ messages: [{ id: 'wamid.evil' }] }) };
			});
		});
		afterAll(async () => await foreign.close());

		test('a redirect to another host is not followed: no request reaches it, the error says why', async () => {
			kit.sim.failNext({ status: 307, redirect: `${foreign.url}/steal`, path: `/${kit.sim.phoneNumberId}/messages` });
			const result = await sendText();
			expect(result.error?.message).toMatch(/redirected the request to another address \(HTTP 307\); it was not followed/);
			expect(foreignRequests).toEqual([]);
		});

		test('a redirect within the Graph host is followed, with the token', async () => {
			kit.sim.failNext({ status: 302, redirect: `/v23.0/${kit.sim.phoneNumberId}`, path: `/${kit.sim.phoneNumberId}/whatsapp_business_profile`, method: 'GET' });
			const result = await kit.run({ resource: 'businessProfile', operation: 'get' });
			expect(result.error).toBeUndefined();
			expect(kit.requests().map((request) => request.graphPath)).toEqual([`/${kit.sim.phoneNumberId}/whatsapp_business_profile`, `/${kit.sim.phoneNumberId}`]);
			expect(kit.requests()[1].headers.authorization).toBe(`Bearer ${kit.sim.token}`);
		});

		test('a server that echoes the token back: the error quotes it redacted', async () => {
			const echo = await startSink((request) => ({ status: 400, body: JSON.stringify({ error: { message: `bad ${String(request.headers.authorization)}`, code: 100, type: 'OAuthException', error_data: { details: `token was ${kit.sim.token}` } } }) }));
			try {
				const result = await kit.run({ resource: 'phoneNumber', operation: 'get' }, undefined, { credentials: { graphBaseUrl: echo.url }, continueOnFail: true });
				const text = JSON.stringify(result.items) + JSON.stringify(result.error ?? {});
				expect(text).toContain('[redacted]');
				expect(text).not.toContain(kit.sim.token);
			} finally {
				await echo.close();
			}
		});

		test('a media URL on another host is not downloaded: no request reaches it', async () => {
			const upload = await kit.run({ resource: 'media', operation: 'upload', binaryPropertyName: 'data', mediaKind: 'image' }, [{ json: {}, binary: { data: { data: Buffer.from('ffd8ffd9', 'hex'), mimeType: 'image/jpeg', fileName: 'a.jpg' } } }]);
			(kit.sim as unknown as { mediaBaseUrl?: string }).mediaBaseUrl = foreign.url;
			try {
				const result = await kit.run({ resource: 'media', operation: 'download', mediaId: upload.items[0].json.mediaId, binaryPropertyName: 'data' });
				expect(result.error?.message).toBe('The media URL is on another host (127.0.0.1:' + new URL(foreign.url).port + ') than the Graph API');
				expect(foreignRequests).toEqual([]);
			} finally {
				(kit.sim as unknown as { mediaBaseUrl?: string }).mediaBaseUrl = undefined;
			}
		});

		test('the app secret and verify token never leave n8n', async () => {
			await sendText();
			await kit.run({ resource: 'phoneNumber', operation: 'get' });
			const everything = kit.requests().map((request) => JSON.stringify(request.headers) + (request as unknown as { rawBody: Buffer }).rawBody.toString('utf8') + request.path).join('\n');
			expect(everything).not.toContain(kit.sim.appSecret);
			expect(everything).not.toContain('simulator-verify-token');
		});

		test('Graph Base URL with user info is refused before any request', async () => {
			const result = await kit.run({ resource: 'phoneNumber', operation: 'get' }, undefined, { credentials: { graphBaseUrl: 'https://user:pw@graph.facebook.com' } });
			expect(result.error?.message).toBe('Graph Base URL of the credential must be a plain http(s) address');
		});
	});
});
