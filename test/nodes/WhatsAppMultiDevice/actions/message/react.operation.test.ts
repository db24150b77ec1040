import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { phoneOf, seededMessage } from './messageFixtures';

describeContract('Message → React (POST /message/{id}/reaction)', () => {
	const kit = setupConversationKit();

	test('reacts with an emoji: chat normalised to its JID, message id in the path', async () => {
		const message = seededMessage(kit);
		const result = await kit.run('message', 'react', { chat: phoneOf(message), messageId: ` ${message.id} `, emoji: '🙏' });
		expectOk(result);
		const request = kit.only();
		expectRequest(request, 'POST', `/message/${message.id}/reaction`, 'reactMessage');
		expect(request.json).toEqual({ phone: message.chat_jid, emoji: '🙏' });
		expect(result.items[0].json).toEqual({
			success: true,
			action: 'reacted',
			messageId: message.id,
			chat: message.chat_jid,
			emoji: '🙏',
			reactionMessageId: expect.any(String),
			serverStatus: expect.stringMatching(/^Reaction sent to /),
		});
		expect(kit.store().findMessage(message.id)?.reactions).toEqual([expect.objectContaining({ emoji: '🙏', is_from_me: true })]);
	});

	test('an empty emoji removes this account’s reaction (emoji "" is sent)', async () => {
		const message = seededMessage(kit);
		await kit.run('message', 'react', { chat: message.chat_jid, messageId: message.id, emoji: '👍' });
		kit.gowa.sim.clearRequests();
		const result = await kit.run('message', 'react', { chat: message.chat_jid, messageId: message.id, emoji: '' });
		expectOk(result);
		expectRequest(kit.only(), 'POST', `/message/${message.id}/reaction`, 'reactMessage');
		expect(kit.only().json).toEqual({ phone: message.chat_jid, emoji: '' });
		expect(result.items[0].json).toMatchObject({ action: 'reactionRemoved', emoji: '' });
		expect(kit.store().findMessage(message.id)?.reactions ?? []).toEqual([]);
	});

	test('device override; several items each get their own request', async () => {
		const message = seededMessage(kit);
		const result = await kit.run('message', 'react', { chat: '={{ $json.chat }}', messageId: '={{ $json.id }}', emoji: '={{ $json.emoji }}', deviceId: 'branch-2' }, [
			{ json: { chat: message.chat_jid, id: 'AAAA1111', emoji: '❤️' } },
			{ json: { chat: message.chat_jid, id: 'BBBB2222', emoji: '😂' } },
		]);
		expectOk(result, 2);
		expect(result.items.map((item) => [item.pairedItem, item.json.messageId, item.json.emoji])).toEqual([
			[{ item: 0 }, 'AAAA1111', '❤️'],
			[{ item: 1 }, 'BBBB2222', '😂'],
		]);
		for (const request of kit.gowa.requests()) expect(request.headers['x-device-id']).toBe('branch-2');
		expect(kit.calls()).toEqual(['POST /message/AAAA1111/reaction', 'POST /message/BBBB2222/reaction']);
	});

	describe('bad input fails before any request', () => {
		test('message id with a slash (would change the route)', async () => {
			expectRejected(kit, await kit.run('message', 'react', { chat: '6281234567890', messageId: '../../app/logout', emoji: '👍' }), 'Message ID "../../app/logout" is not a WhatsApp message ID');
		});
		test('chat that is not a chat', async () => {
			expectRejected(kit, await kit.run('message', 'react', { chat: 'nope@example.com', messageId: 'AAAA', emoji: '👍' }), /^Chat: "nope@example.com" is not a WhatsApp chat ID/);
		});
	});
});
