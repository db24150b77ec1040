'use strict';
/**
 * The WhatsApp Cloud Trigger in real n8n, against the Meta simulator (simulator/cloud, in this process): Meta's GET
 * handshake through n8n's real production URL, signed deliveries (forged ones refused), Meta's redeliveries, batches,
 * media, the WABA subscription on activation, and examples/cloud-auto-reply.json end to end. The credential and the
 * workflows are created through n8n's public API the first time a case here runs (the simulator's URL is not fixed).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { forgedVariants, postForgeries } = require('../lib/forgery');
const { readWorkflow } = require('../lib/workflows');

const { startCloudSimulator } = require(path.join(__dirname, '..', '..', 'simulator', 'cloud'));

const CUSTOMER = '6281234567890';
const NODE = 'WhatsApp Cloud Trigger';
const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'cloud-auto-reply.json');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let fixture;

/** Creates (public API) and activates a workflow with its Cloud credential pointed at the simulator's. */
async function createWorkflow(t, workflow, credential, { activate = true } = {}) {
	for (const node of workflow.nodes) {
		if (node.credentials?.whatsAppCloudApi) node.credentials.whatsAppCloudApi = { id: credential.id, name: credential.name };
	}
	const created = await t.n8n.api('POST', '/workflows', { name: workflow.name, nodes: workflow.nodes, connections: workflow.connections, settings: workflow.settings });
	if (activate) await t.n8n.activate(created.id);
	const trigger = workflow.nodes.find((node) => node.type.endsWith('.whatsAppCloudTrigger'));
	return { id: created.id, url: `${t.n8n.baseUrl}/webhook/${trigger.webhookId}/webhook` };
}

/** The example with only its hours (and credential, webhook id) changed: "always closed" forces the reply buttons. */
function autoReplyVariant(hours) {
	const workflow = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
	workflow.name = `e2e: examples/cloud-auto-reply.json (open ${hours.opensAt}–${hours.closesAt})`;
	for (const node of workflow.nodes) {
		if (node.webhookId) node.webhookId = hours.webhookId;
		if (node.name === 'Business Hours') {
			for (const assignment of node.parameters.assignments.assignments) {
				if (assignment.name in hours) assignment.value = hours[assignment.name];
			}
		}
	}
	return workflow;
}

async function cloudTriggerFixture(t) {
	if (fixture) return fixture;
	const meta = await startCloudSimulator({ port: 0 });
	process.once('exit', () => meta.server.close());
	const credential = await t.n8n.api('POST', '/credentials', { name: 'Meta simulator (trigger)', type: 'whatsAppCloudApi', data: meta.credentials() });
	fixture = {
		meta,
		credential,
		manual: await createWorkflow(t, readWorkflow('cloud-trigger.json'), credential),
		closed: await createWorkflow(t, autoReplyVariant({ webhookId: 'e2e7c003-7219-4e2e-9000-00000000c003', opensAt: 0, closesAt: 0 }), credential),
		open: await createWorkflow(t, autoReplyVariant({ webhookId: 'e2e7c004-7219-4e2e-9000-00000000c004', opensAt: 0, closesAt: 24 }), credential),
	};
	for (const target of [fixture.manual, fixture.closed, fixture.open]) await waitForRoute(target.url);
	return fixture;
}

/** n8n answers 404 for a moment after activation: wait until the production URL is routed. */
async function waitForRoute(url) {
	for (let attempt = 0; attempt < 150; attempt++) {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		await response.arrayBuffer();
		if (response.status !== 404) return;
		await sleep(200);
	}
	throw new Error(`${url} never became available`);
}

async function executionCount(t, workflowId) {
	return (await t.n8n.executions(workflowId, { limit: 250 })).length;
}

/** Executions newer than `afterId`, once n8n has had time to start any (generous: busy machine). */
async function executionsAfter(t, workflowId, afterId, settleMs = 2500) {
	await sleep(settleMs);
	return (await t.n8n.executions(workflowId, { limit: 50 })).filter((entry) => Number(entry.id) > Number(afterId));
}

function statusDelivery(meta, statuses) {
	const phone = meta.state.phoneNumbers.get(meta.phoneNumberId);
	return {
		object: 'whatsapp_business_account',
		entry: [{ id: meta.businessAccountId, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: phone.display_phone_number.replace(/\D/g, ''), phone_number_id: phone.id }, statuses } }] }],
	};
}

module.exports = [
	{
		name: 'cloud trigger: Meta’s GET handshake through n8n’s production URL (right token → the challenge as text/plain; wrong token → 403), no execution',
		timeoutMs: 300_000,
		async run(t) {
			const { meta, manual } = await cloudTriggerFixture(t);
			const before = await executionCount(t, manual.id);
			const ask = (token, challenge = '1158201444') => fetch(`${manual.url}?hub.mode=subscribe&hub.challenge=${challenge}&hub.verify_token=${encodeURIComponent(token)}`);
			const right = await ask(meta.credentials().verifyToken);
			t.assert.equal(right.status, 200);
			t.assert.match(String(right.headers.get('content-type')), /^text\/plain/);
			t.assert.equal(await right.text(), '1158201444');
			const wrong = await ask('simulator-verify-tokem');
			t.assert.equal(wrong.status, 403);
			t.assert.ok(!(await wrong.text()).includes('1158201444'));
			const noMode = await fetch(`${manual.url}?hub.challenge=7&hub.verify_token=${meta.credentials().verifyToken}`);
			t.assert.equal(noMode.status, 403);
			await sleep(1000);
			t.assert.equal(await executionCount(t, manual.id), before, 'a handshake never starts an execution');
		},
	},
	{
		name: 'cloud trigger: 1,000 forged or garbled posts are answered 401 each and start no execution',
		timeoutMs: 900_000,
		async run(t) {
			const { meta, manual } = await cloudTriggerFixture(t);
			const before = await executionCount(t, manual.id);
			const body = Buffer.from(JSON.stringify(statusDelivery(meta, [{ id: 'wamid.FORGED', status: 'read', timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: CUSTOMER }])));
			const variants = forgedVariants(body, meta.appSecret, { otherSecret: 'another-app-secret', edit: ['read', 'sent'] });
			const statuses = await postForgeries(manual.url, variants, { inFlight: 12 });
			t.assert.deepEqual(statuses, { 401: 1000 });
			await sleep(1500);
			t.assert.equal(await executionCount(t, manual.id), before, 'no execution was started');
		},
	},
	{
		name: 'cloud trigger: one signed delivery posted 5 times (Meta’s redeliveries) → 200 each, exactly 1 execution',
		timeoutMs: 300_000,
		async run(t) {
			const { meta, manual } = await cloudTriggerFixture(t);
			const before = await t.n8n.lastExecutionId(manual.id);
			const first = await meta.receiveMessage({ from: CUSTOMER, text: 'Bisa booking besok jam 3?', url: manual.url, name: 'Dewi' });
			const statuses = [first.status];
			for (let replay = 0; replay < 4; replay++) {
				const response = await fetch(manual.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': first.signature }, body: first.body });
				statuses.push(response.status);
				t.assert.deepEqual(await response.json(), { received: true, items: 0, duplicates: 1 });
			}
			t.assert.deepEqual(statuses, [200, 200, 200, 200, 200]);
			const { run } = await t.n8n.waitForExecution(manual.id, before, { timeoutMs: 60_000 });
			t.assert.equal(run.status, 'success', JSON.stringify(run.error));
			const [item] = run.output(NODE);
			const message = first.payload.entry[0].changes[0].value.messages[0];
			t.assert.deepEqual(
				{ provider: item.json.provider, tenant: item.json.tenant, event: item.json.event, messageId: item.json.messageId, from: item.json.from, fromName: item.json.fromName, text: item.json.text, dedupKey: item.json.dedupKey },
				{ provider: 'cloud', tenant: meta.phoneNumberId, event: 'message', messageId: message.id, from: CUSTOMER, fromName: 'Dewi', text: 'Bisa booking besok jam 3?', dedupKey: `cloud:${message.id}` },
			);
			t.assert.deepEqual(item.json.raw, message);
			const newer = await executionsAfter(t, manual.id, before);
			t.assert.equal(newer.length, 1, `expected one execution, got ${newer.length}`);
		},
	},
	{
		name: 'cloud trigger: one POST with 40 statuses → one execution with 40 items; an incoming image arrives as binary data',
		timeoutMs: 300_000,
		async run(t) {
			const { meta, manual } = await cloudTriggerFixture(t);
			let before = await t.n8n.lastExecutionId(manual.id);
			const now = String(Math.floor(Date.now() / 1000));
			const statuses = Array.from({ length: 40 }, (_, n) => ({ id: `wamid.E2EBATCH${String(n).padStart(4, '0')}`, status: ['sent', 'delivered', 'read', 'failed'][n % 4], timestamp: now, recipient_id: CUSTOMER, ...(n % 4 === 3 ? { errors: [{ code: 131049, title: 'This message was not delivered to maintain healthy ecosystem engagement.', message: 'This message was not delivered to maintain healthy ecosystem engagement.' }] } : {}) }));
			const delivered = await meta.sendWebhook({ payload: statusDelivery(meta, statuses), url: manual.url });
			t.assert.equal(delivered.status, 200);
			let { run } = await t.n8n.waitForExecution(manual.id, before, { timeoutMs: 60_000 });
			const items = run.output(NODE);
			t.assert.equal(items.length, 40);
			t.assert.deepEqual(items.map((item) => [item.json.messageId, item.json.status]), statuses.map((status) => [status.id, status.status]));
			t.assert.equal(items[3].json.error.code, 131049);

			before = await t.n8n.lastExecutionId(manual.id);
			const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(256)]);
			const media = meta.state.storeMedia(meta.phoneNumberId, { bytes: photo, mimeType: 'image/jpeg' });
			await meta.receiveMessage({ from: CUSTOMER, url: manual.url, message: { type: 'image', image: { id: media.id, mime_type: 'image/jpeg', sha256: media.sha256, caption: 'Model rambut ini ya' } } });
			({ run } = await t.n8n.waitForExecution(manual.id, before, { timeoutMs: 60_000 }));
			const [item] = run.output(NODE);
			t.assert.equal(item.json.mediaError, undefined, `media download failed: ${item.json.mediaError}`);
			t.assert.equal(item.json.caption, 'Model rambut ini ya');
			t.assert.deepEqual(item.json.media, { binaryProperty: 'media', mimeType: 'image/jpeg', fileName: `${media.id}.jpg` });
			t.assert.equal(item.binary?.media?.mimeType, 'image/jpeg');
		},
	},
	{
		name: 'cloud trigger: Registration → Subscribe the WABA: activation sets the override (verified by Meta through n8n), deliveries arrive, deactivation restores the app’s callback',
		timeoutMs: 300_000,
		async run(t) {
			const { meta, credential } = await cloudTriggerFixture(t);
			const waba = meta.state.wabas.get(meta.businessAccountId);
			const app = [...waba.subscriptions.keys()][0];
			const mark = meta.requests.length;
			const registered = await createWorkflow(t, readWorkflow('cloud-trigger-register.json'), credential);
			try {
				// Activation may finish its webhook registration a moment after the API call returns.
				for (let waited = 0; waited < 60_000 && !waba.subscriptions.get(app)?.override_callback_uri; waited += 250) await sleep(250);
				const graph = meta.requests.slice(mark).map((request) => `${request.method} ${request.path} → ${request.response?.status}`);
				t.assert.deepEqual(waba.subscriptions.get(app), { override_callback_uri: registered.url }, `Graph calls: ${JSON.stringify(graph)}`);
				const verification = meta.verifications.at(-1);
				t.assert.equal(verification.url, registered.url);
				t.assert.equal(verification.verified, true, JSON.stringify(verification));
				const before = await t.n8n.lastExecutionId(registered.id);
				// No URL given: the simulator posts where Meta would, to the WABA's override.
				const delivery = await meta.receiveMessage({ from: CUSTOMER, text: 'Halo' });
				t.assert.deepEqual([delivery.url, delivery.status], [registered.url, 200]);
				const { run } = await t.n8n.waitForExecution(registered.id, before, { timeoutMs: 60_000 });
				t.assert.equal(run.output(NODE)[0].json.text, 'Halo');
			} finally {
				await t.n8n.api('POST', `/workflows/${registered.id}/deactivate`);
			}
			for (let waited = 0; waited < 60_000 && waba.subscriptions.get(app)?.override_callback_uri; waited += 250) await sleep(250);
			t.assert.deepEqual(waba.subscriptions.get(app), {});
		},
	},
	{
		name: 'cloud example cloud-auto-reply.json: outside business hours → Confirm / Reschedule buttons; each button reply takes its own branch; inside hours nothing is sent',
		timeoutMs: 300_000,
		async run(t) {
			const { meta, closed, open } = await cloudTriggerFixture(t);
			const sendsTo = (mark) => meta.requests.slice(mark).filter((request) => request.operationId === 'sendMessage');
			const assertValid = (request) => t.assert.equal(request.validation.valid, true, JSON.stringify(request.validation.errors));

			let mark = meta.requests.length;
			let before = await t.n8n.lastExecutionId(closed.id);
			await meta.receiveMessage({ from: CUSTOMER, text: 'Besok bisa jam 10?', url: closed.url, name: 'Dewi' });
			let { run } = await t.n8n.waitForExecution(closed.id, before, { timeoutMs: 60_000 });
			t.assert.equal(run.status, 'success', JSON.stringify(run.error));
			let [buttons] = sendsTo(mark);
			t.assert.ok(buttons, 'the reply buttons were sent');
			assertValid(buttons);
			t.assert.equal(buttons.json.to, CUSTOMER);
			t.assert.equal(buttons.json.interactive.type, 'button');
			t.assert.deepEqual(buttons.json.interactive.action.buttons.map((button) => [button.reply.id, button.reply.title]), [['confirm', 'Confirm'], ['reschedule', 'Reschedule']]);
			t.assert.match(buttons.json.interactive.body.text, /^Hi Dewi, .*closed right now \(open 0:00–0:00, Jakarta time\)/);
			const outbound = buttons.response.body.messages[0].id;

			for (const [id, title, expected] of [['confirm', 'Confirm', /booking is confirmed/], ['reschedule', 'Reschedule', /Which day and time/]]) {
				mark = meta.requests.length;
				before = await t.n8n.lastExecutionId(closed.id);
				const reply = await meta.receiveMessage({ from: CUSTOMER, url: closed.url, name: 'Dewi', message: { type: 'interactive', context: { from: '15550253483', id: outbound }, interactive: { type: 'button_reply', button_reply: { id, title } } } });
				({ run } = await t.n8n.waitForExecution(closed.id, before, { timeoutMs: 60_000 }));
				t.assert.equal(run.status, 'success', JSON.stringify(run.error));
				const sends = sendsTo(mark);
				t.assert.equal(sends.length, 1, `${id}: one message sent`);
				assertValid(sends[0]);
				t.assert.match(sends[0].json.text.body, expected);
				t.assert.equal(sends[0].json.context.message_id, reply.payload.entry[0].changes[0].value.messages[0].id);
			}

			mark = meta.requests.length;
			before = await t.n8n.lastExecutionId(open.id);
			await meta.receiveMessage({ from: CUSTOMER, text: 'Besok bisa jam 10?', url: open.url });
			({ run } = await t.n8n.waitForExecution(open.id, before, { timeoutMs: 60_000 }));
			t.assert.equal(run.status, 'success', JSON.stringify(run.error));
			t.assert.equal(sendsTo(mark).length, 0, 'nothing is sent inside business hours');
		},
	},
];
