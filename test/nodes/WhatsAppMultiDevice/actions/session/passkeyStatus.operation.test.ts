import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupAccountKit } from './accountKit';
import { CHALLENGE } from './passkey.fixtures';

type PasskeySim = { setPasskey(id: string, state: object): void };

describeContract('Session → Get Passkey Status (GET /app/passkey)', () => {
	const kit = setupAccountKit();

	test('no pairing in progress', async () => {
		const result = await kit.run('session', 'passkeyStatus');
		expectOk(result);
		expectRequest(kit.only(), 'GET', '/app/passkey', 'appPasskeyStatus', 'salon-main');
		expect(result.items[0].json).toMatchObject({ device_id: 'salon-main', status: 'none' });
	});

	test('awaiting the response: the WebAuthn challenge is output as GOWA sends it', async () => {
		(kit.gowa.sim as unknown as PasskeySim).setPasskey('fresh-slot', { challenge: CHALLENGE });
		const result = await kit.run('session', 'passkeyStatus', { deviceId: 'fresh-slot' });
		expectOk(result);
		expectRequest(kit.only(), 'GET', '/app/passkey', 'appPasskeyStatus', 'fresh-slot');
		expect(result.items[0].json).toMatchObject({ device_id: 'fresh-slot', status: 'awaiting_response', challenge: CHALLENGE });
	});

	test('awaiting confirmation: the code to compare with the phone', async () => {
		(kit.gowa.sim as unknown as PasskeySim).setPasskey('fresh-slot', { code: 'WXYZ-2345' });
		const result = await kit.run('session', 'passkeyStatus', { deviceId: 'fresh-slot' });
		expect(result.items[0].json).toMatchObject({ status: 'awaiting_confirmation', code: 'WXYZ-2345', skip_handoff_ux: false });
	});
});
