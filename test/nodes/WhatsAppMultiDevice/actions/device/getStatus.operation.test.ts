import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupAccountKit } from '../session/accountKit';

describeContract('Device → Get Status (GET /devices/{device_id}/status)', () => {
	const kit = setupAccountKit();

	test('one item per input item, each with its own device (expression)', async () => {
		const result = await kit.run('device', 'getStatus', { device: '={{ $json.id }}' }, [{ json: { id: 'salon-main' } }, { json: { id: 'fresh-slot' } }]);
		expectOk(result, 2);
		const [first, second] = kit.gowa.requests();
		expectRequest(first, 'GET', '/devices/salon-main/status', 'getDeviceStatus');
		expectRequest(second, 'GET', '/devices/fresh-slot/status', 'getDeviceStatus');
		expect(result.items.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ device_id: 'salon-main', is_connected: true, is_logged_in: true }, { item: 0 }],
			[{ device_id: 'fresh-slot', is_connected: false, is_logged_in: false }, { item: 1 }],
		]);
	});
});
