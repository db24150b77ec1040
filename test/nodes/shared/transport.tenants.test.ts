/**
 * Credentials are resolved per item (issue 16, item 3): a credential whose Base URL, password and Default Device
 * hold expressions serves a different tenant on every item. Two simulators (two tenants, each with its own basic-auth
 * pair and device) behind one credential, in n8n's real engine.
 */
import { basicAuth, runNode, startSink, useSimulator } from '../../harness';

const tenantA = useSimulator({
	auth: { username: 'tenant-a', password: 'pw-of-a' },
	basePath: '/gowa-a',
	devices: [{ id: 'salon-a', jid: '6281111111111@s.whatsapp.net' }, { id: 'other-a', jid: '6281111111112@s.whatsapp.net' }],
});
const tenantB = useSimulator({
	auth: { username: 'tenant-b', password: 'pw-of-b' },
	basePath: '/gowa-b',
	devices: [{ id: 'salon-b', jid: '6282222222222@s.whatsapp.net' }, { id: 'other-b', jid: '6282222222223@s.whatsapp.net' }],
});

const perItemCredential = {
	baseUrl: '={{ $json.baseUrl }}',
	username: '={{ $json.user }}',
	password: '={{ $json.password }}',
	deviceId: '={{ $json.device }}',
};

const sendText = { resource: 'send', operation: 'text', recipient: '={{ $json.phone }}', message: 'Your booking is confirmed', options: {} };

test('two items of one execution go to two tenants, each with its own server, password and device', async () => {
	const items = [
		{ json: { baseUrl: tenantA.url, user: 'tenant-a', password: 'pw-of-a', device: 'salon-a', phone: '6281234560001' } },
		{ json: { baseUrl: tenantB.url, user: 'tenant-b', password: 'pw-of-b', device: 'salon-b', phone: '6281234560002' } },
		{ json: { baseUrl: tenantA.url, user: 'tenant-a', password: 'pw-of-a', device: 'other-a', phone: '6281234560003' } },
	];
	for (const parallelRequests of [1, 5]) {
		tenantA.sim.clearRequests();
		tenantB.sim.clearRequests();
		const result = await runNode({ parameters: { ...sendText, sending: { parallelRequests } }, credentials: perItemCredential, items });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.status)).toEqual(['sent', 'sent', 'sent']);

		const toA = tenantA.requests();
		const toB = tenantB.requests();
		expect(toA.map((request) => [request.json?.phone, request.headers['x-device-id'], request.deviceId])).toEqual([
			['6281234560001@s.whatsapp.net', 'salon-a', 'salon-a'],
			['6281234560003@s.whatsapp.net', 'other-a', 'other-a'],
		]);
		expect(toB.map((request) => [request.json?.phone, request.headers['x-device-id'], request.deviceId])).toEqual([
			['6281234560002@s.whatsapp.net', 'salon-b', 'salon-b'],
		]);
		for (const request of toA) expect(request.headers.authorization).toBe(basicAuth('tenant-a', 'pw-of-a'));
		for (const request of toB) expect(request.headers.authorization).toBe(basicAuth('tenant-b', 'pw-of-b'));
	}
});

test('a static credential is read once per item and every request of the item reuses it', async () => {
	const result = await runNode({
		parameters: sendText,
		credentials: tenantA.credentials({ deviceId: 'salon-a' }),
		items: [{ json: { phone: '6281234560001' } }, { json: { phone: '6281234560002' } }],
	});
	expect(result.items).toHaveLength(2);
	expect(tenantA.requests()).toHaveLength(2);
	// n8n resolves credentials per item; the transport asks once per item, never once per request.
	expect(result.credentialsHandedOut).toHaveLength(2);
});

test('an item that makes two requests (Download Media: the lookup, then the file) reads the credential once', async () => {
	const sink = await startSink((request) =>
		request.url.includes('/download')
			? { status: 200, body: { code: 'SUCCESS', message: 'ok', results: { file_url: 'statics/media/a.jpg', media_type: 'image' } } }
			: { status: 200, headers: { 'content-type': 'image/jpeg' }, body: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) },
	);
	try {
		const result = await runNode({
			parameters: { resource: 'message', operation: 'downloadMedia', chat: '6281234567890', messageId: '3EB0ONCE', binaryPropertyName: 'data' },
			credentials: { baseUrl: sink.url, username: 'admin', password: 'pw' },
		});
		expect(result.error).toBeUndefined();
		expect(sink.requests).toHaveLength(2);
		expect(result.credentialsHandedOut).toHaveLength(1);
	} finally {
		await sink.close();
	}
});
