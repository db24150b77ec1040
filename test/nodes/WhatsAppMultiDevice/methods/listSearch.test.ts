import { runListSearch, runNode, useSimulator } from '../../../harness';

const gowa = useSimulator({
	auth: { username: 'admin', password: 'listsearch-pw' },
	devices: [
		{ id: 'salon-main', jid: '6281100000001@s.whatsapp.net', state: 'logged_in', displayName: 'Salon Ayu' },
		{ id: 'clinic-2', jid: '6281100000002@s.whatsapp.net', state: 'logged_in', displayName: 'Klinik Sehat' },
	],
});

describe('searchDevices (Device pickers)', () => {
	it('lists the devices of the credential’s server, authenticated, through n8n’s LoadOptionsContext', async () => {
		const { result, thrown } = await runListSearch('searchDevices', { credentials: gowa.credentials({ deviceId: '' }) });
		expect(thrown).toBeUndefined();
		expect(result?.results.map((entry) => entry.value)).toEqual(['salon-main', 'clinic-2']);
		expect(result?.results[0].name).toMatch(/^Salon Ayu .*\(logged_in\)$/);
		const [request] = gowa.requests();
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/devices');
		expect(request.headers.authorization).toMatch(/^Basic /);
	});

	it('filters by name or id', async () => {
		const { result } = await runListSearch('searchDevices', { credentials: gowa.credentials({ deviceId: '' }), filter: 'klinik' });
		expect(result?.results.map((entry) => entry.value)).toEqual(['clinic-2']);
	});
});

describe('Device picker values', () => {
	it('sends the device chosen from the list (resource locator value) as X-Device-Id', async () => {
		const result = await runNode({
			parameters: { resource: 'send', operation: 'text', recipient: '6281234567890', message: 'Hi', options: {}, deviceId: { __rl: true, mode: 'list', value: 'clinic-2' } },
			credentials: gowa.credentials({ deviceId: 'salon-main' }),
			items: [{ json: {} }],
		});
		expect(result.error).toBeUndefined();
		expect(gowa.requests()[0].headers['x-device-id']).toBe('clinic-2');
	});

	it('falls back to the credential default when the picker is empty', async () => {
		await runNode({
			parameters: { resource: 'send', operation: 'text', recipient: '6281234567890', message: 'Hi', options: {}, deviceId: { __rl: true, mode: 'list', value: '' } },
			credentials: gowa.credentials({ deviceId: 'salon-main' }),
			items: [{ json: {} }],
		});
		expect(gowa.requests()[0].headers['x-device-id']).toBe('salon-main');
	});

	it('accepts a device id typed in By ID mode for Device operations', async () => {
		const result = await runNode({
			parameters: { resource: 'device', operation: 'getStatus', device: { __rl: true, mode: 'id', value: 'clinic-2' } },
			credentials: gowa.credentials(),
			items: [{ json: {} }],
		});
		expect(result.error).toBeUndefined();
		expect(gowa.requests()[0].path).toBe('/devices/clinic-2/status');
	});
});
