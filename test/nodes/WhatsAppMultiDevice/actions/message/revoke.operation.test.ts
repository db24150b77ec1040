import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { phoneOf, seededMessage } from './messageFixtures';

describeContract('Message → Delete for Everyone (POST /message/{id}/revoke)', () => {
	const kit = setupConversationKit();

	test('sends {phone: chat JID}; outputs { deleted: true, forEveryone: true, … }, never an empty item', async () => {
		const message = seededMessage(kit);
		const result = await kit.run('message', 'revoke', { chat: phoneOf(message), messageId: message.id });
		expectOk(result);
		expectRequest(kit.only(), 'POST', `/message/${message.id}/revoke`, 'revokeMessage');
		expect(kit.only().json).toEqual({ phone: message.chat_jid });
		expect(result.items[0].json).toEqual({ deleted: true, forEveryone: true, messageId: message.id, chat: message.chat_jid, serverStatus: expect.any(String) });
		expect(kit.store().findMessage(message.id)).toBeUndefined();
	});

	test('device override', async () => {
		const message = seededMessage(kit);
		expectOk(await kit.run('message', 'revoke', { chat: message.chat_jid, messageId: message.id, deviceId: 'branch-2' }));
		expectRequest(kit.only(), 'POST', `/message/${message.id}/revoke`, 'revokeMessage', 'branch-2');
	});

	test('empty message id (from an expression) fails before any request', async () => {
		expectRejected(kit, await kit.run('message', 'revoke', { chat: '6281234567890', messageId: '={{ $json.id }}' }, [{ json: {} }]), 'Message ID is empty');
	});
});
