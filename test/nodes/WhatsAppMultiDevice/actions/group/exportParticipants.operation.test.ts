import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { digitsOf, seededGroup } from './groupFixtures';

describeContract('Group → Export Participants (GET /group/participants/export)', () => {
	const kit = setupConversationKit();

	test('the CSV as n8n binary: text/csv, GOWA’s file name, the exact bytes', async () => {
		const group = seededGroup(kit, 3);
		const result = await kit.run('group', 'exportParticipants', { groupId: group.jid, binaryPropertyName: 'csv' });
		expectOk(result);
		const request = kit.only();
		expectRequest(request, 'GET', '/group/participants/export', 'exportGroupParticipants');
		expect(request.query).toEqual({ group_id: group.jid });
		const fileName = `group-${group.jid.replace('@', '_')}-participants.csv`;
		const binary = result.items[0].binary?.csv;
		expect(binary?.mimeType).toBe('text/csv');
		expect(binary?.fileName).toBe(fileName);
		const text = binary?.data.toString('utf8') ?? '';
		expect(text).toBe(request.response?.body);
		const lines = text.trim().split('\n');
		expect(lines[0]).toBe('participant_jid,phone_number,lid,display_name,role');
		expect(lines).toHaveLength(group.participants.length + 1);
		expect(lines[1]).toContain(digitsOf(group.participants[0].phone));
		expect(lines[1]).toMatch(/,super_admin$/);
		expect(result.items[0].json).toEqual({ groupId: group.jid, fileName, rows: group.participants.length });
	});

	test('default field "data"; device override', async () => {
		const group = seededGroup(kit);
		const result = await kit.run('group', 'exportParticipants', { groupId: group.jid, deviceId: 'salon-main' });
		expect(Object.keys(result.items[0].binary ?? {})).toEqual(['data']);
		expectRequest(kit.only(), 'GET', '/group/participants/export', 'exportGroupParticipants', 'salon-main');
	});
});
