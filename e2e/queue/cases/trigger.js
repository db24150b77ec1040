'use strict';
/**
 * The trigger behind two webhook processors. GOWA delivers at least once (a retry repeats the same bytes and
 * signature); the trigger's duplicate check is per process, so the deployment decides what is deduplicated:
 * nginx hashing on X-Hub-Signature-256 sends a delivery and its retries to one processor; n8n's Remove Duplicates
 * node on the item's `dedupKey` covers the rest (shared database). Auto-registration runs on the main; executions
 * run on workers, which neither load nor may break what the trigger needs.
 */
const { marshalWebhookBody, signWebhookBody } = require('../../../simulator');
const { eventually } = require('../../lib/runner');

const TRIGGER_PATH = 'e2e7a003-7219-4e2e-9000-00000000a003/webhook';
const REMOVE_DUPLICATES_PATH = 'e2e7a004-7219-4e2e-9000-00000000a004/webhook';

/** A GOWA delivery: the exact bytes and their signature, as GOWA would send it (and repeat it on a retry). */
function delivery(t, messageId, text, { secret = t.GOWA.webhookSecret } = {}) {
	const envelope = t.sim.buildEvent('message', { id: messageId, body: text });
	const body = marshalWebhookBody(envelope);
	return { body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(body, secret) } };
}

function messageIds(executions, node = 'WhatsApp Trigger') {
	return executions.map(({ run }) => run.output(node)[0]?.json.messageId).sort();
}

const CRM_HOOK = {
	webhook_url: 'https://crm.tenant-a.example/gowa-events',
	webhook_secret: 'crm-secret-7f2a',
	webhook_events: 'message',
	webhook_insecure_skip_verify: false,
};

/** A workflow whose trigger registers itself on `device`, with a Send Text reply that has a daily cap. */
function registeredWorkflow(t, device, webhookId, name) {
	return {
		name,
		nodes: [
			{
				parameters: { events: ['message'], deviceId: device.id, registerWebhook: true, secretSource: 'generated', options: {} },
				id: `${webhookId.slice(0, 8)}-0000-4000-8000-000000000001`,
				name: 'WhatsApp Trigger',
				type: 'n8n-nodes-whatsapp-multidevice.whatsAppMultiDeviceTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				credentials: { whatsAppMultiDeviceApi: t.CREDENTIALS.gowa },
			},
			{
				parameters: {
					resource: 'send',
					operation: 'text',
					deviceId: { __rl: true, mode: 'id', value: device.id },
					recipient: '={{ $json.chatId }}',
					message: '=Thanks, we got: {{ $json.text }}',
					options: {},
					sending: { messagesPerDay: 100 },
				},
				id: `${webhookId.slice(0, 8)}-0000-4000-8000-000000000002`,
				name: 'Reply',
				type: 'n8n-nodes-whatsapp-multidevice.whatsAppMultiDevice',
				typeVersion: 1,
				position: [220, 0],
				credentials: { whatsAppMultiDeviceApi: t.CREDENTIALS.gowa },
			},
		],
		connections: { 'WhatsApp Trigger': { main: [[{ node: 'Reply', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Creates and activates the workflow on a fresh simulator device whose webhook points at a CRM; cleans up after `body`. */
async function withRegisteredTrigger(t, device, webhookId, body) {
	t.sim.registry.remove(device.id);
	t.sim.registry.add(device.id, { state: 'logged_in', jid: device.jid, webhook: { ...CRM_HOOK } });
	let workflowId;
	try {
		const created = await t.n8n.api('POST', '/workflows', registeredWorkflow(t, device, webhookId, `e2e queue: registered trigger on ${device.id}`));
		workflowId = created.id;
		await t.n8n.activate(workflowId);
		const expectedUrl = `${t.lb.bySignature}/webhook/${webhookId}/webhook`;
		const readHook = () => ({ ...(t.sim.registry.find(device.id)?.webhook ?? {}) });
		const registered = await eventually(readHook, (hook) => hook.webhook_url === expectedUrl, 30_000);
		t.assert.equal(registered.webhook_url, expectedUrl, 'the main registers the load balancer’s address (WEBHOOK_URL)');
		await body({ workflowId, readHook });
	} finally {
		if (workflowId) {
			const report = (error) => process.stderr.write(`cleanup: ${error.message}\n`);
			await t.n8n.api('POST', `/workflows/${workflowId}/deactivate`).catch(report);
			// n8n answers 409 while the unpublishing (webhook removal on the device) is still running.
			await eventually(
				() => t.n8n.api('DELETE', `/workflows/${workflowId}`).then(() => true, (error) => (/→ 409/.test(error.message) ? false : (report(error), true))),
				(deleted) => deleted,
			);
		}
		t.sim.registry.remove(device.id);
	}
}

/** GOWA sends one event for the device (to its registered webhook); waits for the execution it starts. */
async function deliverAndRun(t, workflowId, device, index) {
	const before = await t.n8n.lastExecutionId(workflowId);
	const attempts = await t.sim.sendWebhook({
		deviceId: device.id,
		event: 'message',
		fields: { id: `3EB0QUEUE${device.id.slice(-4).toUpperCase()}${String(index).padStart(4, '0')}`, body: `Pesan ${index}` },
		retryDelaysMs: [100, 100, 100, 100],
	});
	return { attempts, before };
}

module.exports = [
	{
		name: 'queue trigger, load balancer hashing on X-Hub-Signature-256: 10 deliveries each posted twice at once → 10 executions',
		workflows: ['queue-trigger-dedup.json'],
		timeoutMs: 240_000,
		async run(t) {
			const workflowId = 'e2eQueueTrigDedup';
			const before = await t.n8n.lastExecutionId(workflowId);
			const deliveries = Array.from({ length: 10 }, (_, i) => delivery(t, `3EB0HASH${String(i).padStart(8, '0')}`, `Halo ${i}`));
			const responses = await Promise.all(
				deliveries.flatMap((entry) => [0, 1].map(() => t.post(t.lb.bySignature, TRIGGER_PATH, entry.body, { headers: entry.headers }))),
			);
			for (const response of responses) t.assert.equal(response.status, 200, response.text);
			const executions = await t.waitForExecutions(workflowId, before, 10, { timeoutMs: 150_000 });
			t.assert.deepEqual(messageIds(executions), Array.from({ length: 10 }, (_, i) => `3EB0HASH${String(i).padStart(8, '0')}`));
			// nginx really spread the deliveries: both processors got some, each signature always the same one.
			const bySignature = new Map();
			for (const line of t.queue.nginxLog('by-signature.log').split('\n')) {
				const upstream = line.match(/upstream=(\S+)/)?.[1];
				const signature = line.match(/sig=(\S+)/)?.[1];
				if (!upstream || !signature || signature === '-') continue;
				bySignature.set(signature, new Set([...(bySignature.get(signature) ?? []), upstream]));
			}
			const ours = deliveries.map((entry) => bySignature.get(entry.headers['x-hub-signature-256']));
			t.assert.ok(ours.every((upstreams) => upstreams && upstreams.size === 1), 'every copy of a delivery reached the same processor');
			t.assert.equal(new Set(ours.map((upstreams) => [...upstreams][0])).size, 2, 'the deliveries were spread over both processors');
		},
	},
	{
		name: 'queue trigger, what does not hold: the same delivery posted to each processor directly → 2 executions (duplicate check is per process)',
		workflows: ['queue-trigger-dedup.json'],
		timeoutMs: 120_000,
		async run(t) {
			const workflowId = 'e2eQueueTrigDedup';
			const before = await t.n8n.lastExecutionId(workflowId);
			const entry = delivery(t, '3EB0BOTHPROCESSORS01', 'Halo dua kali');
			const responses = await Promise.all(t.processors.map((processor) => t.post(processor.baseUrl, TRIGGER_PATH, entry.body, { headers: entry.headers })));
			for (const response of responses) t.assert.equal(response.status, 200, response.text);
			const executions = await t.waitForExecutions(workflowId, before, 2);
			t.assert.deepEqual(messageIds(executions), ['3EB0BOTHPROCESSORS01', '3EB0BOTHPROCESSORS01']);
		},
	},
	{
		name: 'queue trigger + Remove Duplicates on dedupKey: a delivery to processor 1 and its retry to processor 2 → the reply is sent once',
		workflows: ['queue-trigger-remove-duplicates.json'],
		timeoutMs: 180_000,
		async run(t) {
			const workflowId = 'e2eQueueTrigRemDup';
			const before = await t.n8n.lastExecutionId(workflowId);
			// The trigger's own (per-process) check is switched off in this workflow: only Remove Duplicates decides.
			const entry = delivery(t, '3EB0REMOVEDUPS00001', 'Jam berapa buka?');
			const first = await t.post(t.processors[0].baseUrl, REMOVE_DUPLICATES_PATH, entry.body, { headers: entry.headers });
			t.assert.equal(first.status, 200, first.text);
			const [firstRun] = await t.waitForExecutions(workflowId, before, 1);
			const [item] = firstRun.run.output('WhatsApp Trigger');
			t.assert.ok(typeof item.json.dedupKey === 'string' && item.json.dedupKey.length >= 16, `the trigger emits a dedupKey: ${JSON.stringify(item.json.dedupKey)}`);
			// GOWA's retry (same bytes) lands on the other processor, which has not seen it.
			const retry = await t.post(t.processors[1].baseUrl, REMOVE_DUPLICATES_PATH, entry.body, { headers: entry.headers });
			t.assert.equal(retry.status, 200, retry.text);
			const executions = await t.waitForExecutions(workflowId, before, 2);
			for (const { run } of executions) t.assert.equal(run.status, 'success', JSON.stringify(run.error));
			t.assert.equal(executions[0].run.output('WhatsApp Trigger')[0].json.dedupKey, executions[1].run.output('WhatsApp Trigger')[0].json.dedupKey);
			t.assert.equal(executions[1].run.output('Remove Duplicates').length, 0, 'the retry is removed');
			const replies = t.requests().filter((request) => request.path === '/send/message');
			t.assert.equal(replies.length, 1, `one reply: ${t.describeRequests(replies)}`);
		},
	},
	{
		name: 'queue trigger with auto-registration next to a send node: 6 deliveries, each accepted at the first attempt and run (0 lost events)',
		timeoutMs: 420_000,
		async run(t) {
			const device = { id: 'queue-reg-device', jid: '6281100000093@s.whatsapp.net' };
			await withRegisteredTrigger(t, device, 'e2e7a005-7219-4e2e-9000-00000000a005', async ({ workflowId }) => {
				for (let index = 0; index < 6; index++) {
					const { attempts, before } = await deliverAndRun(t, workflowId, device, index);
					t.assert.equal(attempts.delivered, true, `delivery ${index} was lost: ${JSON.stringify([...attempts])}`);
					t.assert.equal(attempts[0].status, 200, `delivery ${index} accepted at the first attempt: ${JSON.stringify([...attempts])}`);
					// Wait for the worker to finish before GOWA's next event (a worker's write is what used to break it).
					const [{ run }] = await t.waitForExecutions(workflowId, before, 1);
					t.assert.equal(run.status, 'success', JSON.stringify(run.error));
				}
				const replies = t.requests().filter((request) => request.path === '/send/message');
				t.assert.equal(replies.length, 6, t.describeRequests(replies));
			});
		},
	},
	{
		name: 'queue trigger: deactivation after executions on workers restores the device’s previous webhook',
		timeoutMs: 180_000,
		async run(t) {
			const device = { id: 'queue-restore-device', jid: '6281100000094@s.whatsapp.net' };
			await withRegisteredTrigger(t, device, 'e2e7a006-7219-4e2e-9000-00000000a006', async ({ workflowId, readHook }) => {
				const { attempts, before } = await deliverAndRun(t, workflowId, device, 0);
				t.assert.equal(attempts.delivered, true, JSON.stringify([...attempts]));
				const [{ run }] = await t.waitForExecutions(workflowId, before, 1);
				t.assert.equal(run.status, 'success', JSON.stringify(run.error));
				await t.n8n.api('POST', `/workflows/${workflowId}/deactivate`);
				const restored = await eventually(readHook, (hook) => hook.webhook_url === CRM_HOOK.webhook_url, 30_000);
				t.assert.deepEqual(restored, CRM_HOOK, 'the CRM’s webhook is back, not a dead n8n URL');
			});
		},
	},
];
