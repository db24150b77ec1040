'use strict';
/**
 * WhatsApp Cloud → Send and Wait for Response in real n8n against the Meta simulator: the question goes out as a
 * call-to-action URL message (valid against Meta's spec) whose one button opens the answer page; that page offers
 * Approve and Decline, and the choice resumes the waiting execution.
 */
const path = require('node:path');

const { readWorkflow } = require('../lib/workflows');
const { finishedRun, poll } = require('../lib/waiting');

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
