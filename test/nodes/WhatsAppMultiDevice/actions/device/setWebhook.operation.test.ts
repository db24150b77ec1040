import { describeContract } from '../../../../harness';
import { expectNoSecrets, expectOk, expectRejected, expectRequest, setupAccountKit } from '../session/accountKit';

const OLD_SECRET = 'old-secret-value-1';
const NEW_SECRET = 'new-secret-value-2';
const CONFIGURED = {
	id: 'salon-main',
	state: 'logged_in',
	webhook: { webhook_url: 'https://old.example.com/hook', webhook_secret: OLD_SECRET, webhook_events: 'message', webhook_insecure_skip_verify: true },
};

type WebhookSim = { setDevices(devices: unknown[]): void; devices: Array<{ id: string; webhook: Record<string, unknown> | null }> };

describeContract('Device → Set Webhook (PATCH /devices/{device_id}/webhook)', () => {
	const kit = setupAccountKit();
	const sim = () => kit.gowa.sim as unknown as WebhookSim;
	const stored = () => sim().devices.find((device) => device.id === 'salon-main')?.webhook;

	beforeEach(() => sim().setDevices([{ ...CONFIGURED, webhook: { ...CONFIGURED.webhook } }]));

	test('Keep Existing Values (default): reads the configuration, changes only the URL, keeps secret, events and TLS setting', async () => {
		const result = await kit.run('device', 'setWebhook', { device: 'salon-main', webhookUrl: 'https://n8n.example.com/webhook/new', keepExisting: true, options: {} });
		expectOk(result);
		const [read, write] = kit.gowa.requests();
		expect(kit.gowa.requests()).toHaveLength(2);
		expectRequest(read, 'GET', '/devices/salon-main/webhook', 'getDeviceWebhook');
		expectRequest(write, 'PATCH', '/devices/salon-main/webhook', 'updateDeviceWebhook');
		expect(write.json).toEqual({
			webhook_url: 'https://n8n.example.com/webhook/new',
			webhook_secret: OLD_SECRET,
			webhook_events: 'message',
			webhook_insecure_skip_verify: true,
		});
		expect(stored()).toEqual({ webhook_url: 'https://n8n.example.com/webhook/new', webhook_secret: OLD_SECRET, webhook_events: 'message', webhook_insecure_skip_verify: true });
		expect(result.items[0].json).toEqual({
			device_id: 'salon-main',
			webhook_url: 'https://n8n.example.com/webhook/new',
			webhook_events: 'message',
			webhook_insecure_skip_verify: true,
			webhookSecretSet: true,
		});
		expectNoSecrets(result, OLD_SECRET);
	});

	test('given options win over the kept values (events multi-select → comma list)', async () => {
		const result = await kit.run('device', 'setWebhook', {
			device: 'salon-main',
			webhookUrl: 'https://n8n.example.com/webhook/new',
			keepExisting: true,
			options: { webhookSecret: NEW_SECRET, webhookEvents: ['message.reaction', 'message'], webhookInsecureSkipVerify: false },
		});
		expectOk(result);
		expect(kit.gowa.requests()[1].json).toEqual({
			webhook_url: 'https://n8n.example.com/webhook/new',
			webhook_secret: NEW_SECRET,
			webhook_events: 'message.reaction,message',
			webhook_insecure_skip_verify: false,
		});
		expectNoSecrets(result, OLD_SECRET, NEW_SECRET);
	});

	test('Keep Existing Values off: one PATCH with the complete configuration, unset fields reset', async () => {
		const result = await kit.run('device', 'setWebhook', { device: 'salon-main', webhookUrl: 'https://n8n.example.com/webhook/new', keepExisting: false, options: {} });
		expectOk(result);
		const request = kit.only();
		expectRequest(request, 'PATCH', '/devices/salon-main/webhook', 'updateDeviceWebhook');
		expect(request.json).toEqual({ webhook_url: 'https://n8n.example.com/webhook/new', webhook_secret: '', webhook_events: '', webhook_insecure_skip_verify: false });
		expect(result.items[0].json.webhookSecretSet).toBe(false);
	});

	test('an empty URL removes the device webhook (webhook_url "" is still sent: GOWA requires the key)', async () => {
		const result = await kit.run('device', 'setWebhook', { device: 'salon-main', webhookUrl: '', keepExisting: false, options: {} });
		expectOk(result);
		expect(kit.only().json).toEqual({ webhook_url: '', webhook_secret: '', webhook_events: '', webhook_insecure_skip_verify: false });
		expect(stored()?.webhook_url).toBe('');
	});

	test.each([
		[{ webhookUrl: 'ftp://x.example.com', options: {} }, 'Webhook URL "ftp://x.example.com" is not an http(s) URL'],
		[{ webhookUrl: 'https://x.example.com', options: { webhookEvents: ['message', 'presence'] } }, 'Events: "presence" is not a GOWA webhook event'],
	])('bad input fails before any request, even the read (%#)', async (parameters, message) => {
		expectRejected(kit, await kit.run('device', 'setWebhook', { device: 'salon-main', keepExisting: true, ...parameters }), message);
	});
});
