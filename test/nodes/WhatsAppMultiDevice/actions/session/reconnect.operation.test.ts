import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupAccountKit } from './accountKit';

describeContract('Session → Reconnect (GET /app/reconnect)', () => {
	const kit = setupAccountKit();

	test('reconnects the default device', async () => {
		(kit.gowa.sim as unknown as { setDeviceState(id: string, state: string): void }).setDeviceState('salon-main', 'disconnected');
		const result = await kit.run('session', 'reconnect');
		expectOk(result);
		expectRequest(kit.only(), 'GET', '/app/reconnect', 'appReconnect', 'salon-main');
		expect(result.items[0].json).toEqual({ success: true, reconnected: true, device_id: 'salon-main', message: 'Reconnect success' });
	});

	test('a device that was never paired: GOWA’s error is passed on', async () => {
		const result = await kit.run('session', 'reconnect', { deviceId: 'fresh-slot', sending: { maxAttempts: 1 } }, [{ json: {} }], { continueOnFail: true });
		expect(result.items[0].json).toMatchObject({ status: 'failed', httpCode: 500, error: expect.stringMatching(/^GOWA failed to carry out the request/) });
	});
});
