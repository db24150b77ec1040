import { bodyOf, describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupAccountKit } from '../session/accountKit';

// A real 1×1 PNG (GOWA decodes the picture).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describeContract('User → Set My Avatar (POST /user/avatar)', () => {
	const kit = setupAccountKit();

	test('multipart "avatar" part with the binary’s real MIME type and bytes', async () => {
		const result = await kit.run('user', 'setAvatar', { binaryPropertyName: 'photo' }, [
			{ json: {}, binary: { photo: { data: PNG, mimeType: 'image/png', fileName: 'logo.png' } } },
		]);
		expectOk(result);
		const request = kit.only();
		expectRequest(request, 'POST', '/user/avatar', 'userChangeAvatar', 'salon-main');
		const { files, fields } = bodyOf(request);
		expect(fields).toEqual({});
		expect(Object.keys(files)).toEqual(['avatar']);
		expect(files.avatar).toMatchObject({ contentType: 'image/png', fileName: 'logo.png' });
		expect(Buffer.compare(files.avatar.bytes, PNG)).toBe(0);
		expect(result.items[0].json).toEqual({ success: true, fileName: 'logo.png', mimeType: 'image/png', size: PNG.length, message: 'Success change avatar' });
	});

	test('application/octet-stream named .jpg is sent as image/jpeg', async () => {
		const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1), Buffer.from([0xff, 0xd9])]);
		await kit.run('user', 'setAvatar', { binaryPropertyName: 'data' }, [{ json: {}, binary: { data: { data: jpeg, mimeType: 'application/octet-stream', fileName: 'me.jpg' } } }]);
		expect(bodyOf(kit.only()).files.avatar.contentType).toBe('image/jpeg');
	});

	test('a GIF or a missing binary fails before any request', async () => {
		const gif = await kit.run('user', 'setAvatar', { binaryPropertyName: 'data' }, [
			{ json: {}, binary: { data: { data: Buffer.from('GIF89a....'), mimeType: 'image/gif', fileName: 'a.gif' } } },
		]);
		expectRejected(kit, gif, 'The avatar image in binary field "data" is image/gif, which GOWA does not accept');
		const missing = await kit.run('user', 'setAvatar', { binaryPropertyName: 'data' }, [{ json: {} }]);
		expect(missing.error?.message).toMatch(/binary/i);
		expect(kit.gowa.requests()).toHaveLength(0);
	});
});
