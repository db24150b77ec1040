import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { seededGroup } from './groupFixtures';

describeContract('Group → Get Join Requests (GET /group/participant-requests)', () => {
	const kit = setupConversationKit();

	test('one item per pending request (GOWA answers a bare list), tagged with the group', async () => {
		const group = seededGroup(kit, 0);
		const result = await kit.run('group', 'getJoinRequests', { groupId: group.jid, returnAll: true });
		expectOk(result, group.requests.length);
		expectRequest(kit.only(), 'GET', '/group/participant-requests', 'getGroupParticipantRequests');
		expect(kit.only().query).toEqual({ group_id: group.jid });
		expect(result.items.map((item) => item.json.jid)).toEqual(group.requests.map((request) => request.jid));
		expect(result.items[0].json).toMatchObject({ phone_number: group.requests[0].jid.split('@')[0], requested_at: expect.any(String), group_id: group.jid });
		expect(result.items[1].json).toMatchObject({ phone_number: '', jid: expect.stringMatching(/@lid$/) });
	});

	test('no pending requests (GOWA omits results): no items, not an error', async () => {
		const group = seededGroup(kit, 1);
		expectOk(await kit.run('group', 'getJoinRequests', { groupId: group.jid, returnAll: true }), 0);
	});

	test('Limit', async () => {
		expectOk(await kit.run('group', 'getJoinRequests', { groupId: seededGroup(kit, 0).jid, returnAll: false, limit: 1 }), 1);
	});
});
