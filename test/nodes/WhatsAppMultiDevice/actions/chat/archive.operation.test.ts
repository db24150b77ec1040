import { describeContract } from '../../../../harness';
import { JID, PHONE, expectOk, expectRejected, expectRequest, setupConversationKit } from './conversationKit';

describeContract('Chat → Archive (POST /chat/{chat_jid}/archive)', () => {
	const kit = setupConversationKit();

	test('archives: {archived: true}; unarchives: {archived: false}', async () => {
		const chat = [...kit.store().chats.values()].find((candidate) => !candidate.archived && candidate.jid.endsWith('@s.whatsapp.net'));
		if (!chat) throw new Error('no chat');
		const result = await kit.run('chat', 'archive', { chat: chat.jid, archived: true });
		expectOk(result);
		expectRequest(kit.only(), 'POST', `/chat/${encodeURIComponent(chat.jid)}/archive`, 'archiveChat');
		expect(kit.only().json).toEqual({ archived: true });
		expect(result.items[0].json).toEqual({ success: true, chat: chat.jid, archived: true, serverStatus: expect.any(String) });
		expect(chat.archived).toBe(true);

		kit.gowa.sim.clearRequests();
		expectOk(await kit.run('chat', 'archive', { chat: chat.jid, archived: false }));
		expect(kit.only().json).toEqual({ archived: false });
		expect(chat.archived).toBe(false);
	});

	test('local phone numbers use the Default Country Code; device override', async () => {
		expectOk(await kit.run('chat', 'archive', { chat: '0811-2222-3333', archived: true, deviceId: 'branch-2' }));
		expectRequest(kit.only(), 'POST', `/chat/${encodeURIComponent(JID)}/archive`, 'archiveChat', 'branch-2');
		expect(PHONE.replace(/\D/g, '')).toBe(JID.split('@')[0]);
	});

	test('bad chat fails before any request', async () => {
		expectRejected(kit, await kit.run('chat', 'archive', { chat: 'front desk', archived: true }), 'Chat: "front desk" is not a phone number');
	});
});
