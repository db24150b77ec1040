import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupConversationKit } from '../chat/conversationKit';

describeContract('Group → Join (POST /group/join-with-link)', () => {
	const kit = setupConversationKit();

	test('{link} with the canonical link; outputs the group joined', async () => {
		const result = await kit.run('group', 'join', { link: 'AbCdEfGhIjK1234567890' });
		expectOk(result);
		expectRequest(kit.only(), 'POST', '/group/join-with-link', 'joinGroupWithLink');
		expect(kit.only().json).toEqual({ link: 'https://chat.whatsapp.com/AbCdEfGhIjK1234567890' });
		const groupId = result.items[0].json.groupId as string;
		expect(result.items[0].json).toEqual({ joined: true, groupId: expect.stringMatching(/@g\.us$/), link: 'https://chat.whatsapp.com/AbCdEfGhIjK1234567890' });
		expect(kit.store().groups.get(groupId)?.left).toBe(false);
	});

	test('not an invite link: fails before any request', async () => {
		expectRejected(kit, await kit.run('group', 'join', { link: 'https://example.com/join/abc' }), 'Invite Link "https://example.com/join/abc" is not a WhatsApp group invite link');
	});
});
