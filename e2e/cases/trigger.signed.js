'use strict';
/**
 * The WhatsApp MultiDevice Trigger in real n8n, with GOWA pointed at it by hand (no device: the global --webhook
 * setting). The simulator posts events exactly like GOWA (sorted-key JSON, X-Hub-Signature-256 over the bytes,
 * 5 attempts); the workflow is published, so these are production executions read back through the public API.
 */
const { forgedVariants, hubSignature, postForgeries } = require('../lib/forgery');

const WORKFLOW_ID = 'e2eTriggerSigned';
const WEBHOOK_ID = 'e2e7a001-7219-4e2e-9000-00000000a001';
const NODE = 'WhatsApp Trigger';
const CUSTOMER = '6289876543210@s.whatsapp.net';
/** A simulator device of its own, without a device webhook, so other cases' device settings cannot redirect these posts. */
const DEVICE = { id: 'trigger-e2e-global', jid: '6281100000091@s.whatsapp.net' };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function productionUrl(t) {
	return `${t.n8n.baseUrl}/webhook/${WEBHOOK_ID}/webhook`;
}

/** Executions of the trigger workflow so far. */
async function executionCount(t) {
	return (await t.n8n.executions(WORKFLOW_ID, { limit: 250 })).length;
}

/** Waits until n8n has routed the production webhook (it answers 404 for a moment after activation). */
async function waitForRoute(t) {
	for (let attempt = 0; attempt < 60; attempt++) {
		const response = await fetch(productionUrl(t), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		if (response.status !== 404) return;
		await sleep(200);
	}
	throw new Error(`the trigger's production URL ${productionUrl(t)} never became available`);
}

function ensureDevice(t) {
	if (!t.sim.registry.find(DEVICE.id)) t.sim.registry.add(DEVICE.id, { state: 'logged_in', jid: DEVICE.jid });
}

/** Posts like GOWA (through the simulator, global --webhook / --webhook-secret) and returns the delivery attempts. */
async function deliver(t, envelope, secret = t.GOWA.webhookSecret) {
	ensureDevice(t);
	return await t.sim.sendWebhook({ deviceId: DEVICE.id, url: productionUrl(t), secret, envelope, retryDelaysMs: [50, 50, 50, 50] });
}

/** RFC 3339 in whole seconds, as GOWA writes it; `minutesAgo` dates an event in the past. */
function rfc3339(minutesAgo = 0) {
	return `${new Date(Date.now() - minutesAgo * 60_000).toISOString().slice(0, 19)}Z`;
}

/** Posts signed bytes straight to the production URL (like one GOWA attempt) and returns status and body text. */
async function postSigned(t, envelope, secret = t.GOWA.webhookSecret) {
	const body = Buffer.from(JSON.stringify(envelope));
	const signature = hubSignature(body, secret);
	const response = await fetch(productionUrl(t), { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body });
	return { status: response.status, text: await response.text() };
}

function messageEnvelope(t, id, payload = {}) {
	ensureDevice(t);
	return t.sim.buildEvent(
		'message',
		{ id, chat_id: CUSTOMER, from: CUSTOMER, body: 'Bisa booking potong rambut besok jam 3 sore? 💇', timestamp: rfc3339(), ...payload },
		{ deviceId: DEVICE.id },
	);
}

module.exports = [
	{
		name: 'trigger: a signed GOWA event starts exactly one execution with the flat fields and the raw payload',
		workflows: ['trigger-signed.json'],
		async run(t) {
			await waitForRoute(t);
			const before = await t.n8n.lastExecutionId(WORKFLOW_ID);
			const envelope = messageEnvelope(t, '3EB0E2E0TRIGGER00001');
			const attempts = await deliver(t, envelope);
			t.assert.equal(attempts.delivered, true, `GOWA's delivery failed: ${JSON.stringify([...attempts])}`);
			t.assert.equal(attempts.length, 1, 'answered 2xx on the first attempt');
			t.assert.equal(attempts[0].status, 200);
			const { run } = await t.n8n.waitForExecution(WORKFLOW_ID, before);
			t.assert.equal(run.status, 'success', JSON.stringify(run.error));
			const items = run.output(NODE);
			t.assert.equal(items.length, 1);
			const json = items[0].json;
			t.assert.deepEqual(
				{ ...json, payload: undefined },
				{
					event: 'message',
					deviceId: DEVICE.jid,
					sessionId: DEVICE.id,
					chatId: CUSTOMER,
					isGroup: false,
					sender: '6289876543210',
					senderJid: CUSTOMER,
					senderName: 'Budi Santoso',
					messageId: '3EB0E2E0TRIGGER00001',
					messageType: 'text',
					text: 'Bisa booking potong rambut besok jam 3 sore? 💇',
					timestamp: new Date(envelope.payload.timestamp).toISOString(),
					isFromMe: false,
					repliedToId: null,
					targetMessageId: null,
					dedupKey: json.dedupKey,
					payload: undefined,
				},
			);
			t.assert.match(json.dedupKey, /^[0-9a-f]{32}$/);
			t.assert.deepEqual(json.payload, envelope.payload);
			await sleep(500);
			t.assert.equal((await t.n8n.executions(WORKFLOW_ID, { limit: 5 })).filter((entry) => Number(entry.id) > before).length, 1, 'exactly one execution');
		},
	},
	{
		name: 'trigger: a new event is answered {"received":true} (not "firstEntryJson"); its replay answers the same with duplicate:true; an event older than the maximum age starts nothing',
		workflows: ['trigger-signed.json'],
		async run(t) {
			await waitForRoute(t);
			const before = await t.n8n.lastExecutionId(WORKFLOW_ID);
			const envelope = messageEnvelope(t, '3EB0E2E0ANSWER000001');
			const first = await postSigned(t, envelope);
			t.assert.equal(first.status, 200);
			t.assert.deepEqual(JSON.parse(first.text), { received: true }, `n8n answered ${JSON.stringify(first.text)}`);
			const { run } = await t.n8n.waitForExecution(WORKFLOW_ID, before);
			t.assert.match(run.output(NODE)[0].json.dedupKey, /^[0-9a-f]{32}$/);
			const replay = await postSigned(t, envelope);
			t.assert.deepEqual([replay.status, JSON.parse(replay.text)], [200, { received: true, duplicate: true }]);
			// A correctly signed event dated beyond the maximum age (default: the 10-minute window), e.g. a captured one replayed.
			const count = await executionCount(t);
			const old = await postSigned(t, messageEnvelope(t, '3EB0E2E0OLDREPLAY001', { timestamp: rfc3339(11) }));
			t.assert.deepEqual([old.status, JSON.parse(old.text)], [200, { received: true, ignored: 'older than the maximum event age' }]);
			await sleep(1000);
			t.assert.equal(await executionCount(t), count, 'no execution for the old event');
		},
	},
	{
		name: 'trigger: 1,000 forged or garbled posts are answered 401 each and start no execution',
		workflows: ['trigger-signed.json'],
		timeoutMs: 900_000,
		async run(t) {
			await waitForRoute(t);
			const before = await executionCount(t);
			const body = Buffer.from(JSON.stringify(messageEnvelope(t, '3EB0E2E0FORGED000001')));
			const good = hubSignature(body, t.GOWA.webhookSecret);
			// 'secret' is GOWA's default webhook secret.
			const variants = forgedVariants(body, t.GOWA.webhookSecret, { otherSecret: 'secret', edit: ['besok', 'lusa'], emptySignatureBody: Buffer.from('{"event":"message","payload":{}}') });
			const statuses = await postForgeries(productionUrl(t), variants, { inFlight: 16 });
			t.assert.deepEqual(statuses, { 401: 1000 });
			// Bodies that are not JSON at all never reach the trigger: n8n's body parser refuses them first (422).
			for (let index = 0; index < 5; index++) {
				const response = await fetch(productionUrl(t), {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'x-hub-signature-256': good },
					body: body.subarray(0, 40 + index),
				});
				t.assert.equal(response.status, 422, `truncated JSON answered ${response.status}`);
			}
			await sleep(1000);
			t.assert.equal(await executionCount(t), before, 'no execution was started');
		},
	},
	{
		name: 'trigger: one delivery replayed 5 times (GOWA retries) starts one execution; every post answered 200',
		workflows: ['trigger-signed.json'],
		async run(t) {
			await waitForRoute(t);
			const before = await t.n8n.lastExecutionId(WORKFLOW_ID);
			const envelope = messageEnvelope(t, '3EB0E2E0REPLAY000001');
			const first = await deliver(t, envelope);
			t.assert.equal(first.delivered, true);
			// The same bytes and signature again, as GOWA's retries send them.
			const statuses = [first[0].status];
			for (let replay = 0; replay < 4; replay++) {
				const response = await fetch(productionUrl(t), {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'x-hub-signature-256': first.signature },
					body: first.body,
				});
				statuses.push(response.status);
			}
			t.assert.deepEqual(statuses, [200, 200, 200, 200, 200]);
			await t.n8n.waitForExecution(WORKFLOW_ID, before);
			await sleep(1500);
			const newer = (await t.n8n.executions(WORKFLOW_ID, { limit: 20 })).filter((entry) => Number(entry.id) > before);
			t.assert.equal(newer.length, 1, `expected one execution, got ${newer.length}`);
		},
	},
	{
		name: 'trigger: filtered events (own messages, unselected event types) are answered 200 and start nothing',
		workflows: ['trigger-signed.json'],
		async run(t) {
			await waitForRoute(t);
			const before = await executionCount(t);
			const own = await deliver(t, messageEnvelope(t, '3EB0E2E0OWNMSG000001', { is_from_me: true }));
			const ack = await deliver(t, t.sim.buildEvent('message.ack', {}, { deviceId: DEVICE.id }));
			t.assert.deepEqual([own[0].status, ack[0].status, own.length, ack.length], [200, 200, 1, 1]);
			await sleep(1000);
			t.assert.equal(await executionCount(t), before);
		},
	},
	{
		name: 'trigger: an incoming image (GOWA statics path) arrives as binary data with MIME type and file name',
		workflows: ['trigger-signed.json'],
		async run(t) {
			await waitForRoute(t);
			const before = await t.n8n.lastExecutionId(WORKFLOW_ID);
			ensureDevice(t);
			const envelope = t.sim.buildEvent('message', { id: '3EB0E2E0IMAGE0000001', chat_id: CUSTOMER, from: CUSTOMER }, { deviceId: DEVICE.id, media: 'image', caption: 'Model rambut ini ya' });
			const path = envelope.payload.image.path;
			t.assert.match(path, /^statics\/media\/.+\.jpeg$/);
			const attempts = await deliver(t, envelope);
			t.assert.equal(attempts.delivered, true);
			const { run } = await t.n8n.waitForExecution(WORKFLOW_ID, before);
			t.assert.equal(run.status, 'success', JSON.stringify(run.error));
			const [item] = run.output(NODE);
			t.assert.equal(item.json.messageType, 'image');
			t.assert.equal(item.json.text, 'Model rambut ini ya');
			t.assert.equal(item.json.mediaError, undefined, `media download failed: ${item.json.mediaError}`);
			const binary = item.binary?.media;
			t.assert.ok(binary, `no binary property "media" (got ${Object.keys(item.binary ?? {})})`);
			t.assert.equal(binary.mimeType, 'image/jpeg');
			t.assert.equal(binary.fileName, path.split('/').pop());
			t.assert.ok(binary.fileSize, 'n8n recorded the file size');
			const download = t.requests().find((request) => request.path === `/${path}`);
			t.assert.ok(download, `the trigger did not download /${path} from GOWA:\n${t.describeRequests(t.requests())}`);
		},
	},
];
