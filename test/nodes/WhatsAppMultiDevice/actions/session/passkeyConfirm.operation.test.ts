import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupAccountKit } from './accountKit';

type PasskeySim = { setPasskey(id: string, state: object): void; devices: Array<{ id: string; apiState: string }> };

describeContract('Session → Confirm Passkey Pairing (POST /app/passkey/confirm)', () => {
	const kit = setupAccountKit();

	test('confirms the pending code; the device is then logged in', async () => {
		const sim = kit.gowa.sim as unknown as PasskeySim;
		sim.setPasskey('fresh-slot', { code: 'WXYZ-2345' });
		const result = await kit.run('session', 'passkeyConfirm', { deviceId: 'fresh-slot' });
		expectOk(result);
		const request = kit.only();
		expectRequest(request, 'POST', '/app/passkey/confirm', 'appPasskeyConfirm', 'fresh-slot');
		expect(request.rawBody).toHaveLength(0);
		expect(result.items[0].json).toEqual({ success: true, confirmed: true, device_id: 'fresh-slot', message: 'Passkey pairing confirmed' });
		expect(sim.devices.find((device) => device.id === 'fresh-slot')?.apiState).toBe('logged_in');
	});

	test('nothing to confirm: GOWA’s error is passed on', async () => {
		const result = await kit.run('session', 'passkeyConfirm', { deviceId: 'branch-2', sending: { maxAttempts: 1 } });
		expect(result.error?.message).toMatch(/^GOWA failed to carry out the request \(HTTP 500/);
	});
});
