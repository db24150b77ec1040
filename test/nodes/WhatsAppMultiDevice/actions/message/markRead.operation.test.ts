import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { phoneOf, seededMessage } from './messageFixtures';

describeContract('Message → Mark as Read (POST /message/{id}/read)', () => {
	const kit = setupConversationKit();

	test('sends {phone: chat JID}', async () => {
		const message = seededMessage(kit);
		const result = await kit.run('message', 'markRead', { chat: phoneOf(message), messageId: message.id });
		expectOk(result);
		expectRequest(kit.only(), 'POST', `/message/${message.id}/read`, 'readMessage');
		expect(kit.only().json).toEqual({ phone: message.chat_jid });
		expect(result.items[0].json).toEqual({ success: true, read: true, messageId: message.id, chat: message.chat_jid, serverStatus: `Mark as read success ${message.id}` });
	});

	test('a group chat id given bare is sent as …@g.us; device override', async () => {
		expectOk(await kit.run('message', 'markRead', { chat: '120363025246125486', messageId: 'AAAA', deviceId: 'branch-2' }));
		expectRequest(kit.only(), 'POST', '/message/AAAA/read', 'readMessage', 'branch-2');
		expect(kit.only().json).toEqual({ phone: '120363025246125486@g.us' });
	});

	test('local number without Default Country Code fails before any request', async () => {
		const result = await kit.run('message', 'markRead', { chat: '0811 2222 3333', messageId: 'AAAA' }, undefined, { credentials: { defaultCountryCode: '' } });
		expectRejected(kit, result, 'Chat: "0811 2222 3333" is a local number and no Default Country Code is set');
	});
});
