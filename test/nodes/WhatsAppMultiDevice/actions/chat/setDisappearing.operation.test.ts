import { describeContract } from '../../../../harness';
import { JID, PHONE, expectOk, expectRejected, expectRequest, setupConversationKit } from './conversationKit';

describeContract('Chat → Set Disappearing Messages (POST /chat/{chat_jid}/disappearing)', () => {
	const kit = setupConversationKit();

	test.each([
		[86400, 'Disappearing messages set to 86400 seconds'],
		[604800, 'Disappearing messages set to 604800 seconds'],
		[7776000, 'Disappearing messages set to 7776000 seconds'],
		[0, 'Disappearing messages disabled'],
	])('timer %j is sent as the integer timer_seconds', async (timerSeconds, status) => {
		const result = await kit.run('chat', 'setDisappearing', { chat: PHONE, timerSeconds });
		expectOk(result);
		expectRequest(kit.only(), 'POST', `/chat/${encodeURIComponent(JID)}/disappearing`, 'setDisappearingTimer');
		expect(kit.only().json).toEqual({ timer_seconds: timerSeconds });
		expect(result.items[0].json).toEqual({ success: true, chat: JID, timerSeconds, serverStatus: status });
	});

	test('a value WhatsApp does not accept (from an expression) fails before any request', async () => {
		const result = await kit.run('chat', 'setDisappearing', { chat: PHONE, timerSeconds: '={{ 3600 }}' });
		expectRejected(kit, result, 'Disappearing After must be off, 24 hours, 7 days or 90 days, not 3600');
	});

	test('device override', async () => {
		expectOk(await kit.run('chat', 'setDisappearing', { chat: PHONE, timerSeconds: 0, deviceId: 'branch-2' }));
		expect(kit.only().headers['x-device-id']).toBe('branch-2');
	});
});
