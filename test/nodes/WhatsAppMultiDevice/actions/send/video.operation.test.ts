import { bodyOf, describeContract } from '../../../../harness';
import { MP4, PNG, withFile } from './fixtures';
import { JID, PHONE, expectContinueOnFail, expectRejected, expectSendRequest, expectSent, setupSendKit } from './sendKit';

const binary = { recipient: '={{ $json.phone }}', source: 'binary', binaryPropertyName: 'data' };

describeContract('Send → Video (POST /send/video)', () => {
	const kit = setupSendKit();

	test('binary upload, minimal', async () => {
		expectSent(await kit.send('video', { ...binary, caption: '', options: {} }, [withFile(MP4, 'video/mp4', 'directions.mp4', { phone: PHONE })]));
		const request = kit.only();
		expectSendRequest(request, '/send/video');
		const { fields, files } = bodyOf(request);
		expect(fields).toEqual({ phone: JID });
		expect(files.video).toMatchObject({ contentType: 'video/mp4', fileName: 'directions.mp4' });
		expect(files.video.bytes.equals(MP4)).toBe(true);
	});

	test('every option', async () => {
		const result = await kit.send(
			'video',
			{ ...binary, caption: 'Salon tour', options: { compress: true, duration: 604800, gifPlayback: true, hd: false, isForwarded: true, replyMessageId: '3EB0DDD', viewOnce: true } },
			[withFile(MP4, 'video/mp4', 'tour.mp4', { phone: PHONE })],
		);
		expectSent(result);
		const request = kit.only();
		expectSendRequest(request, '/send/video');
		expect(bodyOf(request).fields).toEqual({
			phone: JID,
			caption: 'Salon tour',
			duration: '604800',
			is_forwarded: 'true',
			reply_message_id: '3EB0DDD',
			view_once: 'true',
			compress: 'true',
			hd: 'false',
			gif_playback: 'true',
		});
	});

	test('MKV resolved from the file name when n8n only knew octet-stream', async () => {
		expectSent(await kit.send('video', { ...binary, options: {} }, [withFile(MP4, 'application/octet-stream', 'clip.mkv', { phone: PHONE })]));
		expect(bodyOf(kit.only()).files.video).toMatchObject({ contentType: 'video/x-matroska', fileName: 'clip.mkv' });
	});

	test('by URL', async () => {
		expectSent(await kit.send('video', { recipient: PHONE, source: 'url', url: 'https://cdn.example.com/tour.mp4', caption: '', options: {} }));
		const request = kit.only();
		expectSendRequest(request, '/send/video');
		expect(bodyOf(request)).toMatchObject({ fields: { phone: JID, video_url: 'https://cdn.example.com/tour.mp4' }, files: {} });
	});

	describe('bad input fails before any request', () => {
		test('missing binary', async () => {
			expectRejected(kit, await kit.send('video', { ...binary, options: {} }, [{ json: { phone: PHONE } }]), /binary/i);
		});

		test('wrong MIME type (an image)', async () => {
			const result = await kit.send('video', { ...binary, options: {} }, [withFile(PNG, 'image/png', 'a.png', { phone: PHONE })]);
			expectRejected(kit, result, 'The video in binary field "data" is image/png, which GOWA does not accept');
		});

		test('invalid phone', async () => {
			expectRejected(kit, await kit.send('video', { ...binary, options: {} }, [withFile(MP4, 'video/mp4', 'a.mp4', { phone: 'abc@example.com' })]), /^Recipient: /);
		});
	});

	test('continue on fail', async () => {
		await expectContinueOnFail(
			kit,
			'video',
			{ ...binary, options: {} },
			[withFile(PNG, 'image/png', 'a.png', { phone: PHONE }), withFile(MP4, 'video/mp4', 'a.mp4', { phone: PHONE }), withFile(MP4, 'video/mp4', 'a.mp4', { phone: '' })],
			/does not accept|Recipient/,
		);
		expectSendRequest(kit.only(), '/send/video');
	});
});
