'use strict';
/**
 * Send and Wait for Response → Chat Reply in real n8n: workflow "ask" sends the question through the simulated GOWA
 * and waits; the customer's answer arrives as a signed GOWA event at the trigger of workflow "hand-off", whose
 * "Hand Reply to Waiting Execution" step finds the waiting execution through n8n's public API (its custom data) and
 * resumes it. The credential and both workflows are created through the public API (the credential needs the API key).
 */
const CUSTOMERS = ['6281234567890', '6281299990001', '6281299990002', '6281299990003'];
const jid = (phone) => `${phone}@s.whatsapp.net`;
const { startWaiting, finishedRun, postChatMessage, createN8nApiCredential } = require('../lib/waiting');
const PACKAGE = 'n8n-nodes-whatsapp-multidevice';
const GOWA_CRED = { id: 'e2eGowaCred00001', name: 'GOWA simulator' };
const HOOK_ID = 'e2ec4a11-7219-4e2e-9000-0000000c4a11';

let fixture;

async function setup(t) {
	if (fixture) return fixture;
	const n8nCred = await createN8nApiCredential(t, 'n8n API (chat reply)');
	const ask = {
		name: 'e2e: chat reply (ask)',
		nodes: [
			{ parameters: { httpMethod: 'POST', path: 'e2e-chat-reply-ask', responseMode: 'onReceived', options: {} }, id: 'c4a10001-4bbe-41b3-86f9-00000000c001', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'e2ec4a10-0000-4000-8000-00000000c001' },
			{
				parameters: { resource: 'send', operation: 'sendAndWait', recipient: '={{ $json.body.phone }}', message: '=Hi {{ $json.body.name }}, your booking is Friday 10:00. Reply 1 to confirm, 2 to reschedule.', responseType: 'chatReply', allowedReplies: '1, 2', options: { limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 1, resumeUnit: 'hours' } } } },
				id: 'c4a10002-7c3b-49d9-896e-37e88cbec002', name: 'Ask Customer', type: `${PACKAGE}.whatsAppMultiDevice`, typeVersion: 1, position: [440, 0], credentials: { whatsAppMultiDeviceApi: GOWA_CRED },
			},
		],
		connections: { Webhook: { main: [[{ node: 'Ask Customer', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
	const handOff = {
		name: 'e2e: chat reply (hand-off)',
		nodes: [
			{ parameters: { events: ['message'], deviceId: '', options: { ignoreFromMe: true } }, id: 'c4a10003-0000-4000-8000-00000000c003', name: 'WhatsApp Trigger', type: `${PACKAGE}.whatsAppMultiDeviceTrigger`, typeVersion: 1, position: [0, 0], webhookId: HOOK_ID, credentials: { whatsAppMultiDeviceApi: GOWA_CRED } },
			{ parameters: { resource: 'message', operation: 'handOffReply' }, id: 'c4a10004-7c3b-49d9-896e-37e88cbec004', name: 'Hand Reply', type: `${PACKAGE}.whatsAppMultiDevice`, typeVersion: 1, position: [440, 0], credentials: { whatsAppMultiDeviceApi: GOWA_CRED, whatsAppN8nApi: n8nCred } },
		],
		connections: { 'WhatsApp Trigger': { main: [[{ node: 'Hand Reply', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
	const ids = {};
	for (const [key, workflow] of Object.entries({ ask, handOff })) {
		const created = await t.n8n.api('POST', '/workflows', workflow);
		await t.n8n.activate(created.id);
		ids[key] = created.id;
	}
	fixture = ids;
	return ids;
}

/** Starts "ask" for a customer and returns the waiting execution's id. */
async function ask(t, ids, phone, name) {
	return await startWaiting(t, 'e2e-chat-reply-ask', ids.ask, { phone, name });
}

/** The customer's message reaches the trigger (signed like GOWA); returns the hand-off execution's output item. */
async function reply(t, ids, phone, payload) {
	const before = await t.n8n.lastExecutionId(ids.handOff);
	await postChatMessage(t, HOOK_ID, phone, payload);
	const { run } = await t.n8n.waitForExecution(ids.handOff, before, { timeoutMs: 60_000 });
	t.assert.equal(run.status, 'success', JSON.stringify(run.error));
	return run.output('Hand Reply')[0].json;
}

const finished = finishedRun;

const status = async (t, executionId) => (await t.n8n.execution(executionId)).execution.status;

module.exports = [
	{
		name: 'chat reply: the customer replies "1" in the chat; the waiting execution resumes with it',
		async run(t) {
			const ids = await setup(t);
			const executionId = await ask(t, ids, CUSTOMERS[0], 'Ayu');
			const question = t.requests().find((request) => request.path === '/send/message');
			t.assert.equal(question.json.message, 'Hi Ayu, your booking is Friday 10:00. Reply 1 to confirm, 2 to reschedule.', 'the question goes out as written, no link');
			const handOff = await reply(t, ids, CUSTOMERS[0], { body: ' 1 ' });
			t.assert.equal(handOff.handedOff, true, JSON.stringify(handOff.handOff));
			t.assert.equal(handOff.handOff.executionId, executionId);
			const run = await finished(t, executionId);
			const [item] = run.output('Ask Customer');
			t.assert.equal(item.json.status, 'answered');
			t.assert.equal(item.json.answer, '1');
			t.assert.equal(item.json.responseType, 'chatReply');
			t.assert.equal(item.json.recipient, jid(CUSTOMERS[0]));
			t.assert.ok(item.json.messageId);
		},
	},
	{
		name: 'chat reply: a reply matching no answer is re-prompted and the execution waits on; a poll vote "2" then resumes it',
		async run(t) {
			const ids = await setup(t);
			const executionId = await ask(t, ids, CUSTOMERS[1], 'Budi');
			const mark = t.requests().length;
			const wrong = await reply(t, ids, CUSTOMERS[1], { body: 'maybe later' });
			t.assert.equal(wrong.handedOff, false);
			t.assert.equal(wrong.handOff.reason, 'noMatch');
			t.assert.equal(wrong.handOff.reprompted, true);
			const reprompt = t.requests().slice(mark).filter((request) => request.path === '/send/message');
			t.assert.equal(reprompt.length, 1);
			t.assert.equal(reprompt[0].json.phone, jid(CUSTOMERS[1]));
			t.assert.equal(reprompt[0].json.message, 'Please reply with one of: 1, 2');
			t.assert.equal(await status(t, executionId), 'waiting');

			const vote = await reply(t, ids, CUSTOMERS[1], { body: '', poll_vote: { poll_message_id: '3EB0POLL0001', selected_options: ['2'] } });
			t.assert.equal(vote.handedOff, true, JSON.stringify(vote.handOff));
			const run = await finished(t, executionId);
			t.assert.equal(run.output('Ask Customer')[0].json.answer, '2');
		},
	},
	{
		name: 'chat reply: two customers waiting at once, each reply resumes only its own execution; a message without a wait flows on',
		async run(t) {
			const ids = await setup(t);
			const first = await ask(t, ids, CUSTOMERS[2], 'Citra');
			const second = await ask(t, ids, CUSTOMERS[3], 'Dewi');
			const handOff = await reply(t, ids, CUSTOMERS[3], { body: '2' });
			t.assert.equal(handOff.handOff.executionId, second);
			await finished(t, second);
			t.assert.equal(await status(t, first), 'waiting', 'the other customer’s execution still waits');
			await reply(t, ids, CUSTOMERS[2], { body: '1' });
			const run = await finished(t, first);
			t.assert.equal(run.output('Ask Customer')[0].json.answer, '1');
			t.assert.equal(run.output('Ask Customer')[0].json.recipient, jid(CUSTOMERS[2]));

			const stray = await reply(t, ids, CUSTOMERS[2], { body: '1' });
			t.assert.equal(stray.handedOff, false);
			t.assert.equal(stray.handOff.reason, 'noWaitingExecution');
			t.assert.equal(stray.text, '1', 'the trigger’s fields flow on');
		},
	},
	{
		name: 'chat reply: asked twice, the reply goes to the newest wait of the chat only',
		async run(t) {
			const ids = await setup(t);
			const older = await ask(t, ids, CUSTOMERS[1], 'Fajar');
			const newer = await ask(t, ids, CUSTOMERS[1], 'Fajar');
			const handOff = await reply(t, ids, CUSTOMERS[1], { body: '1' });
			t.assert.equal(handOff.handOff.executionId, newer);
			await finished(t, newer);
			t.assert.equal(await status(t, older), 'waiting', 'the older wait is left alone');
			await reply(t, ids, CUSTOMERS[1], { body: '2' });
			t.assert.equal((await finished(t, older)).output('Ask Customer')[0].json.answer, '2');
		},
	},
];

module.exports.push({
	name: 'chat reply: n8n restarted while waiting; the reply after the restart still resumes the execution',
	order: 101, // restarts the shared n8n: after the other cases
	timeoutMs: 240_000,
	async run(t) {
		const ids = await setup(t);
		const executionId = await ask(t, ids, CUSTOMERS[0], 'Eka');
		await t.n8n.stop({ removeUserFolder: false });
		await t.n8n.start();
		t.assert.equal(await status(t, executionId), 'waiting');
		const handOff = await reply(t, ids, CUSTOMERS[0], { body: '2' });
		t.assert.equal(handOff.handedOff, true, JSON.stringify(handOff.handOff));
		const run = await finished(t, executionId);
		t.assert.equal(run.output('Ask Customer')[0].json.answer, '2');
	},
});
