import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { seededGroup } from './groupFixtures';

describeContract('Group → Set Announcement Mode (POST /group/announce)', () => {
	const kit = setupConversationKit();

	test.each([
		[true, 'Success enable announce mode'],
		[false, 'Success disable announce mode'],
	])('announce %j is sent as a JSON boolean', async (value, status) => {
		const group = seededGroup(kit);
		const result = await kit.run('group', 'setAnnounce', { groupId: group.jid, announce: value });
		expectOk(result);
		expectRequest(kit.only(), 'POST', '/group/announce', 'setGroupAnnounce');
		expect(kit.only().json).toEqual({ group_id: group.jid, announce: value });
		expect(result.items[0].json).toEqual({ success: true, groupId: group.jid, announce: value, serverStatus: status });
		expect(group.announce).toBe(value);
	});

	test('device override', async () => {
		expectOk(await kit.run('group', 'setAnnounce', { groupId: seededGroup(kit).jid, announce: true, deviceId: 'salon-main' }));
		expectRequest(kit.only(), 'POST', '/group/announce', 'setGroupAnnounce', 'salon-main');
	});
});
