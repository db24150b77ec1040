import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupAccountKit } from '../session/accountKit';

describeContract('User → Get My Privacy Settings (GET /user/my/privacy)', () => {
	const kit = setupAccountKit();

	test('the five settings as GOWA returns them', async () => {
		const result = await kit.run('user', 'getPrivacy');
		expectOk(result);
		expectRequest(kit.only(), 'GET', '/user/my/privacy', 'userMyPrivacy', 'salon-main');
		expect(result.items[0].json).toEqual({ group_add: 'all', last_seen: '', status: 'contacts', profile: 'all', read_receipts: 'all' });
	});

	test('a device that is not logged in: GOWA’s 401 session error, explained', async () => {
		const result = await kit.run('user', 'getPrivacy', { deviceId: 'fresh-slot' }, [{ json: {} }], { continueOnFail: true });
		expect(result.items[0].json).toMatchObject({ status: 'failed', errorClass: 'neverPaired' });
	});
});
