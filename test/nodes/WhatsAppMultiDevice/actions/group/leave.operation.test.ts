import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { seededGroup } from './groupFixtures';

describeContract('Group → Leave (POST /group/leave)', () => {
	const kit = setupConversationKit();

	test('{group_id}; a clear success item although GOWA answers without results', async () => {
		const group = seededGroup(kit);
		const result = await kit.run('group', 'leave', { groupId: group.jid });
		expectOk(result);
		expectRequest(kit.only(), 'POST', '/group/leave', 'leaveGroup');
		expect(kit.only().json).toEqual({ group_id: group.jid });
		expect(result.items[0].json).toEqual({ success: true, groupId: group.jid, left: true, serverStatus: 'Success leave group' });
		expect(group.left).toBe(true);
	});

	test('empty group id fails before any request', async () => {
		expectRejected(kit, await kit.run('group', 'leave', { groupId: '={{ $json.g }}' }, [{ json: {} }]), 'Group ID: The group ID is empty');
	});
});
