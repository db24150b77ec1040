'use strict';
/**
 * Automatic registration in real n8n: publishing a workflow whose trigger names a device points that device's
 * webhook (PATCH /devices/{id}/webhook) at the trigger's production URL with a generated secret; events GOWA then
 * sends for the device start executions; unpublishing puts the device's previous webhook back.
 * The workflow is created through the public API inside the case, after its simulator device exists.
 */

const DEVICE = { id: 'trigger-e2e-device', jid: '6281100000092@s.whatsapp.net' };
const WEBHOOK_ID = 'e2e7a002-7219-4e2e-9000-00000000a002';
const CRM_HOOK = {
	webhook_url: 'https://crm.tenant-a.example/gowa-events',
	webhook_secret: 'crm-secret-7f2a',
	webhook_events: 'message,message.ack',
	webhook_insecure_skip_verify: false,
};

const { eventually } = require('../lib/runner');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function workflowBody(t) {
	return {
		name: 'e2e: WhatsApp MultiDevice Trigger (registered on a device)',
		nodes: [
			{
				parameters: { events: ['message', 'message.reaction'], deviceId: DEVICE.id, registerWebhook: true, secretSource: 'generated', options: {} },
				id: 'e2e7a002-0000-4000-8000-000000000001',
				name: 'WhatsApp Trigger',
				type: 'n8n-nodes-whatsapp-multidevice.whatsAppMultiDeviceTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				credentials: { whatsAppMultiDeviceApi: t.CREDENTIALS.gowa },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}


/** The device's webhook configuration in the simulator (read from its state, so nothing is added to the record). */
async function deviceWebhook(t) {
	const device = t.sim.registry.find(DEVICE.id);
	return device && device.webhook ? { ...device.webhook } : {};
}

module.exports = [
	{
		name: 'trigger: publishing registers the webhook on the device, GOWA’s events start executions, unpublishing restores the previous webhook',
		async run(t) {
			t.sim.registry.remove(DEVICE.id);
			t.sim.registry.add(DEVICE.id, { state: 'logged_in', jid: DEVICE.jid, webhook: CRM_HOOK });
			let workflowId;
			try {
				const created = await t.n8n.api('POST', '/workflows', workflowBody(t));
				workflowId = created.id;
				const productionUrl = `${t.n8n.baseUrl}/webhook/${WEBHOOK_ID}/webhook`;

				await t.n8n.activate(workflowId);
				const registered = await eventually(() => deviceWebhook(t), (config) => config.webhook_url === productionUrl);
				t.assert.equal(registered.webhook_url, productionUrl);
				t.assert.match(registered.webhook_secret, /^[0-9a-f]{64}$/, 'a generated 256-bit secret');
				t.assert.notEqual(registered.webhook_secret, t.GOWA.webhookSecret);
				t.assert.equal(registered.webhook_events, 'message,message.reaction');
				const calls = t.requests().filter((request) => request.path === `/devices/${DEVICE.id}/webhook`);
				// checkExists reads the device (no stored state decides), then create reads it again and PATCHes.
				t.assert.deepEqual(calls.slice(0, 3).map((request) => request.method), ['GET', 'GET', 'PATCH'], t.describeRequests(calls));
				for (const request of calls) {
					t.assert.equal(request.validation?.valid, true, JSON.stringify(request.validation?.errors));
					const basic = `Basic ${Buffer.from(`${t.GOWA.username}:${t.GOWA.password}`).toString('base64')}`;
					t.assert.equal(request.headers.authorization, basic, 'basic auth from the credential');
				}

				// What the editor loads (GET /rest/workflows/:id, static data included) holds neither the registered
				// secret nor the previous receiver's: the first is derived from the credential, the second sealed.
				const editor = await eventually(
					() => t.n8n.request('GET', `/rest/workflows/${workflowId}`),
					(response) => response.status === 200 && response.text.includes('"registration"'),
				);
				t.assert.equal(editor.status, 200, editor.text.slice(0, 300));
				t.assert.ok(editor.text.includes('"registration"'), `the registration record was not saved: ${editor.text.slice(0, 300)}`);
				t.assert.ok(!editor.text.includes(registered.webhook_secret), 'the registered secret is readable in the editor');
				t.assert.ok(!editor.text.includes(CRM_HOOK.webhook_secret), 'the previous receiver’s secret is readable in the editor');

				// GOWA now sends this device's events to the trigger, signed with the registered secret.
				let before = await t.n8n.lastExecutionId(workflowId);
				let attempts;
				for (let attempt = 0; attempt < 30; attempt++) {
					attempts = await t.sim.sendWebhook({
						deviceId: DEVICE.id,
						event: 'message',
						fields: { id: `3EB0E2E0REGISTER${String(attempt).padStart(4, '0')}`, body: 'Halo, masih buka?' },
						retryDelaysMs: [50, 50, 50, 50],
					});
					if (attempts.delivered && attempts[0].status === 200) break;
					await sleep(200); // the route may need a moment after activation
				}
				t.assert.equal(attempts.url, productionUrl);
				t.assert.equal(attempts.delivered, true, JSON.stringify([...attempts]));
				const { run } = await t.n8n.waitForExecution(workflowId, before);
				t.assert.equal(run.status, 'success', JSON.stringify(run.error));
				const [item] = run.output('WhatsApp Trigger');
				t.assert.equal(item.json.sessionId, DEVICE.id);
				t.assert.equal(item.json.deviceId, DEVICE.jid);
				t.assert.equal(item.json.text, 'Halo, masih buka?');

				// An event type the registration left out is not even sent by GOWA.
				before = await t.n8n.lastExecutionId(workflowId);
				const ack = await t.sim.sendWebhook({ deviceId: DEVICE.id, event: 'message.ack' });
				t.assert.ok(ack.skipped, 'GOWA skips events outside the registered webhook_events');

				await t.n8n.api('POST', `/workflows/${workflowId}/deactivate`);
				const restored = await eventually(() => deviceWebhook(t), (config) => config.webhook_url === CRM_HOOK.webhook_url);
				t.assert.deepEqual(restored, CRM_HOOK);
			} finally {
				if (workflowId) {
					const report = (error) => process.stderr.write(`cleanup: ${error.message}\n`);
					await t.n8n.api('POST', `/workflows/${workflowId}/deactivate`).catch(report);
					await t.n8n.api('DELETE', `/workflows/${workflowId}`).catch(report);
				}
				t.sim.registry.remove(DEVICE.id);
			}
		},
	},
];
