import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { seededGroup } from './groupFixtures';

describeContract('Group → Set Description (POST /group/topic)', () => {
	const kit = setupConversationKit();

	test('{group_id, topic}', async () => {
		const group = seededGroup(kit);
		const result = await kit.run('group', 'setTopic', { groupId: group.jid, topic: 'Open 9–18, Sun closed' });
		expectOk(result);
		expectRequest(kit.only(), 'POST', '/group/topic', 'setGroupTopic');
		expect(kit.only().json).toEqual({ group_id: group.jid, topic: 'Open 9–18, Sun closed' });
		expect(result.items[0].json).toEqual({ success: true, groupId: group.jid, topic: 'Open 9–18, Sun closed', removed: false, serverStatus: 'Success update group topic' });
		expect(group.topic).toBe('Open 9–18, Sun closed');
	});

	test('empty removes the description: topic "" is sent', async () => {
		const group = seededGroup(kit, 0);
		expect(group.topic).not.toBe('');
		const result = await kit.run('group', 'setTopic', { groupId: group.jid, topic: '' });
		expectOk(result);
		expectRequest(kit.only(), 'POST', '/group/topic', 'setGroupTopic');
		expect(kit.only().json).toEqual({ group_id: group.jid, topic: '' });
		expect(result.items[0].json).toMatchObject({ removed: true, serverStatus: 'Success remove group topic' });
		expect(group.topic).toBe('');
	});
});
