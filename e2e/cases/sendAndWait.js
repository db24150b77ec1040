'use strict';
/**
 * Send and Wait for Response (GOWA) in real n8n: the question goes out through the simulated GOWA with signed
 * links, the execution waits (status "waiting" in n8n's database), and opening a link (GET: a page, nothing answered)
 * then submitting it (POST) resumes the execution with the answer and the sent message's ID. Without an answer the
 * wait limit ends it with a "timeout" item.
 */
const PHONE = '+62 812-3456-7890';
const JID = '6281234567890@s.whatsapp.net';

const { finishedRun, startWaiting } = require('../lib/waiting');

/** Starts the workflow through its webhook and waits until its execution is waiting; returns the execution id and the sent question. */
async function askAndWait(t, webhookPath, workflowId, body) {
	const executionId = await startWaiting(t, webhookPath, workflowId, body);
	const sends = t.requests().filter((request) => request.method === 'POST' && request.path === '/send/message');
	t.assert.equal(sends.length, 1, 'one question sent');
	const request = t.onlyRequest(sends, 'POST', '/send/message');
	t.assertTenantHeaders(request);
	const links = [...request.json.message.matchAll(/^\*(.+):\*\n(http\S+)$/gm)].map((match) => ({ label: match[1], url: match[2] }));
	return { executionId, request, links, messageId: request.response?.json?.results?.message_id };
}

async function open(url, init = {}) {
	const response = await fetch(url, { redirect: 'manual', ...init });
	return { status: response.status, headers: response.headers, text: await response.text() };
}

async function submit(url, fields = {}) {
	return await open(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
}

function onlyOutput(t, run) {
	const items = run.output('Ask Customer');
	t.assert.equal(items.length, 1);
	return items[0].json;
}

module.exports = [
	{
		name: 'send and wait: approve link (GET shows a page, POST answers) resumes with approved and the message ID',
		workflows: ['send-wait-approval.json'],
		async run(t) {
			const asked = await askAndWait(t, 'e2e-send-wait-approval', 'e2eSendWaitAppr1', { phone: PHONE, name: 'Ayu' });
			t.assert.equal(asked.request.json.phone, JID);
			t.assert.match(asked.request.json.message, /^Hi Ayu, can you come on Friday at 10:00\?\n\n/);
			t.assert.deepEqual(asked.links.map((link) => link.label), ['Yes, confirm', 'No, reschedule']);
			const approve = asked.links[0].url;
			t.assert.match(approve, new RegExp(`/webhook-waiting/${asked.executionId}/5a0d0001-[^?]+\\?approved=true&signature=[0-9a-f]{64}$`));

			const page = await open(approve);
			t.assert.equal(page.status, 200);
			t.assert.match(page.headers.get('content-type') ?? '', /text\/html/);
			t.assert.match(page.text, /<button type="submit">Yes, confirm<\/button>/);
			const still = await t.n8n.execution(asked.executionId);
			t.assert.equal(still.execution.status, 'waiting', 'opening the link (as a link preview does) answers nothing');

			const tampered = await submit(approve.replace('approved=true', 'approved=false'));
			t.assert.equal(tampered.status, 401, 'a link whose answer was changed is refused (signed)');
			t.assert.equal((await t.n8n.execution(asked.executionId)).execution.status, 'waiting');

			const answered = await submit(approve);
			t.assert.equal(answered.status, 200, answered.text);
			t.assert.match(answered.text, /Got it, thanks/);
			const run = await finishedRun(t, asked.executionId);
			const json = onlyOutput(t, run);
			t.assert.equal(json.status, 'answered');
			t.assert.equal(json.approved, true);
			t.assert.equal(json.timedOut, false);
			t.assert.equal(json.recipient, JID);
			t.assert.equal(json.provider, 'gowa');
			t.assert.ok(json.messageId, 'the sent message ID is in the answer');
			if (asked.messageId) t.assert.equal(json.messageId, asked.messageId);
			t.assert.ok(Date.parse(json.respondedAt) >= Date.parse(json.sentAt));

			const again = await submit(approve);
			t.assert.notEqual(again.status, 500);
			t.assert.doesNotMatch(again.text, /Got it, thanks/, 'a second submit records nothing');
		},
	},
	{
		name: 'send and wait: decline link resumes with approved false',
		workflows: ['send-wait-approval.json'],
		async run(t) {
			const asked = await askAndWait(t, 'e2e-send-wait-approval', 'e2eSendWaitAppr1', { phone: PHONE, name: 'Budi' });
			const decline = asked.links.find((link) => link.label === 'No, reschedule').url;
			t.assert.match(decline, /approved=false&signature=/);
			const answered = await submit(decline);
			t.assert.equal(answered.status, 200, answered.text);
			const run = await finishedRun(t, asked.executionId);
			const json = onlyOutput(t, run);
			t.assert.equal(json.approved, false);
			t.assert.equal(json.status, 'answered');
		},
	},
	{
		name: 'send and wait: free text form (empty answer refused, text answers)',
		workflows: ['send-wait-free-text.json'],
		async run(t) {
			const asked = await askAndWait(t, 'e2e-send-wait-free-text', 'e2eSendWaitText1', { phone: PHONE, name: 'Citra' });
			t.assert.deepEqual(asked.links.map((link) => link.label), ['Answer here']);
			const url = asked.links[0].url;
			const form = await open(url);
			t.assert.equal(form.status, 200);
			t.assert.match(form.text, /<h1>Your wishes<\/h1><p>Hi Citra, any wishes for your visit\?<\/p>/);
			t.assert.match(form.text, /<textarea id="f0" name="field-0"/);

			const empty = await submit(url, { 'field-0': '  ' });
			t.assert.equal(empty.status, 400);
			t.assert.match(empty.text, /Write an answer before sending/);
			t.assert.equal((await t.n8n.execution(asked.executionId)).execution.status, 'waiting');

			const answered = await submit(url, { 'field-0': 'Quiet room & green tea <please>' });
			t.assert.equal(answered.status, 200, answered.text);
			const run = await finishedRun(t, asked.executionId);
			const json = onlyOutput(t, run);
			t.assert.equal(json.text, 'Quiet room & green tea <please>');
			t.assert.equal(json.responseType, 'freeText');
			t.assert.ok(json.messageId);
		},
	},
	{
		name: 'send and wait: no answer within the limit ends with a timeout item',
		workflows: ['send-wait-timeout.json'],
		timeoutMs: 180_000,
		async run(t) {
			const asked = await askAndWait(t, 'e2e-send-wait-timeout', 'e2eSendWaitTime1', { phone: PHONE });
			// n8n's wait tracker looks for due executions about once a minute.
			const run = await finishedRun(t, asked.executionId, 150_000);
			const json = onlyOutput(t, run);
			t.assert.equal(json.status, 'timeout');
			t.assert.equal(json.timedOut, true);
			t.assert.equal(json.recipient, JID);
			t.assert.ok(json.messageId);
			t.assert.ok(json.waitTill);
			const late = await submit(asked.links[0].url);
			t.assert.doesNotMatch(late.text, /Got it, thanks/, 'a link used after the timeout records nothing');
		},
	},
];

module.exports.push({
	name: 'send and wait: n8n generates the human-in-the-loop tools of both action nodes (…HitlTool)',
	workflows: [],
	async run(t) {
		const nodes = (await t.n8n.request('GET', '/types/nodes.json')).json ?? [];
		for (const [type, resource] of [['whatsAppMultiDevice', 'send'], ['whatsAppCloud', 'message']]) {
			const hitl = nodes.find((node) => node.name === `n8n-nodes-whatsapp-multidevice.${type}HitlTool`);
			t.assert.ok(hitl, `n8n 2.41 adds a HITL tool for ${type}: its operation list has "sendAndWait" and it has webhooks`);
			const hidden = (name) => hitl.properties.find((property) => property.name === name && property.type === 'hidden');
			t.assert.equal(hidden('operation')?.default, 'sendAndWait');
			t.assert.equal(hidden('resource')?.default, resource);
			t.assert.equal(hidden('responseType')?.default, 'approval');
		}
	},
});

module.exports.push({
	name: 'send and wait: n8n restarted while waiting; the link still answers with the message ID',
	workflows: ['send-wait-approval.json'],
	order: 100, // restarts the shared n8n: after the other cases
	timeoutMs: 240_000,
	async run(t) {
		const asked = await askAndWait(t, 'e2e-send-wait-approval', 'e2eSendWaitAppr1', { phone: PHONE, name: 'Dewi' });
		await t.n8n.stop({ removeUserFolder: false });
		await t.n8n.start();
		const approve = asked.links[0].url;
		t.assert.equal((await t.n8n.execution(asked.executionId)).execution.status, 'waiting', 'still waiting after the restart');
		const answered = await submit(approve);
		t.assert.equal(answered.status, 200, answered.text);
		const run = await finishedRun(t, asked.executionId);
		const json = onlyOutput(t, run);
		t.assert.equal(json.approved, true);
		t.assert.equal(json.recipient, JID);
		t.assert.ok(json.messageId);
		t.assert.match(json.question.message, /^Hi Dewi,/, 'the question resolved before the restart is kept');
	},
});
