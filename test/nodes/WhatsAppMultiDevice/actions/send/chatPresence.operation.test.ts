import { describeContract } from '../../../../harness';
import { JID, PHONE, expectContinueOnFail, expectRejected, expectSendRequest, expectSent, setupSendKit } from './sendKit';

describeContract('Send → Typing Indicator (POST /send/chat-presence)', () => {
	const kit = setupSendKit();

	test.each(['start', 'stop'])('%s', async (action) => {
		expectSent(await kit.send('chatPresence', { recipient: '={{ $json.phone }}', action }));
		const request = kit.only();
		expectSendRequest(request, '/send/chat-presence');
		expect(request.json).toEqual({ phone: JID, action });
	});

	test('in a group', async () => {
		expectSent(await kit.send('chatPresence', { recipient: '120363025246125486@g.us', action: 'start' }));
		expect(kit.only().json).toEqual({ phone: '120363025246125486@g.us', action: 'start' });
	});

	test('invalid phone fails before any request', async () => {
		expectRejected(kit, await kit.send('chatPresence', { recipient: 'typing…', action: 'start' }), /^Recipient: /);
	});

	test('continue on fail', async () => {
		await expectContinueOnFail(
			kit,
			'chatPresence',
			{ recipient: '={{ $json.phone }}', action: 'stop' },
			[{ json: { phone: '' } }, { json: { phone: PHONE } }, { json: { phone: 'x' } }],
			/^Recipient: /,
		);
		expectSendRequest(kit.only(), '/send/chat-presence');
	});
});
