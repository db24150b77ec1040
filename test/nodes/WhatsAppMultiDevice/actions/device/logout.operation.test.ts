import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupAccountKit } from '../session/accountKit';

describeContract('Device → Log Out (POST /devices/{device_id}/logout)', () => {
	const kit = setupAccountKit();

	test('unlinks WhatsApp, keeps the slot, outputs a clear success object', async () => {
		const result = await kit.run('device', 'logout', { device: 'salon-main' });
		expectOk(result);
		const request = kit.only();
		expectRequest(request, 'POST', '/devices/salon-main/logout', 'logoutDevice');
		expect(request.rawBody).toHaveLength(0);
		expect(result.items[0].json).toEqual({ success: true, loggedOut: true, device_id: 'salon-main', message: 'Logout requested' });
		const device = (kit.gowa.sim as unknown as { devices: Array<{ id: string; apiState: string; jid: string }> }).devices.find((entry) => entry.id === 'salon-main');
		expect(device).toMatchObject({ apiState: 'disconnected', jid: '' });
	});
});
