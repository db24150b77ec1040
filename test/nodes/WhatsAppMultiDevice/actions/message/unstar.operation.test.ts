import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { phoneOf, seededMessage } from './messageFixtures';

describeContract('Message → Unstar (POST /message/{id}/unstar)', () => {
	const kit = setupConversationKit();

	test('sends {phone: chat JID}; GOWA answers without results, the node still outputs a clear success', async () => {
		const message = seededMessage(kit);
		const result = await kit.run('message', 'unstar', { chat: phoneOf(message), messageId: message.id });
		expectOk(result);
		expectRequest(kit.only(), 'POST', `/message/${message.id}/unstar`, 'unstarMessage');
		expect(kit.only().json).toEqual({ phone: message.chat_jid });
		expect(kit.only().response?.body).toEqual({ code: 'SUCCESS', message: 'Unstarred message successfully' });
		expect(result.items[0].json).toEqual({ success: true, starred: false, messageId: message.id, chat: message.chat_jid, serverStatus: 'Unstarred message successfully' });
	});

	test('device override', async () => {
		const message = seededMessage(kit);
		expectOk(await kit.run('message', 'unstar', { chat: message.chat_jid, messageId: message.id, deviceId: 'branch-2' }));
		expect(kit.only().headers['x-device-id']).toBe('branch-2');
	});
});
