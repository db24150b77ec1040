import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupAccountKit } from '../session/accountKit';

describeContract('User → Get My Contacts (GET /user/my/contacts)', () => {
	const kit = setupAccountKit();

	test('Return All: one item per contact with the phone digits added', async () => {
		const result = await kit.run('user', 'getContacts', { returnAll: true });
		expectOk(result, 50);
		expectRequest(kit.only(), 'GET', '/user/my/contacts', 'userMyContacts', 'salon-main');
		for (const item of result.items) {
			expect(Object.keys(item.json).sort()).toEqual(['jid', 'name', 'phone']);
			const jid = String(item.json.jid);
			expect(item.json.phone).toBe(jid.endsWith('@s.whatsapp.net') ? jid.split('@')[0] : null);
		}
	});

	test('Limit (default 50 → here 7)', async () => {
		const result = await kit.run('user', 'getContacts', { returnAll: false, limit: 7 });
		expectOk(result, 7);
		expect(kit.gowa.requests()).toHaveLength(1);
	});
});
