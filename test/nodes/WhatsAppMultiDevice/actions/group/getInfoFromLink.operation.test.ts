import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { seededGroup } from './groupFixtures';

describeContract('Group → Get Info From Link (GET /group/info-from-link)', () => {
	const kit = setupConversationKit();

	test('the link (any form) is sent as https://chat.whatsapp.com/CODE; GOWA’s preview is output', async () => {
		const group = seededGroup(kit, 2);
		const result = await kit.run('group', 'getInfoFromLink', { link: `chat.whatsapp.com/${group.inviteCode}?mode=ac_t` });
		expectOk(result);
		expectRequest(kit.only(), 'GET', '/group/info-from-link', 'getGroupInfoFromLink');
		expect(kit.only().query).toEqual({ link: `https://chat.whatsapp.com/${group.inviteCode}` });
		expect(result.items[0].json).toMatchObject({ group_id: group.jid, name: group.name, participant_count: group.participants.length, is_announce: true });
	});

	test('device override', async () => {
		expectOk(await kit.run('group', 'getInfoFromLink', { link: 'AbCdEfGhIjK1234567890', deviceId: 'branch-2' }));
		expectRequest(kit.only(), 'GET', '/group/info-from-link', 'getGroupInfoFromLink', 'branch-2');
	});

	test('not an invite link: fails before any request', async () => {
		expectRejected(kit, await kit.run('group', 'getInfoFromLink', { link: 'https://chat.whatsapp.com/' }), 'Invite Link "https://chat.whatsapp.com/" is not a WhatsApp group invite link');
	});
});
