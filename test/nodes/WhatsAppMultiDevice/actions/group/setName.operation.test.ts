import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { seededGroup } from './groupFixtures';

describeContract('Group → Set Name (POST /group/name)', () => {
	const kit = setupConversationKit();

	test('{group_id, name} trimmed', async () => {
		const group = seededGroup(kit);
		const result = await kit.run('group', 'setName', { groupId: group.jid, name: '  Salon Team 2026  ' });
		expectOk(result);
		expectRequest(kit.only(), 'POST', '/group/name', 'setGroupName');
		expect(kit.only().json).toEqual({ group_id: group.jid, name: 'Salon Team 2026' });
		expect(result.items[0].json).toEqual({ success: true, groupId: group.jid, name: 'Salon Team 2026', serverStatus: "Success update group name to 'Salon Team 2026'" });
		expect(group.name).toBe('Salon Team 2026');
	});

	test('25 characters are counted as GOWA counts them (emoji = 1)', async () => {
		const name = `Salon ✨ Ayu ${'💇'.repeat(13)}`;
		expect([...name]).toHaveLength(25);
		expect(name.length).toBeGreaterThan(25);
		expectOk(await kit.run('group', 'setName', { groupId: seededGroup(kit).jid, name }));
		expectRequest(kit.only(), 'POST', '/group/name', 'setGroupName');
	});

	test('26 characters fail before any request', async () => {
		const result = await kit.run('group', 'setName', { groupId: seededGroup(kit).jid, name: 'Salon Ayu Weekend Shift 26' });
		expectRejected(kit, result, 'Group Name has 26 characters; GOWA accepts at most 25');
	});
});
