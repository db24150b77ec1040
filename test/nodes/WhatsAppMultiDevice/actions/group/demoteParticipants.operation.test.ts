import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { digitsOf, seededGroup } from './groupFixtures';

describeContract('Group → Demote Participants (POST /group/participants/demote)', () => {
	const kit = setupConversationKit();

	test('{group_id, participants: bare numbers}; one item per participant outcome', async () => {
		const group = seededGroup(kit, 1);
		const member = group.participants[1].phone;
		const expected = [digitsOf(member)];
		expect(group.participants[1].isAdmin).toBe(true);
		const result = await kit.run('group', 'demoteParticipants', { groupId: group.jid, participants: `${member}` });
		expectOk(result, expected.length);
		expectRequest(kit.only(), 'POST', '/group/participants/demote', 'demoteParticipantToMember');
		expect(kit.only().json).toEqual({ group_id: group.jid, participants: expected });
		expect(result.items.map((item) => item.json)).toEqual(
			expected.map((number) => ({ groupId: group.jid, action: 'demote', participant: `${number}@s.whatsapp.net`, status: 'success', message: expect.any(String) })),
		);
		expect(group.participants.find((participant) => participant.phone === member)?.isAdmin).toBe(false);
	});

	test('device override', async () => {
		const group = seededGroup(kit, 1);
		expectOk(await kit.run('group', 'demoteParticipants', { groupId: group.jid, participants: digitsOf(group.participants[1].phone), deviceId: 'salon-main' }));
		expectRequest(kit.only(), 'POST', '/group/participants/demote', 'demoteParticipantToMember', 'salon-main');
	});

	test('a LID or an empty list fails before any request', async () => {
		const group = seededGroup(kit, 1);
		const lid = group.participants[1].lid;
		expectRejected(kit, await kit.run('group', 'demoteParticipants', { groupId: group.jid, participants: lid }), `Participants: "${lid}" is not a phone number`);
		expectRejected(kit, await kit.run('group', 'demoteParticipants', { groupId: group.jid, participants: '={{ [] }}' }), 'Participants is empty');
	});
});
