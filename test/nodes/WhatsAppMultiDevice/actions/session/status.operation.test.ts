import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupAccountKit } from './accountKit';

describeContract('Session → Get Status (GET /app/status)', () => {
	const kit = setupAccountKit();

	test('status of the credential’s default device', async () => {
		const result = await kit.run('session', 'status');
		expectOk(result);
		expectRequest(kit.only(), 'GET', '/app/status', 'appStatus', 'salon-main');
		expect(result.items[0].json).toEqual({ is_connected: true, is_logged_in: true, device_id: 'salon-main', jid: '6281200000001@s.whatsapp.net' });
	});

	test('the Device ID override is sent per item (an expression)', async () => {
		const result = await kit.run('session', 'status', { deviceId: '={{ $json.device }}' }, [{ json: { device: 'fresh-slot' } }, { json: { device: 'branch-2' } }]);
		expectOk(result, 2);
		const [first, second] = kit.gowa.requests();
		expectRequest(first, 'GET', '/app/status', 'appStatus', 'fresh-slot');
		expectRequest(second, 'GET', '/app/status', 'appStatus', 'branch-2');
		expect(result.items.map((item) => [item.json.device_id, item.json.is_logged_in, item.pairedItem])).toEqual([
			['fresh-slot', false, { item: 0 }],
			['branch-2', true, { item: 1 }],
		]);
	});

	test('an unknown device fails with GOWA’s DEVICE_NOT_FOUND explained', async () => {
		const result = await kit.run('session', 'status', { deviceId: 'nope' });
		expect(result.error?.message).toBe('GOWA has no device "nope"');
	});
});
