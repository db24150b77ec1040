import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { digitsOf, seededGroup } from './groupFixtures';

describeContract('Group → Get (GET /group/info)', () => {
	const kit = setupConversationKit();

	test('group_id in the query; GOWA’s group info as is', async () => {
		const group = seededGroup(kit);
		const result = await kit.run('group', 'get', { groupId: group.jid });
		expectOk(result);
		expectRequest(kit.only(), 'GET', '/group/info', 'groupInfo');
		expect(kit.only().query).toEqual({ group_id: group.jid });
		expect(result.items[0].json).toMatchObject({ JID: group.jid, Name: group.name });
		expect(Array.isArray(result.items[0].json.Participants)).toBe(true);
	});

	test('a bare group id gets @g.us (GOWA would append @s.whatsapp.net to ids of 15 digits or fewer)', async () => {
		const group = seededGroup(kit);
		expectOk(await kit.run('group', 'get', { groupId: digitsOf(group.jid), deviceId: 'salon-main' }));
		expect(kit.only().query).toEqual({ group_id: group.jid });
	});

	test('a phone JID is not a group id', async () => {
		expectRejected(kit, await kit.run('group', 'get', { groupId: '6281234567890@s.whatsapp.net' }), 'Group ID: "6281234567890@s.whatsapp.net" is not a group ID');
	});
});
