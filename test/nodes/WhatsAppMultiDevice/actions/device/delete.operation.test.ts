import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupAccountKit } from '../session/accountKit';

describeContract('Device → Delete (DELETE /devices/{device_id})', () => {
	const kit = setupAccountKit();

	test('removes the slot and outputs { deleted: true }', async () => {
		const result = await kit.run('device', 'delete', { device: 'branch-2' });
		expectOk(result);
		expectRequest(kit.only(), 'DELETE', '/devices/branch-2', 'removeDevice');
		expect(result.items[0].json).toEqual({ deleted: true, device_id: 'branch-2', message: 'Device removed' });
		const ids = (kit.gowa.sim as unknown as { devices: Array<{ id: string }> }).devices.map((device) => device.id);
		expect(ids).toEqual(['salon-main', 'fresh-slot']);
	});

	test('an empty Device ID (from an expression) fails before any request', async () => {
		const result = await kit.run('device', 'delete', { device: '={{ $json.id }}' }, [{ json: { id: '  ' } }]);
		expect(result.error?.message).toBe('Device ID is empty');
		expect(kit.gowa.requests()).toHaveLength(0);
	});
});
