import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { seededGroup } from './groupFixtures';

describeContract('Group → Get Invite Link (GET /group/invite-link)', () => {
	const kit = setupConversationKit();

	test('reset off, then on (a new link)', async () => {
		const group = seededGroup(kit);
		const result = await kit.run('group', 'getInviteLink', { groupId: group.jid, reset: false });
		expectOk(result);
		expectRequest(kit.only(), 'GET', '/group/invite-link', 'groupInviteLink');
		expect(kit.only().query).toEqual({ group_id: group.jid, reset: 'false' });
		const first = result.items[0].json.inviteLink as string;
		expect(result.items[0].json).toEqual({ groupId: group.jid, inviteLink: expect.stringMatching(/^https:\/\/chat\.whatsapp\.com\//), reset: false });

		kit.gowa.sim.clearRequests();
		const reset = await kit.run('group', 'getInviteLink', { groupId: group.jid, reset: true, deviceId: 'salon-main' });
		expectRequest(kit.only(), 'GET', '/group/invite-link', 'groupInviteLink');
		expect(kit.only().query).toEqual({ group_id: group.jid, reset: 'true' });
		expect(reset.items[0].json.inviteLink).not.toBe(first);
	});
});
