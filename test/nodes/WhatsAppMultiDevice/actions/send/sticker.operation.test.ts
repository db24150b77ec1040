import { bodyOf, describeContract } from '../../../../harness';
import { GIF, MP4, PNG, WEBP, withFile } from './fixtures';
import { JID, PHONE, expectContinueOnFail, expectRejected, expectSendRequest, expectSent, setupSendKit } from './sendKit';

const binary = { recipient: '={{ $json.phone }}', source: 'binary', binaryPropertyName: 'data' };

describeContract('Send → Sticker (POST /send/sticker)', () => {
	const kit = setupSendKit();

	test('binary upload, minimal (WebP)', async () => {
		expectSent(await kit.send('sticker', { ...binary, options: {} }, [withFile(WEBP, 'image/webp', 'thanks.webp', { phone: PHONE })]));
		const request = kit.only();
		expectSendRequest(request, '/send/sticker');
		const { fields, files } = bodyOf(request);
		expect(fields).toEqual({ phone: JID });
		expect(files.sticker).toMatchObject({ contentType: 'image/webp', fileName: 'thanks.webp' });
		expect(files.sticker.bytes.equals(WEBP)).toBe(true);
	});

	test.each([
		['image/png', PNG, 'a.png'],
		['image/gif', GIF, 'a.gif'],
	])('%s is accepted (GOWA converts it), with every option', async (mimeType, bytes, name) => {
		expectSent(await kit.send('sticker', { ...binary, options: { duration: 86400, isForwarded: true } }, [withFile(bytes, mimeType, name, { phone: PHONE })]));
		const request = kit.only();
		expectSendRequest(request, '/send/sticker');
		expect(bodyOf(request).fields).toEqual({ phone: JID, duration: '86400', is_forwarded: 'true' });
		expect(bodyOf(request).files.sticker.contentType).toBe(mimeType);
	});

	test('by URL (never both a file and a URL)', async () => {
		expectSent(await kit.send('sticker', { recipient: PHONE, source: 'url', url: 'https://cdn.example.com/s.webp', options: {} }));
		const request = kit.only();
		expectSendRequest(request, '/send/sticker');
		expect(bodyOf(request)).toMatchObject({ fields: { phone: JID, sticker_url: 'https://cdn.example.com/s.webp' }, files: {} });
	});

	describe('bad input fails before any request', () => {
		test('missing binary', async () => {
			expectRejected(kit, await kit.send('sticker', { ...binary, options: {} }, [{ json: { phone: PHONE } }]), /binary/i);
		});

		test('wrong MIME type (a video)', async () => {
			expectRejected(kit, await kit.send('sticker', { ...binary, options: {} }, [withFile(MP4, 'video/mp4', 'a.mp4', { phone: PHONE })]), 'The sticker in binary field "data" is video/mp4, which GOWA does not accept');
		});

		test('too large (over 20 MB)', async () => {
			const result = await kit.send('sticker', { ...binary, options: {} }, [withFile(Buffer.alloc(21_000_000, 2), 'image/webp', 'big.webp', { phone: PHONE })]);
			expectRejected(kit, result, 'The sticker in binary field "data" is 21.0 MB; GOWA accepts up to 20.0 MB');
		});
	});

	test('continue on fail', async () => {
		await expectContinueOnFail(
			kit,
			'sticker',
			{ ...binary, options: {} },
			[withFile(MP4, 'video/mp4', 'a.mp4', { phone: PHONE }), withFile(WEBP, 'image/webp', 's.webp', { phone: PHONE }), withFile(WEBP, 'image/webp', 's.webp', { phone: '0000' })],
			/does not accept|Recipient/,
		);
		expectSendRequest(kit.only(), '/send/sticker');
	});
});
