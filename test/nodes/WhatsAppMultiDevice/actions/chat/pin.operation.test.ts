import { describeContract } from '../../../../harness';
import { JID, PHONE, expectOk, expectRejected, expectRequest, setupConversationKit } from './conversationKit';

describeContract('Chat → Pin (POST /chat/{chat_jid}/pin)', () => {
	const kit = setupConversationKit();

	test('pins a chat given as a phone number: JID percent-encoded in the path, {pinned: true}', async () => {
		const result = await kit.run('chat', 'pin', { chat: PHONE, pinned: true });
		expectOk(result);
		const request = kit.only();
		expect(request.rawPath).toBe(`/gowa/chat/${encodeURIComponent(JID)}/pin`);
		expectRequest(request, 'POST', `/chat/${encodeURIComponent(JID)}/pin`, 'pinChat');
		expect(request.json).toEqual({ pinned: true });
		expect(result.items[0].json).toEqual({ success: true, chat: JID, pinned: true, serverStatus: 'Chat pinned successfully' });
	});

	test('Pinned off unpins; the simulated chat follows', async () => {
		const chat = [...kit.store().chats.values()][0];
		chat.pinned = true;
		expectOk(await kit.run('chat', 'pin', { chat: chat.jid, pinned: false }));
		expect(kit.only().json).toEqual({ pinned: false });
		expect(chat.pinned).toBe(false);
	});

	test('device override, and bad chats fail before any request', async () => {
		expectOk(await kit.run('chat', 'pin', { chat: '120363025246125486@g.us', pinned: true, deviceId: 'branch-2' }));
		expectRequest(kit.only(), 'POST', '/chat/120363025246125486%40g.us/pin', 'pinChat', 'branch-2');
		kit.gowa.sim.clearRequests();
		expectRejected(kit, await kit.run('chat', 'pin', { chat: '={{ $json.chat }}', pinned: true }, [{ json: { chat: '' } }]), 'Chat: The recipient is empty');
	});
});
