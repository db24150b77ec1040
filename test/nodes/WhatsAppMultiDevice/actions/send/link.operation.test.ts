import { describeContract } from '../../../../harness';
import { JID, PHONE, expectContinueOnFail, expectRejected, expectSendRequest, expectSent, setupSendKit } from './sendKit';

describeContract('Send → Link (POST /send/link)', () => {
	const kit = setupSendKit();

	test('link and caption (the real server requires the caption)', async () => {
		expectSent(await kit.send('link', { recipient: '={{ $json.phone }}', link: 'https://booking.example.com/b/8841', caption: 'Manage your booking', options: {} }));
		const request = kit.only();
		expectSendRequest(request, '/send/link');
		expect(request.json).toEqual({ phone: JID, link: 'https://booking.example.com/b/8841', caption: 'Manage your booking' });
	});

	test('every option', async () => {
		expectSent(await kit.send('link', { recipient: PHONE, link: 'https://booking.example.com/b/8841?x=1', caption: 'See', options: { duration: 7776000, isForwarded: false } }));
		expect(kit.only().json).toEqual({ phone: JID, link: 'https://booking.example.com/b/8841?x=1', caption: 'See', duration: 7776000, is_forwarded: false });
	});

	describe('bad input fails before any request', () => {
		test('empty caption', async () => {
			const result = await kit.send('link', { recipient: PHONE, link: 'https://booking.example.com', caption: '={{ $json.caption }}', options: {} });
			expectRejected(kit, result, 'Caption is empty');
			expect(result.error?.description).toMatch(/GOWA refuses links without a caption/);
		});

		test('not a link', async () => {
			expectRejected(kit, await kit.send('link', { recipient: PHONE, link: 'booking page', caption: 'x', options: {} }), 'Link "booking page" is not an http(s) URL');
		});

		test('invalid phone', async () => {
			expectRejected(kit, await kit.send('link', { recipient: '0', link: 'https://a.example', caption: 'x', options: {} }), /^Recipient: /);
		});
	});

	test('continue on fail', async () => {
		await expectContinueOnFail(
			kit,
			'link',
			{ recipient: PHONE, link: 'https://a.example/b', caption: '={{ $json.caption }}', options: {} },
			[{ json: { caption: '' } }, { json: { caption: 'ok' } }, { json: { caption: '  ' } }],
			'Caption is empty',
		);
		expectSendRequest(kit.only(), '/send/link');
	});
});
