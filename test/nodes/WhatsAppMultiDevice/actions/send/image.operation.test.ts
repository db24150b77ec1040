import { bodyOf, describeContract } from '../../../../harness';
import { GIF, JPEG, PNG, withFile } from './fixtures';
import { JID, PHONE, expectContinueOnFail, expectRejected, expectSendRequest, expectSent, setupSendKit } from './sendKit';

const binary = { recipient: '={{ $json.phone }}', source: 'binary', binaryPropertyName: 'data' };

describeContract('Send → Image (POST /send/image)', () => {
	const kit = setupSendKit();

	test('binary upload, minimal: multipart with the file part’s own type, name and bytes', async () => {
		const result = await kit.send('image', { ...binary, caption: '', options: {} }, [withFile(JPEG, 'image/jpeg', 'booking.jpg', { phone: PHONE })]);
		expectSent(result);
		const request = kit.only();
		expectSendRequest(request, '/send/image');
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		const { fields, files } = bodyOf(request);
		expect(fields).toEqual({ phone: JID });
		expect(Object.keys(files)).toEqual(['image']);
		expect(files.image.contentType).toBe('image/jpeg');
		expect(files.image.fileName).toBe('booking.jpg');
		expect(files.image.bytes.equals(JPEG)).toBe(true);
	});

	test('binary upload with every option', async () => {
		const result = await kit.send(
			'image',
			{
				...binary,
				binaryPropertyName: 'photo',
				caption: 'Your *new* look',
				options: { compress: false, duration: 86400, hd: true, isForwarded: true, replyMessageId: '3EB0AAA', viewOnce: true },
			},
			[withFile(PNG, 'image/png', 'after.png', { phone: PHONE }, 'photo')],
		);
		expectSent(result);
		const request = kit.only();
		expectSendRequest(request, '/send/image');
		const { fields, files } = bodyOf(request);
		expect(fields).toEqual({
			phone: JID,
			caption: 'Your *new* look',
			duration: '86400',
			is_forwarded: 'true',
			reply_message_id: '3EB0AAA',
			view_once: 'true',
			compress: 'false',
			hd: 'true',
		});
		expect(files.image).toMatchObject({ contentType: 'image/png', fileName: 'after.png' });
		expect(files.image.bytes.equals(PNG)).toBe(true);
	});

	test('a binary without a file name gets one from its type; n8n’s octet-stream is resolved by extension', async () => {
		expectSent(await kit.send('image', { ...binary, options: {} }, [withFile(PNG, 'image/png', undefined, { phone: PHONE })]));
		expect(bodyOf(kit.only()).files.image).toMatchObject({ contentType: 'image/png', fileName: 'image.png' });
		kit.gowa.sim.clearRequests();
		expectSent(await kit.send('image', { ...binary, options: {} }, [withFile(JPEG, 'application/octet-stream', 'scan.JPG', { phone: PHONE })]));
		expect(bodyOf(kit.only()).files.image).toMatchObject({ contentType: 'image/jpeg', fileName: 'scan.JPG' });
	});

	test('by URL: image_url, no file part', async () => {
		const result = await kit.send('image', { recipient: PHONE, source: 'url', url: ' https://cdn.example.com/looks/after.jpg ', caption: 'After', options: { viewOnce: false } });
		expectSent(result);
		const request = kit.only();
		expectSendRequest(request, '/send/image');
		const { fields, files } = bodyOf(request);
		expect(fields).toEqual({ phone: JID, caption: 'After', view_once: 'false', image_url: 'https://cdn.example.com/looks/after.jpg' });
		expect(files).toEqual({});
	});

	describe('bad input fails before any request', () => {
		test('missing binary property', async () => {
			const result = await kit.send('image', { ...binary, options: {} }, [{ json: { phone: PHONE } }]);
			expectRejected(kit, result, /binary/i);
		});

		test('binary in another property than named', async () => {
			const result = await kit.send('image', { ...binary, binaryPropertyName: 'photo', options: {} }, [withFile(JPEG, 'image/jpeg', 'a.jpg', { phone: PHONE })]);
			expectRejected(kit, result, /photo/);
		});

		test('wrong MIME type (GIF)', async () => {
			const result = await kit.send('image', { ...binary, options: {} }, [withFile(GIF, 'image/gif', 'a.gif', { phone: PHONE })]);
			expectRejected(kit, result, 'The image in binary field "data" is image/gif, which GOWA does not accept');
		});

		test('too large (over 20 MB)', async () => {
			const result = await kit.send('image', { ...binary, options: {} }, [withFile(Buffer.alloc(20_500_000, 7), 'image/png', 'huge.png', { phone: PHONE })]);
			expectRejected(kit, result, 'The image in binary field "data" is 20.5 MB; GOWA accepts up to 20.0 MB');
		});

		test('invalid phone', async () => {
			const result = await kit.send('image', { ...binary, options: {} }, [withFile(JPEG, 'image/jpeg', 'a.jpg', { phone: '+62' })]);
			expectRejected(kit, result, /^Recipient: /);
		});

		test('URL that is not http(s)', async () => {
			expectRejected(kit, await kit.send('image', { recipient: PHONE, source: 'url', url: 'file:///etc/passwd', options: {} }), 'Image URL "file:///etc/passwd" is not an http(s) URL');
		});

		test('disappearing time WhatsApp does not offer', async () => {
			const result = await kit.send('image', { ...binary, options: { duration: 3600 } }, [withFile(JPEG, 'image/jpeg', 'a.jpg', { phone: PHONE })]);
			expectRejected(kit, result, 'Disappearing After must be off, 24 hours, 7 days or 90 days, not 3600');
		});
	});

	test('continue on fail', async () => {
		await expectContinueOnFail(
			kit,
			'image',
			{ ...binary, options: {} },
			[withFile(GIF, 'image/gif', 'a.gif', { phone: PHONE }), withFile(JPEG, 'image/jpeg', 'ok.jpg', { phone: PHONE }), { json: { phone: PHONE } }],
			/binary|image\/gif/,
		);
		const request = kit.only();
		expectSendRequest(request, '/send/image');
		expect(bodyOf(request).files.image.fileName).toBe('ok.jpg');
	});
});
