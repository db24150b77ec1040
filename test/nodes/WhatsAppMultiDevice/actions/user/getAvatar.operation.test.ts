import { closedPort, describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupAccountKit } from '../session/accountKit';

type AvatarSim = { failNext(rule: object): void; clearFailures(): void; putStatic(path: string, bytes: Buffer, type: string): string };
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7), Buffer.from([0xff, 0xd9])]);

describeContract('User → Get Avatar (GET /user/avatar)', () => {
	const kit = setupAccountKit();
	const sim = () => kit.gowa.sim as unknown as AvatarSim;

	test('link only: the picture info with hasAvatar', async () => {
		const result = await kit.run('user', 'getAvatar', { phone: '6281122223333', download: false, options: {} });
		expectOk(result);
		const request = kit.only();
		expectRequest(request, 'GET', '/user/avatar', 'userAvatar', 'salon-main');
		expect(request.query).toEqual({ phone: '6281122223333@s.whatsapp.net' });
		expect(result.items[0].json).toEqual({
			jid: '6281122223333@s.whatsapp.net',
			hasAvatar: true,
			url: expect.stringMatching(/^https:\/\/pps\.whatsapp\.net\//),
			id: expect.any(String),
			type: 'image',
		});
		expect(result.items[0].binary).toBeUndefined();
	});

	test('Preview and Community are sent as booleans; groups are accepted', async () => {
		const result = await kit.run('user', 'getAvatar', { phone: '120363025246125486@g.us', download: false, options: { isPreview: true, isCommunity: false } });
		expectOk(result);
		const request = kit.only();
		expectRequest(request, 'GET', '/user/avatar', 'userAvatar', 'salon-main');
		expect(request.query).toEqual({ phone: '120363025246125486@g.us', is_preview: 'true', is_community: 'false' });
		expect(result.items[0].json).toMatchObject({ jid: '120363025246125486@g.us', hasAvatar: true, type: 'preview' });
	});

	test('Download Image: the picture as binary (a link on the GOWA host is fetched with the credential)', async () => {
		const link = sim().putStatic('statics/avatars/6281122223333.jpg', JPEG, 'image/jpeg');
		sim().failNext({ path: '/user/avatar', status: 200, code: 'SUCCESS', message: 'Success get avatar', results: { url: link, id: '1700000001', type: 'image' } });
		const result = await kit.run('user', 'getAvatar', { phone: '6281122223333', download: true, binaryPropertyName: 'avatar', options: {} });
		expectOk(result);
		expect(kit.gowa.requests().map((request) => request.rawPath.split('?')[0])).toEqual(['/gowa/user/avatar', '/gowa/statics/avatars/6281122223333.jpg']);
		const binary = result.items[0].binary?.avatar;
		expect(binary?.mimeType).toBe('image/jpeg');
		expect(binary?.fileName).toBe('avatar-6281122223333.jpg');
		expect(Buffer.compare(binary!.data, JPEG)).toBe(0);
		expect(result.items[0].json).toMatchObject({ hasAvatar: true, url: link, id: '1700000001' });
	});

	test('Download Image from a foreign host: only https, without credentials (a refused host is reported)', async () => {
		const port = await closedPort();
		sim().failNext({ path: '/user/avatar', status: 200, code: 'SUCCESS', message: 'ok', results: { url: `https://127.0.0.2:${port}/v/t61/x.jpg`, id: '1', type: 'image' } });
		const refused = await kit.run('user', 'getAvatar', { phone: '6281122223333', download: true, binaryPropertyName: 'data', options: {} });
		expect(refused.error?.message).toMatch(/^Could not connect to 127\.0\.0\.2:\d+/);

		sim().failNext({ path: '/user/avatar', status: 200, code: 'SUCCESS', message: 'ok', results: { url: 'http://cdn.example.com/x.jpg', id: '1', type: 'image' } });
		const plain = await kit.run('user', 'getAvatar', { phone: '6281122223333', download: true, binaryPropertyName: 'data', options: {} });
		expect(plain.error?.message).toBe('GOWA returned a link that cannot be downloaded: "http://cdn.example.com/x.jpg"');
	});

	test('no picture (GOWA: 500 "no avatar found") is a result, not an error', async () => {
		// GOWA answers the same every time (the transport's retries of a 500 do not change it).
		sim().failNext({ path: '/user/avatar', status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'no avatar found', count: 10 });
		const result = await kit.run('user', 'getAvatar', { phone: '6281122223333', download: true, binaryPropertyName: 'data', options: {}, sending: { maxAttempts: 1 } });
		sim().clearFailures();
		expectOk(result);
		expect(result.items[0].json).toEqual({ jid: '6281122223333@s.whatsapp.net', hasAvatar: false, url: null, id: null, type: null, reason: 'no avatar found' });
		expect(result.items[0].binary).toBeUndefined();
		expect(kit.gowa.requests()).toHaveLength(1);
	});
});
