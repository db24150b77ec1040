'use strict';
/**
 * WhatsApp Cloud → Send and Wait for Response in real n8n against the Meta simulator: the question goes out as a
 * call-to-action URL message (valid against Meta's spec) whose one button opens the answer page; that page offers
 * Approve and Decline, and the choice resumes the waiting execution.
 */
const path = require('node:path');

const { readWorkflow } = require('../lib/workflows');
const { cloudButtonReply, createN8nApiCredential, finishedRun, poll, postCloudMessage, startWaiting } = require('../lib/waiting');

const { startCloudSimulator } = require(path.join(__dirname, '..', '..', 'simulator', 'cloud'));

const CUSTOMER = '6281234567890';

let fixture;

/** The Meta simulator, its credential and the workflow (created through n8n's public API) — once. */
async function cloudFixture(t) {
	if (fixture) return fixture;
	const meta = await startCloudSimulator({ port: 0 });
	process.once('exit', () => meta.server.close());
	const credential = await t.n8n.api('POST', '/credentials', { name: 'Meta simulator (send and wait)', type: 'whatsAppCloudApi', data: meta.credentials() });
	const workflow = readWorkflow('cloud-send-wait.json');
	for (const node of workflow.nodes) {
		if (node.credentials?.whatsAppCloudApi) node.credentials.whatsAppCloudApi = { id: credential.id, name: 'Meta simulator (send and wait)' };
	}
	const created = await t.n8n.api('POST', '/workflows', { name: workflow.name, nodes: workflow.nodes, connections: workflow.connections, settings: workflow.settings });
	await t.n8n.activate(created.id);
	fixture = { meta, workflowId: created.id };
	return fixture;
}

async function waitingExecution(t, workflowId, before) {
	const entry = await poll('the execution did not start waiting', async () =>
		(await t.n8n.executions(workflowId, { limit: 5 })).find((execution) => Number(execution.id) > before && execution.status === 'waiting'),
	);
	return entry.id;
}

const finished = finishedRun;

async function ask(t, name) {
	const { meta, workflowId } = await cloudFixture(t);
	await meta.receiveMessage({ from: CUSTOMER });
	const mark = meta.requests.length;
	const before = await t.n8n.lastExecutionId(workflowId);
	const response = await t.n8n.postWebhook('e2e-cloud-send-wait', { phone: `+${CUSTOMER}`, name });
	t.assert.equal(response.status, 200, response.text);
	const executionId = await waitingExecution(t, workflowId, before);
	const sends = meta.requests.slice(mark).filter((request) => request.method === 'POST' && request.path.endsWith('/messages'));
	t.assert.equal(sends.length, 1, 'one question sent');
	const [request] = sends;
	t.assert.equal(request.validation.valid, true, `not valid against Meta's spec: ${JSON.stringify(request.validation.errors)}`);
	t.assert.equal(request.response.status, 200);
	return { executionId, request, url: request.json.interactive.action.parameters.url, messageId: request.response.body.messages[0].id };
}

const post = async (url, fields) =>
	await fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

module.exports = [
	{
		name: 'cloud send and wait: the CTA URL button opens a page with both choices; approve resumes with the message ID',
		async run(t) {
			const asked = await ask(t, 'Ayu');
			t.assert.equal(asked.request.json.to, CUSTOMER);
			t.assert.equal(asked.request.json.type, 'interactive');
			t.assert.equal(asked.request.json.interactive.type, 'cta_url');
			t.assert.equal(asked.request.json.interactive.body.text, 'Hi Ayu, can you come on Friday at 10:00?');
			t.assert.equal(asked.request.json.interactive.action.parameters.display_text, 'Answer');
			const page = await fetch(asked.url, { redirect: 'manual' });
			const html = await page.text();
			t.assert.equal(page.status, 200);
			t.assert.match(html, /value="true"><button type="submit">Yes, confirm<\/button>/);
			t.assert.match(html, /value="false"><button type="submit" class="secondary">No, reschedule<\/button>/);
			t.assert.equal((await t.n8n.execution(asked.executionId)).execution.status, 'waiting', 'opening the page answers nothing');

			const answered = await post(asked.url, { approved: 'true' });
			t.assert.equal(answered.status, 200, await answered.text());
			const run = await finished(t, asked.executionId);
			const [item] = run.output('Ask Customer');
			t.assert.equal(item.json.status, 'answered');
			t.assert.equal(item.json.approved, true);
			t.assert.equal(item.json.provider, 'cloud');
			t.assert.equal(item.json.recipient, CUSTOMER);
			t.assert.equal(item.json.messageId, asked.messageId);
		},
	},
	{
		name: 'cloud send and wait: decline on the page resumes with approved false',
		async run(t) {
			const asked = await ask(t, 'Budi');
			const answered = await post(asked.url, { approved: 'false' });
			t.assert.equal(answered.status, 200, await answered.text());
			const run = await finished(t, asked.executionId);
			const [item] = run.output('Ask Customer');
			t.assert.equal(item.json.approved, false);
		},
	},
];

/**
 * Chat Reply on Cloud: the question goes out with reply buttons; the customer's messages reach the real WhatsApp Cloud
 * Trigger (the Meta simulator posts signed deliveries to its production URL) and its Message → Hand Reply to Waiting
 * Execution (default fields: chatId, reply.id or text, tenant) resumes the wait or re-prompts.
 */
let chatReplyFixture;

const CHAT_TRIGGER_WEBHOOK_ID = 'e2ec4a30-0000-4000-8000-00000000c303';

async function chatReplySetup(t) {
	if (chatReplyFixture) return chatReplyFixture;
	const { meta } = await cloudFixture(t);
	const cloudCredential = await t.n8n.api('POST', '/credentials', { name: 'Meta simulator (chat reply)', type: 'whatsAppCloudApi', data: meta.credentials() });
	const cloud = { id: cloudCredential.id, name: 'Meta simulator (chat reply)' };
	const n8nApi = await createN8nApiCredential(t, 'n8n API (cloud chat reply)');
	const type = 'n8n-nodes-whatsapp-multidevice.whatsAppCloud';
	const workflow = {
		name: 'e2e: cloud chat reply',
		nodes: [
			{ parameters: { httpMethod: 'POST', path: 'e2e-cloud-chat-ask', responseMode: 'onReceived', options: {} }, id: 'c4a30001-4bbe-41b3-86f9-00000000c301', name: 'Ask Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'e2ec4a30-0000-4000-8000-00000000c301' },
			{ parameters: { resource: 'message', operation: 'sendAndWait', recipient: '={{ $json.body.phone }}', message: 'Friday 10:00 still fine?', responseType: 'chatReply', allowedReplies: 'Confirm, Reschedule', options: {} }, id: 'c4a30002-7c3b-49d9-896e-37e88cbec302', name: 'Ask Customer', type, typeVersion: 1, position: [240, 0], credentials: { whatsAppCloudApi: cloud } },
			{ parameters: { events: ['message'], registration: 'manual', options: {} }, id: 'c4a30003-4bbe-41b3-86f9-00000000c303', name: 'WhatsApp Cloud Trigger', type: 'n8n-nodes-whatsapp-multidevice.whatsAppCloudTrigger', typeVersion: 1, position: [0, 300], webhookId: CHAT_TRIGGER_WEBHOOK_ID, credentials: { whatsAppCloudApi: cloud } },
			{ parameters: { resource: 'message', operation: 'handOffReply' }, id: 'c4a30004-7c3b-49d9-896e-37e88cbec304', name: 'Hand Reply', type, typeVersion: 1, position: [240, 300], credentials: { whatsAppCloudApi: cloud, whatsAppN8nApi: n8nApi } },
		],
		connections: { 'Ask Webhook': { main: [[{ node: 'Ask Customer', type: 'main', index: 0 }]] }, 'WhatsApp Cloud Trigger': { main: [[{ node: 'Hand Reply', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
	const created = await t.n8n.api('POST', '/workflows', workflow);
	await t.n8n.activate(created.id);
	chatReplyFixture = { meta, workflowId: created.id, triggerUrl: `${t.n8n.baseUrl}/webhook/${CHAT_TRIGGER_WEBHOOK_ID}/webhook` };
	return chatReplyFixture;
}

/** The Meta simulator delivers the customer's message to the Cloud trigger; resolves the Hand Reply output item. */
async function customerSends(t, fixture, message) {
	const before = await t.n8n.lastExecutionId(fixture.workflowId);
	await postCloudMessage(t, fixture.meta, fixture.triggerUrl, { from: CUSTOMER, message });
	const runs = await poll('no hand-off execution', async () => {
		const list = (await t.n8n.executions(fixture.workflowId, { limit: 10 })).filter((execution) => Number(execution.id) > before && execution.status === 'success');
		for (const entry of list) {
			const { run } = await t.n8n.execution(entry.id);
			if (run.runData['Hand Reply']) return run;
		}
		return undefined;
	});
	return runs.output('Hand Reply')[0].json;
}

module.exports.push({
	name: 'cloud chat reply: reply buttons go out; through the Cloud trigger a typed other reply is re-prompted, a button reply resumes the wait',
	timeoutMs: 300_000,
	async run(t) {
		const fixture = await chatReplySetup(t);
		const { meta, workflowId } = fixture;
		await meta.receiveMessage({ from: CUSTOMER });
		const mark = meta.requests.length;
		const executionId = await startWaiting(t, 'e2e-cloud-chat-ask', workflowId, { phone: `+${CUSTOMER}` });
		const [question] = meta.requests.slice(mark).filter((request) => request.method === 'POST' && request.path.endsWith('/messages'));
		t.assert.equal(question.validation.valid, true, JSON.stringify(question.validation.errors));
		t.assert.deepEqual(question.json.interactive.action.buttons.map((button) => button.reply.id), ['Confirm', 'Reschedule']);
		const questionId = question.response.body.messages[0].id;

		const tenant = meta.phoneNumberId;
		const wrong = await customerSends(t, fixture, { type: 'text', text: { body: 'what?' } });
		t.assert.equal(wrong.handedOff, false);
		t.assert.equal(wrong.handOff.reason, 'noMatch');
		t.assert.equal(wrong.chatId, CUSTOMER, 'the trigger’s event flows through the hand-off');
		const reprompt = meta.requests.slice(mark).filter((request) => request.method === 'POST' && request.json?.type === 'text');
		t.assert.equal(reprompt.length, 1);
		t.assert.equal(reprompt[0].validation.valid, true);
		t.assert.equal(reprompt[0].json.to, CUSTOMER);
		t.assert.equal(reprompt[0].json.text.body, 'Please reply with one of: Confirm, Reschedule');
		t.assert.equal((await t.n8n.execution(executionId)).execution.status, 'waiting', 'a non-matching reply resumes nothing');

		const pressed = await customerSends(t, fixture, cloudButtonReply(meta, questionId, 'Reschedule'));
		t.assert.equal(pressed.handedOff, true, JSON.stringify(pressed.handOff));
		t.assert.equal(pressed.handOff.executionId, executionId);
		const run = await finishedRun(t, executionId);
		const [item] = run.output('Ask Customer');
		t.assert.equal(item.json.answer, 'Reschedule');
		t.assert.equal(item.json.provider, 'cloud');
		t.assert.equal(item.json.tenant, tenant);
	},
});
