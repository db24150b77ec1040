import { bodyOf, describeContract } from '../../../../harness';
import { MP3, OGG, PDF, withFile } from './fixtures';
import { JID, PHONE, expectContinueOnFail, expectRejected, expectSendRequest, expectSent, setupSendKit } from './sendKit';

const binary = { recipient: '={{ $json.phone }}', source: 'binary', binaryPropertyName: 'data' };

describeContract('Send → Audio (POST /send/audio)', () => {
	const kit = setupSendKit();

	test('binary upload, minimal (an audio file, not a voice note)', async () => {
		expectSent(await kit.send('audio', { ...binary, ptt: false, options: {} }, [withFile(MP3, 'audio/mpeg', 'jingle.mp3', { phone: PHONE })]));
		const request = kit.only();
		expectSendRequest(request, '/send/audio');
		const { fields, files } = bodyOf(request);
		expect(fields).toEqual({ phone: JID });
		expect(files.audio).toMatchObject({ contentType: 'audio/mpeg', fileName: 'jingle.mp3' });
		expect(files.audio.bytes.equals(MP3)).toBe(true);
	});

	test('voice note with every option; "audio/ogg; codecs=opus" is sent as audio/ogg', async () => {
		const result = await kit.send('audio', { ...binary, ptt: true, options: { duration: 7776000, isForwarded: false, replyMessageId: '3EB0BBB' } }, [
			withFile(OGG, 'audio/ogg; codecs=opus', 'voice.ogg', { phone: PHONE }),
		]);
		expectSent(result);
		const request = kit.only();
		expectSendRequest(request, '/send/audio');
		const { fields, files } = bodyOf(request);
		expect(fields).toEqual({ phone: JID, duration: '7776000', is_forwarded: 'false', reply_message_id: '3EB0BBB', ptt: 'true' });
		expect(files.audio).toMatchObject({ contentType: 'audio/ogg', fileName: 'voice.ogg' });
		expect(files.audio.bytes.equals(OGG)).toBe(true);
	});

	test('by URL', async () => {
		expectSent(await kit.send('audio', { recipient: PHONE, source: 'url', url: 'https://cdn.example.com/reminder.ogg', ptt: true, options: {} }));
		const request = kit.only();
		expectSendRequest(request, '/send/audio');
		expect(bodyOf(request)).toMatchObject({ fields: { phone: JID, ptt: 'true', audio_url: 'https://cdn.example.com/reminder.ogg' }, files: {} });
	});

	describe('bad input fails before any request', () => {
		test('missing binary', async () => {
			expectRejected(kit, await kit.send('audio', { ...binary, options: {} }, [{ json: { phone: PHONE } }]), /binary/i);
		});

		test('wrong MIME type (a PDF)', async () => {
			const result = await kit.send('audio', { ...binary, options: {} }, [withFile(PDF, 'application/pdf', 'x.pdf', { phone: PHONE })]);
			expectRejected(kit, result, 'The audio in binary field "data" is application/pdf, which GOWA does not accept');
		});

		test('invalid phone', async () => {
			expectRejected(kit, await kit.send('audio', { ...binary, options: {} }, [withFile(OGG, 'audio/ogg', 'v.ogg', { phone: 'x' })]), /^Recipient: /);
		});

		test('URL missing in the input', async () => {
			const result = await kit.send('audio', { recipient: PHONE, source: 'url', url: '={{ $json.url }}', options: {} }, [{ json: {} }]);
			expectRejected(kit, result, 'Audio URL "" is not an http(s) URL');
		});
	});

	test('continue on fail', async () => {
		await expectContinueOnFail(
			kit,
			'audio',
			{ ...binary, options: {} },
			[withFile(PDF, 'application/pdf', 'x.pdf', { phone: PHONE }), withFile(OGG, 'audio/ogg', 'v.ogg', { phone: PHONE }), withFile(OGG, 'audio/ogg', 'v.ogg', { phone: '0' })],
			/does not accept|Recipient/,
		);
		expectSendRequest(kit.only(), '/send/audio');
	});
});
