import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupAccountKit } from '../session/accountKit';

describeContract('Device → Get (GET /devices/{device_id})', () => {
	const kit = setupAccountKit();

	test('the device, addressed in the path (no X-Device-Id)', async () => {
		const result = await kit.run('device', 'get', { device: 'branch-2' });
		expectOk(result);
		expectRequest(kit.only(), 'GET', '/devices/branch-2', 'getDevice');
		expect(result.items[0].json).toEqual({
			id: 'branch-2',
			phone_number: '6281200000002',
			display_name: 'Salon Ayu Kuta',
			state: 'logged_in',
			jid: '6281200000002@s.whatsapp.net',
			created_at: expect.any(String),
		});
	});

	test('a device whose ID is a JID (legacy session) reaches GOWA verbatim: : and @ are not encoded', async () => {
		const id = '6281299999999:12@s.whatsapp.net';
		(kit.gowa.sim as unknown as { setDevices(devices: unknown[]): void }).setDevices([{ id, jid: id, state: 'logged_in' }]);
		const result = await kit.run('device', 'get', { device: id });
		expectOk(result);
		const request = kit.only();
		expect(request.rawPath).toBe(`/gowa/devices/${id}`);
		expectRequest(request, 'GET', `/devices/${id}`, 'getDevice');
		expect(result.items[0].json.id).toBe(id);
	});

	test('characters that would change the route are encoded', async () => {
		const result = await kit.run('device', 'get', { device: 'a/b?c', sending: { maxAttempts: 1 } }, [{ json: {} }], { continueOnFail: true });
		expect(kit.only().rawPath).toBe('/gowa/devices/a%2Fb%3Fc');
		// GOWA answers unknown device IDs with 500 "device … not found" (NOTES §10.4).
		expect(result.items[0].json).toMatchObject({ status: 'failed', httpCode: 500 });
	});
});
