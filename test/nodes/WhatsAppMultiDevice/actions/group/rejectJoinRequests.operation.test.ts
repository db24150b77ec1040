import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { digitsOf, seededGroup } from './groupFixtures';

describeContract('Group → Reject Join Requests (POST /group/participant-requests/reject)', () => {
	const kit = setupConversationKit();

	test('{group_id, participants: bare numbers}; one item per participant; an unknown one is reported, not thrown', async () => {
		const group = seededGroup(kit, 0);
		const pending = group.requests[0].jid;
		const result = await kit.run('group', 'rejectJoinRequests', { groupId: group.jid, participants: `+${digitsOf(pending)}, 6281100000099` });
		expectOk(result, 2);
		expectRequest(kit.only(), 'POST', '/group/participant-requests/reject', 'rejectGroupParticipantRequest');
		expect(kit.only().json).toEqual({ group_id: group.jid, participants: [digitsOf(pending), '6281100000099'] });
		expect(result.items.map((item) => [item.json.participant, item.json.status, item.json.action])).toEqual([
			[pending, 'success', 'reject'],
			['6281100000099@s.whatsapp.net', 'error', 'reject'],
		]);
		expect(group.requests.map((request) => request.jid)).not.toContain(pending);
	});

	test('a request that only shows a LID cannot be handled through GOWA: fails before any request', async () => {
		const group = seededGroup(kit, 0);
		const lid = group.requests[1].jid;
		expectRejected(kit, await kit.run('group', 'rejectJoinRequests', { groupId: group.jid, participants: lid }), `Participants: "${lid}" is not a phone number`);
	});
});
