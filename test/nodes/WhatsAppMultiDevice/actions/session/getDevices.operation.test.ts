import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupAccountKit } from './accountKit';

describeContract('Session → Get Devices (GET /app/devices)', () => {
	const kit = setupAccountKit();

	test('Return All: one item per device, device-scoped request', async () => {
		const result = await kit.run('session', 'getDevices', { returnAll: true });
		expectOk(result, 3);
		expectRequest(kit.only(), 'GET', '/app/devices', 'appDevices', 'salon-main');
		expect(result.items.map((item) => item.json)).toEqual([
			{ name: 'Salon Ayu', device: 'salon-main', jid: '6281200000001@s.whatsapp.net' },
			{ name: 'Salon Ayu Kuta', device: 'branch-2', jid: '6281200000002@s.whatsapp.net' },
			{ name: '', device: 'fresh-slot', jid: '' },
		]);
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('Limit cuts the list', async () => {
		const result = await kit.run('session', 'getDevices', { returnAll: false, limit: 2 });
		expectOk(result, 2);
		expect(result.items.map((item) => item.json.device)).toEqual(['salon-main', 'branch-2']);
	});

	test('a Limit below 1 fails before any request', async () => {
		const result = await kit.run('session', 'getDevices', { returnAll: false, limit: 0 });
		expect(result.error?.message).toMatch(/^Limit must be a whole number of at least 1/);
		expect(kit.gowa.requests()).toHaveLength(0);
	});
});
