import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupAccountKit } from '../session/accountKit';

describeContract('User → Get My Groups (GET /user/my/groups)', () => {
	const kit = setupAccountKit();

	test('Simplify (default): one flat item per group; raw: whatsmeow GroupInfo', async () => {
		const simple = await kit.run('user', 'getGroups', { returnAll: true, simplify: true });
		expectOk(simple, 5);
		expectRequest(kit.only(), 'GET', '/user/my/groups', 'userMyGroups', 'salon-main');
		kit.gowa.sim.clearRequests();
		const raw = await kit.run('user', 'getGroups', { returnAll: true, simplify: false });
		expectOk(raw, 5);

		for (const [index, item] of simple.items.entries()) {
			const group = raw.items[index].json as { JID: string; Name: string; Participants: unknown[]; IsLocked: boolean; IsAnnounce: boolean };
			expect(Object.keys(item.json).sort()).toEqual(
				['admins', 'created_at', 'group_id', 'is_announce', 'is_community', 'is_ephemeral', 'is_locked', 'name', 'owner_jid', 'participant_count', 'topic'].sort(),
			);
			expect(item.json).toMatchObject({
				group_id: group.JID,
				name: group.Name,
				participant_count: group.Participants.length,
				is_locked: group.IsLocked,
				is_announce: group.IsAnnounce,
			});
			expect(group.JID).toMatch(/@g\.us$/);
		}
	});

	test('Limit cuts the list', async () => {
		const result = await kit.run('user', 'getGroups', { returnAll: false, limit: 2, simplify: true });
		expectOk(result, 2);
	});
});
