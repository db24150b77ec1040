import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupAccountKit } from '../session/accountKit';

describeContract('Device → Reconnect (POST /devices/{device_id}/reconnect)', () => {
	const kit = setupAccountKit();

	test('reconnects a disconnected device', async () => {
		(kit.gowa.sim as unknown as { setDeviceState(id: string, state: string): void }).setDeviceState('branch-2', 'disconnected');
		const result = await kit.run('device', 'reconnect', { device: 'branch-2' });
		expectOk(result);
		expectRequest(kit.only(), 'POST', '/devices/branch-2/reconnect', 'reconnectDevice');
		expect(result.items[0].json).toEqual({ success: true, reconnected: true, device_id: 'branch-2', message: 'Reconnect requested' });
	});
});
