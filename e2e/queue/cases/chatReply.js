'use strict';
/**
 * Send and Wait → Chat Reply scaled out: the question is asked through the load balancer (a webhook processor starts
 * it, a worker runs it until it waits), the customer's reply reaches the trigger on a webhook processor, the hand-off
 * runs on a worker, finds the waiting execution through the main's public API and posts the reply to n8n's signed
 * resume URL (the load balancer); the resumed execution finishes on a worker. Two customers wait at once.
 */
const { marshalWebhookBody, signWebhookBody } = require('../../../simulator');
const { poll, finishedRun } = require('../../lib/waiting');

const PACKAGE = 'n8n-nodes-whatsapp-multidevice';
const HOOK_ID = 'e2ec4a21-7219-4e2e-9000-0000000c4a21';
const CUSTOMERS = ['6281255550001', '6281255550002'];

async function setup(t) {
	const credential = await t.n8n.api('POST', '/credentials', { name: 'n8n API (queue)', type: 'whatsAppN8nApi', data: { baseUrl: t.n8n.baseUrl, apiKey: t.n8n.apiKey } });
	const gowa = t.CREDENTIALS.gowa;
	const workflow = {
		name: 'e2e queue: chat reply',
		nodes: [
			{ parameters: { httpMethod: 'POST', path: 'queue-chat-reply-ask', responseMode: 'onReceived', options: {} }, id: 'c4a20001-4bbe-41b3-86f9-00000000c201', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'e2ec4a20-0000-4000-8000-00000000c201' },
			{ parameters: { resource: 'send', operation: 'sendAndWait', recipient: '={{ $json.body.phone }}', message: 'Reply 1 to confirm, 2 to reschedule', responseType: 'chatReply', allowedReplies: '1, 2', options: {} }, id: 'c4a20002-7c3b-49d9-896e-37e88cbec202', name: 'Ask Customer', type: `${PACKAGE}.whatsAppMultiDevice`, typeVersion: 1, position: [240, 0], credentials: { whatsAppMultiDeviceApi: gowa } },
			{ parameters: { events: ['message'], deviceId: '', options: { ignoreFromMe: true } }, id: 'c4a20003-0000-4000-8000-00000000c203', name: 'WhatsApp Trigger', type: `${PACKAGE}.whatsAppMultiDeviceTrigger`, typeVersion: 1, position: [0, 300], webhookId: HOOK_ID, credentials: { whatsAppMultiDeviceApi: gowa } },
			{ parameters: { resource: 'message', operation: 'handOffReply' }, id: 'c4a20004-7c3b-49d9-896e-37e88cbec204', name: 'Hand Reply', type: `${PACKAGE}.whatsAppMultiDevice`, typeVersion: 1, position: [240, 300], credentials: { whatsAppMultiDeviceApi: gowa, whatsAppN8nApi: { id: credential.id, name: 'n8n API (queue)' } } },
		],
		connections: { Webhook: { main: [[{ node: 'Ask Customer', type: 'main', index: 0 }]] }, 'WhatsApp Trigger': { main: [[{ node: 'Hand Reply', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
	const created = await t.n8n.api('POST', '/workflows', workflow);
	await t.n8n.activate(created.id);
	return created.id;
}

async function replyFrom(t, phone, text) {
	const jid = `${phone}@s.whatsapp.net`;
	const envelope = t.sim.buildEvent('message', { id: `3EB0Q${Date.now()}${Math.floor(Math.random() * 1e6)}`, chat_id: jid, from: jid, body: text });
	const body = marshalWebhookBody(envelope);
	const response = await t.post(t.lb.bySignature, `${HOOK_ID}/webhook`, body, { headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(body, t.GOWA.webhookSecret) } });
	t.assert.equal(response.status, 200, response.text);
}

module.exports = [
	{
		name: 'queue: chat replies of two waiting customers each resume their own execution (processors, workers, public API)',
		timeoutMs: 240_000,
		async run(t) {
			const workflowId = await setup(t);
			const waits = [];
			for (const phone of CUSTOMERS) {
				const before = await t.n8n.lastExecutionId(workflowId);
				const response = await t.post(t.lb.roundRobin, 'queue-chat-reply-ask', { phone });
				t.assert.equal(response.status, 200, response.text);
				const entry = await poll(`no waiting execution for ${phone}`, async () =>
					(await t.n8n.executions(workflowId, { limit: 10 })).find((execution) => Number(execution.id) > before && execution.status === 'waiting'),
				);
				waits.push(entry.id);
			}
			await replyFrom(t, CUSTOMERS[1], '2');
			const second = await finishedRun(t, waits[1], 90_000);
			t.assert.equal(second.output('Ask Customer')[0].json.answer, '2');
			t.assert.equal((await t.n8n.execution(waits[0])).execution.status, 'waiting', 'the other customer still waits');
			await replyFrom(t, CUSTOMERS[0], '1');
			const first = await finishedRun(t, waits[0], 90_000);
			t.assert.equal(first.output('Ask Customer')[0].json.answer, '1');
			t.assert.equal(first.output('Ask Customer')[0].json.recipient, `${CUSTOMERS[0]}@s.whatsapp.net`);
		},
	},
];
