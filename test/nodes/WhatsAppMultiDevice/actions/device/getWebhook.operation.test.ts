import { describeContract } from '../../../../harness';
import { expectNoSecrets, expectOk, expectRequest, setupAccountKit } from '../session/accountKit';

const SECRET = 'salon-webhook-secret-XYZ';

describeContract('Device → Get Webhook (GET /devices/{device_id}/webhook)', () => {
	const kit = setupAccountKit();

	test('the configuration without the secret GOWA returns in plain text', async () => {
		(kit.gowa.sim as unknown as { setDevices(devices: unknown[]): void }).setDevices([
			{ id: 'salon-main', state: 'logged_in', webhook: { webhook_url: 'https://n8n.example.com/webhook/x', webhook_secret: SECRET, webhook_events: 'message,message.ack', webhook_insecure_skip_verify: false } },
		]);
		const result = await kit.run('device', 'getWebhook', { device: 'salon-main' });
		expectOk(result);
		const request = kit.only();
		expectRequest(request, 'GET', '/devices/salon-main/webhook', 'getDeviceWebhook');
		expect(JSON.stringify(request.response)).toContain(SECRET);
		expect(result.items[0].json).toEqual({
			device_id: 'salon-main',
			webhook_url: 'https://n8n.example.com/webhook/x',
			webhook_events: 'message,message.ack',
			webhook_insecure_skip_verify: false,
			webhookSecretSet: true,
		});
		expectNoSecrets(result, SECRET);
	});

	test('a device without its own webhook: empty values', async () => {
		const result = await kit.run('device', 'getWebhook', { device: 'branch-2' });
		expect(result.items[0].json).toEqual({ device_id: 'branch-2', webhook_url: '', webhook_events: '', webhook_insecure_skip_verify: false, webhookSecretSet: false });
	});

	test('an unknown device: GOWA’s 404 NOT_FOUND', async () => {
		const result = await kit.run('device', 'getWebhook', { device: 'nope' });
		expect(result.error?.httpCode).toBe('404');
	});
});
