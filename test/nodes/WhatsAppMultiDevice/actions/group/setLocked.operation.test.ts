import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { seededGroup } from './groupFixtures';

describeContract('Group → Set Locked (POST /group/locked)', () => {
	const kit = setupConversationKit();

	test.each([
		[true, 'Success set group as locked'],
		[false, 'Success set group as unlocked'],
	])('locked %j is sent as a JSON boolean', async (value, status) => {
		const group = seededGroup(kit);
		const result = await kit.run('group', 'setLocked', { groupId: group.jid, locked: value });
		expectOk(result);
		expectRequest(kit.only(), 'POST', '/group/locked', 'setGroupLocked');
		expect(kit.only().json).toEqual({ group_id: group.jid, locked: value });
		expect(result.items[0].json).toEqual({ success: true, groupId: group.jid, locked: value, serverStatus: status });
		expect(group.locked).toBe(value);
	});

	test('device override', async () => {
		expectOk(await kit.run('group', 'setLocked', { groupId: seededGroup(kit).jid, locked: true, deviceId: 'salon-main' }));
		expectRequest(kit.only(), 'POST', '/group/locked', 'setGroupLocked', 'salon-main');
	});
});
