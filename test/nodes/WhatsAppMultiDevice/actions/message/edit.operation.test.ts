import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { phoneOf, seededMessage } from './messageFixtures';

describeContract('Message → Edit (POST /message/{id}/update)', () => {
	const kit = setupConversationKit();

	test('sends {phone, message} and the text as typed (new lines, formatting)', async () => {
		const message = seededMessage(kit);
		const result = await kit.run('message', 'edit', { chat: phoneOf(message), messageId: message.id, message: '*Updated*: 11:30\nsee you' });
		expectOk(result);
		expectRequest(kit.only(), 'POST', `/message/${message.id}/update`, 'updateMessage');
		expect(kit.only().json).toEqual({ phone: message.chat_jid, message: '*Updated*: 11:30\nsee you' });
		expect(result.items[0].json).toEqual({ success: true, edited: true, messageId: message.id, chat: message.chat_jid, message: '*Updated*: 11:30\nsee you', serverStatus: expect.any(String) });
		expect(kit.store().findMessage(message.id)?.content).toBe('*Updated*: 11:30\nsee you');
	});

	test('empty new text (from an expression) fails before any request', async () => {
		const result = await kit.run('message', 'edit', { chat: '6281234567890', messageId: 'AAAA', message: '={{ $json.text }}' }, [{ json: { text: '  ' } }]);
		expectRejected(kit, result, 'New Text is empty');
	});

	test('device override', async () => {
		const message = seededMessage(kit);
		expectOk(await kit.run('message', 'edit', { chat: message.chat_jid, messageId: message.id, message: 'x', deviceId: 'branch-2' }));
		expect(kit.only().headers['x-device-id']).toBe('branch-2');
	});
});
