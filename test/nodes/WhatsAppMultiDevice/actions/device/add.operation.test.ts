import { describeContract } from '../../../../harness';
import { expectNoSecrets, expectOk, expectRejected, expectRequest, setupAccountKit } from '../session/accountKit';

const SECRET = 'tenant-b-webhook-secret-123';

describeContract('Device → Add (POST /devices)', () => {
	const kit = setupAccountKit();

	test('with a chosen ID and a per-device webhook: events multi-select → comma list; the secret is never output', async () => {
		const result = await kit.run('device', 'add', {
			newDeviceId: ' tenant-b ',
			webhook: {
				webhookUrl: 'https://n8n.example.com/webhook/abc/webhook',
				webhookSecret: SECRET,
				webhookEvents: ['message', 'message.ack', 'call.offer'],
				webhookInsecureSkipVerify: true,
			},
		});
		expectOk(result);
		const request = kit.only();
		expectRequest(request, 'POST', '/devices', 'addDevice');
		expect(request.json).toEqual({
			device_id: 'tenant-b',
			webhook_url: 'https://n8n.example.com/webhook/abc/webhook',
			webhook_secret: SECRET,
			webhook_events: 'message,message.ack,call.offer',
			webhook_insecure_skip_verify: true,
		});
		expect(result.items[0].json).toEqual({
			id: 'tenant-b',
			display_name: '',
			jid: '',
			state: 'disconnected',
			created_at: expect.any(String),
			webhook_url: 'https://n8n.example.com/webhook/abc/webhook',
			webhook_events: 'message,message.ack,call.offer',
			webhook_insecure_skip_verify: true,
			webhookSecretSet: true,
		});
		expectNoSecrets(result, SECRET);
		const created = (kit.gowa.sim as unknown as { devices: Array<{ id: string; webhook: { webhook_secret: string } | null }> }).devices.find((device) => device.id === 'tenant-b');
		expect(created?.webhook?.webhook_secret).toBe(SECRET);
	});

	test('without anything: GOWA picks a random ID; only an empty JSON object is sent', async () => {
		const result = await kit.run('device', 'add', { newDeviceId: '', webhook: {} });
		expectOk(result);
		const request = kit.only();
		expectRequest(request, 'POST', '/devices', 'addDevice');
		expect(request.json).toEqual({});
		expect(result.items[0].json.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(result.items[0].json).not.toHaveProperty('webhook_url');
	});

	test('an existing ID: GOWA’s "already exists" is passed on', async () => {
		const result = await kit.run('device', 'add', { newDeviceId: 'salon-main', webhook: {}, sending: { maxAttempts: 1 } });
		expect(result.error?.message).toMatch(/HTTP 500/);
		expect(result.error?.description).toMatch(/device salon-main already exists/);
	});

	test.each([
		[{ newDeviceId: 'a/b', webhook: {} }, 'Device ID "a/b" contains / ? # or %'],
		[{ newDeviceId: 'x', webhook: { webhookUrl: 'n8n.example.com/hook' } }, 'Webhook URL "n8n.example.com/hook" is not an http(s) URL'],
		[{ newDeviceId: 'x', webhook: { webhookEvents: 'message,messages' } }, 'Events: "messages" is not a GOWA webhook event'],
	])('bad input fails before any request (%#)', async (parameters, message) => {
		expectRejected(kit, await kit.run('device', 'add', parameters), message);
	});
});
