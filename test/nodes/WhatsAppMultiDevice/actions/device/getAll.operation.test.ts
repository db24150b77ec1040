import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupAccountKit } from '../session/accountKit';

describeContract('Device → Get Many (GET /devices)', () => {
	const kit = setupAccountKit();

	test('one item per device; not device-scoped (no X-Device-Id even with a credential default)', async () => {
		const result = await kit.run('device', 'getAll', { returnAll: true, filters: {} });
		expectOk(result, 3);
		expectRequest(kit.only(), 'GET', '/devices', 'listDevices');
		expect(result.items.map((item) => item.json)).toEqual([
			{ id: 'salon-main', phone_number: '6281200000001', display_name: 'Salon Ayu', state: 'logged_in', jid: '6281200000001@s.whatsapp.net', created_at: expect.any(String) },
			{ id: 'branch-2', phone_number: '6281200000002', display_name: 'Salon Ayu Kuta', state: 'logged_in', jid: '6281200000002@s.whatsapp.net', created_at: expect.any(String) },
			{ id: 'fresh-slot', state: 'disconnected', created_at: expect.any(String) },
		]);
	});

	test('State filter and Limit', async () => {
		const disconnected = await kit.run('device', 'getAll', { returnAll: true, filters: { state: ['disconnected'] } });
		expect(disconnected.items.map((item) => item.json.id)).toEqual(['fresh-slot']);
		const limited = await kit.run('device', 'getAll', { returnAll: false, limit: 1, filters: { state: ['logged_in', 'disconnected'] } });
		expect(limited.items.map((item) => item.json.id)).toEqual(['salon-main']);
	});

	test('a fresh server (results: null) gives no items and no error', async () => {
		(kit.gowa.sim as unknown as { setDevices(devices: unknown[]): void }).setDevices([]);
		const result = await kit.run('device', 'getAll', { returnAll: true, filters: {} });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
		expect(kit.only().response).toMatchObject({ status: 200 });
	});
});
