import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { digitsOf, seededGroup } from './groupFixtures';

describeContract('Group → Add Participants (POST /group/participants)', () => {
	const kit = setupConversationKit();

	test('{group_id, participants: bare numbers}; one item per participant outcome', async () => {
		const group = seededGroup(kit, 1);
		const expected = ['6281199990001', '6281199990002'];
		const result = await kit.run('group', 'addParticipants', { groupId: group.jid, participants: '+62 811-9999-0001, 0811 9999 0002' });
		expectOk(result, expected.length);
		expectRequest(kit.only(), 'POST', '/group/participants', 'addParticipantToGroup');
		expect(kit.only().json).toEqual({ group_id: group.jid, participants: expected });
		expect(result.items.map((item) => item.json)).toEqual(
			expected.map((number) => ({ groupId: group.jid, action: 'add', participant: `${number}@s.whatsapp.net`, status: 'success', message: expect.any(String) })),
		);
		expect(group.participants.map((participant) => participant.phone)).toEqual(expect.arrayContaining(['6281199990001@s.whatsapp.net', '6281199990002@s.whatsapp.net']));
	});

	test('device override', async () => {
		const group = seededGroup(kit, 1);
		expectOk(await kit.run('group', 'addParticipants', { groupId: group.jid, participants: digitsOf(group.participants[1].phone), deviceId: 'salon-main' }));
		expectRequest(kit.only(), 'POST', '/group/participants', 'addParticipantToGroup', 'salon-main');
	});

	test('a LID or an empty list fails before any request', async () => {
		const group = seededGroup(kit, 1);
		const lid = group.participants[1].lid;
		expectRejected(kit, await kit.run('group', 'addParticipants', { groupId: group.jid, participants: lid }), `Participants: "${lid}" is not a phone number`);
		expectRejected(kit, await kit.run('group', 'addParticipants', { groupId: group.jid, participants: '={{ [] }}' }), 'Participants is empty');
	});
});
