import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupAccountKit } from '../session/accountKit';

describeContract('User → Set My Display Name (POST /user/pushname)', () => {
	const kit = setupAccountKit();

	test('JSON { push_name }, trimmed', async () => {
		const result = await kit.run('user', 'setPushName', { pushName: '  Salon Ayu – Kuta ', deviceId: 'branch-2' });
		expectOk(result);
		const request = kit.only();
		expectRequest(request, 'POST', '/user/pushname', 'userChangePushName', 'branch-2');
		expect(request.json).toEqual({ push_name: 'Salon Ayu – Kuta' });
		expect(result.items[0].json).toEqual({ success: true, pushName: 'Salon Ayu – Kuta', message: 'Success change push name' });
	});

	test('a blank name fails before any request', async () => {
		expectRejected(kit, await kit.run('user', 'setPushName', { pushName: '={{ $json.name }}' }, [{ json: { name: '   ' } }]), 'Display Name is empty');
	});
});
