import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupAccountKit } from '../session/accountKit';

describeContract('Device → Log In With Pairing Code (POST /devices/{device_id}/login/code)', () => {
	const kit = setupAccountKit();

	test('phone in the query (normalised), no body; the pairing code is output', async () => {
		const result = await kit.run('device', 'loginWithCode', { device: 'fresh-slot', phone: '+62 812-3456-7890' });
		expectOk(result);
		const request = kit.only();
		expectRequest(request, 'POST', '/devices/fresh-slot/login/code', 'loginDeviceWithCode');
		expect(request.query).toEqual({ phone: '6281234567890' });
		expect(request.rawBody).toHaveLength(0);
		expect(result.items[0].json).toEqual({ device_id: 'fresh-slot', pair_code: expect.stringMatching(/^[1-9A-Z]{4}-[1-9A-Z]{4}$/), phone: '6281234567890' });
	});

	test('a local number without Default Country Code fails before any request', async () => {
		const result = await kit.run('device', 'loginWithCode', { device: 'fresh-slot', phone: '0812 3456 7890' }, [{ json: {} }], { credentials: { defaultCountryCode: '' } });
		expectRejected(kit, result, 'Phone Number: "0812 3456 7890" is a local number and no Default Country Code is set');
	});
});
