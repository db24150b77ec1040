import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupAccountKit } from './accountKit';

describeContract('Session → Log Out (GET /app/logout)', () => {
	const kit = setupAccountKit();

	test('unlinks the chosen device and says so (never an empty item); the slot stays', async () => {
		const result = await kit.run('session', 'logout', { deviceId: 'branch-2' });
		expectOk(result);
		expectRequest(kit.only(), 'GET', '/app/logout', 'appLogout', 'branch-2');
		expect(result.items[0].json).toEqual({ success: true, loggedOut: true, device_id: 'branch-2', message: 'Success logout' });
		const devices = (kit.gowa.sim as unknown as { devices: Array<{ id: string; apiState: string }> }).devices;
		expect(devices.find((device) => device.id === 'branch-2')?.apiState).toBe('disconnected');
		expect(devices.find((device) => device.id === 'salon-main')?.apiState).toBe('logged_in');
	});
});
