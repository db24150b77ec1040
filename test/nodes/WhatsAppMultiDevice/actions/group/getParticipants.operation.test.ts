import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { digitsOf, seededGroup } from './groupFixtures';

describeContract('Group → Get Participants (GET /group/participants)', () => {
	const kit = setupConversationKit();

	test('Return All: one item per member, tagged with the group id and name', async () => {
		const group = seededGroup(kit, 4);
		const result = await kit.run('group', 'getParticipants', { groupId: group.jid, returnAll: true });
		expectOk(result, group.participants.length);
		expectRequest(kit.only(), 'GET', '/group/participants', 'getGroupParticipants');
		expect(kit.only().query).toEqual({ group_id: group.jid });
		expect(result.items.map((item) => item.json.phone_number)).toEqual(group.participants.map((participant) => digitsOf(participant.phone)));
		expect(result.items[0].json).toMatchObject({ is_super_admin: true, is_admin: true, group_id: group.jid, group_name: group.name });
	});

	test('Limit cuts the list GOWA answers in one piece', async () => {
		const group = seededGroup(kit, 4);
		expect(group.participants.length).toBeGreaterThan(3);
		expectOk(await kit.run('group', 'getParticipants', { groupId: group.jid, returnAll: false, limit: 3 }), 3);
		expect(kit.gowa.requests()).toHaveLength(1);
	});

	test('device override', async () => {
		const group = seededGroup(kit);
		await kit.run('group', 'getParticipants', { groupId: group.jid, deviceId: 'salon-main' });
		expectRequest(kit.only(), 'GET', '/group/participants', 'getGroupParticipants', 'salon-main');
	});
});
