'use strict';
/**
 * examples/inbox-feed.json in real n8n (issue 13 §3), fed by both providers: the Data Table `whatsapp_messages` is
 * created through n8n's public API (as a user creates it in the UI), the Meta simulator (simulator/cloud) runs in this
 * process, a WhatsApp Cloud API credential pointing at it is created through the public API, and the example is
 * created and activated through the public API with only its credentials, ids and send path patched. Then:
 *   send   → Send Text through GOWA → an outbound row with status sent, tenant and GOWA's message id;
 *   GOWA   → signed message.ack delivered, then read, for that id → the row's status becomes read;
 *   order  → a second message acknowledged read before delivered stays read;
 *   inbound → a customer message → an inbound row;
 *   Cloud  → a customer message through the WhatsApp Cloud Trigger → an inbound row (provider cloud); a send with
 *            provider cloud → Send Text (Cloud) → an outbound row (tenant = phone number id, wamid); Meta's signed
 *            statuses delivered, then read → the row's status becomes read, and read before delivered stays read;
 *   unknown → a send request with another provider → an error, nothing sent, no row.
 */
const fs = require('node:fs');
const path = require('node:path');

const { CREDENTIALS, GOWA } = require('../lib/fixtures');

const { startCloudSimulator } = require(path.join(__dirname, '..', '..', 'simulator', 'cloud'));

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'inbox-feed.json');
const TRIGGER_WEBHOOK_ID = 'e2e13f01-5d0f-4a9e-8b61-0000000013f1';
const CLOUD_TRIGGER_WEBHOOK_ID = 'e2e13f02-5d0f-4a9e-8b61-0000000013f2';
const SEND_PATH = 'e2e-inbox-send';
const TABLE = 'whatsapp_messages';
const COLUMNS = [
	...['direction', 'provider', 'tenant', 'messageId', 'chatId', 'fromPhone', 'fromName', 'type', 'text', 'status', 'timestamp', 'statusAt'].map((name) => ({ name, type: 'string' })),
	{ name: 'statusRank', type: 'number' },
];
const CUSTOMER_JID = '6281234567890@s.whatsapp.net';
const CUSTOMER = '6281234567890';

/** The example as a user imports it: credentials picked, ids unique to this suite. */
function exampleWorkflow(cloudCredential) {
	const workflow = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
	for (const node of workflow.nodes) {
		if (node.credentials?.whatsAppMultiDeviceApi) node.credentials.whatsAppMultiDeviceApi = { ...CREDENTIALS.gowa };
		if (node.credentials?.whatsAppCloudApi) node.credentials.whatsAppCloudApi = { id: cloudCredential.id, name: cloudCredential.name };
		if (node.type === 'n8n-nodes-base.webhook') node.parameters.path = SEND_PATH;
		else if (node.type.endsWith('.whatsAppCloudTrigger')) node.webhookId = CLOUD_TRIGGER_WEBHOOK_ID;
		else if (node.webhookId) node.webhookId = TRIGGER_WEBHOOK_ID;
	}
	return { name: 'e2e: examples/inbox-feed.json', nodes: workflow.nodes, connections: workflow.connections, settings: workflow.settings };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Creates the table through n8n's public API (what the example's notes ask the user to do); a fresh one each run. */
async function createTable(t) {
	const filter = encodeURIComponent(JSON.stringify({ name: TABLE }));
	for (const table of (await t.n8n.api('GET', `/data-tables?filter=${filter}`)).data ?? []) {
		if (table.name === TABLE) await t.n8n.api('DELETE', `/data-tables/${table.id}`);
	}
	const created = await t.n8n.api('POST', '/data-tables', { name: TABLE, columns: COLUMNS });
	t.assert.equal(created.name, TABLE);
	return created.id;
}

/** Rows whose columns equal the given values. */
async function rowsWhere(t, tableId, values) {
	const filters = Object.entries(values).map(([columnName, value]) => ({ columnName, condition: 'eq', value }));
	const filter = encodeURIComponent(JSON.stringify({ type: 'and', filters }));
	return (await t.n8n.api('GET', `/data-tables/${tableId}/rows?filter=${filter}`)).data ?? [];
}

/**
 * The Meta simulator, its credential and the example, created and activated through n8n's public API (the
 * simulator's URL is known only now); waits until both triggers' production URLs are routed.
 */
async function createFeed(t) {
	const meta = await startCloudSimulator({ port: 0 });
	const credential = await t.n8n.api('POST', '/credentials', { name: 'Meta simulator (inbox feed)', type: 'whatsAppCloudApi', data: meta.credentials() });
	const created = await t.n8n.api('POST', '/workflows', exampleWorkflow(credential));
	await t.n8n.activate(created.id);
	const feed = { id: created.id, meta, cloudUrl: `${t.n8n.baseUrl}/webhook/${CLOUD_TRIGGER_WEBHOOK_ID}/webhook` };
	// n8n answers 404 for a moment after activation; an unsigned POST is refused (401) once the route exists.
	for (let attempt = 0; ; attempt++) {
		const response = await fetch(feed.cloudUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		await response.arrayBuffer();
		if (response.status !== 404) break;
		if (attempt === 150) throw new Error(`${feed.cloudUrl} never became available`);
		await sleep(200);
	}
	return feed;
}

/** Lets Meta (the simulator) deliver a signed webhook to the example's Cloud trigger; waits for the execution. */
async function metaPosts(t, feed, deliver) {
	const before = await t.n8n.lastExecutionId(feed.id);
	const delivery = await deliver(feed.meta);
	t.assert.equal(delivery.status, 200, `the WhatsApp Cloud Trigger answered ${delivery.status} ${delivery.error ?? ''}`);
	const { run } = await t.n8n.waitForExecution(feed.id, before, { timeoutMs: 60_000 });
	t.assert.equal(run.status, 'success', JSON.stringify(run.error));
	return run;
}

/** Sends a signed event to the example's trigger like GOWA and waits for the execution it starts. */
async function gowaPosts(t, feed, event, fields, options = {}) {
	const url = `${t.n8n.baseUrl}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
	const envelope = t.sim.buildEvent(event, fields, { deviceId: GOWA.deviceId, ...options });
	const before = await t.n8n.lastExecutionId(feed.id);
	for (let attempt = 0; attempt < 50; attempt++) {
		const attempts = await t.sim.sendWebhook({ deviceId: GOWA.deviceId, url, secret: GOWA.webhookSecret, envelope, retryDelaysMs: [50, 50, 50, 50] });
		if (attempts.delivered) break;
		if (attempt === 49) throw new Error(`the inbox feed never accepted the ${event} event at ${url}`);
		await sleep(200);
	}
	const { run } = await t.n8n.waitForExecution(feed.id, before, { timeoutMs: 60_000 });
	t.assert.equal(run.status, 'success', JSON.stringify(run.error));
	return run;
}

let fixture;

/** The table, the Meta simulator and the example, made once for the cases of this file. */
async function feedFixture(t) {
	if (fixture) return fixture;
	const tableId = await createTable(t);
	const feed = await createFeed(t);
	process.once('exit', () => feed.meta.server.close());
	fixture = { ...feed, tableId };
	return fixture;
}

/** Sends one message through the example's Send Request webhook; returns the send node's output item. */
async function send(t, feed, text, provider) {
	const { response, run } = await t.webhook(SEND_PATH, { phone: '+62 812-3456-7890', text, ...(provider ? { provider } : {}) }, { workflowId: feed.id });
	t.assert.equal(response.status, 200, response.text);
	t.assert.equal(run.status, 'success', JSON.stringify(run.error));
	const [sent] = run.output(provider === 'cloud' ? 'Send Text (Cloud)' : 'Send Text');
	t.assert.ok(sent, `the ${provider ?? 'gowa'} branch sent nothing`);
	return sent.json;
}

async function statusOf(t, tableId, messageId) {
	const rows = await rowsWhere(t, tableId, { messageId });
	t.assert.equal(rows.length, 1, JSON.stringify(rows));
	return rows[0];
}

module.exports = [
	{
		name: 'inbox feed example: a send records an outbound row, GOWA receipts move it to read (never back), an inbound message is inserted',
		workflows: [],
		timeoutMs: 300_000,
		async run(t) {
			const feed = await feedFixture(t);
			const { tableId } = feed;

			// Outbound: the send output carries the tracking fields, and the row records them.
			const sent = await send(t, feed, 'Your Hair Spa on Monday 14:00 is confirmed.');
			t.assert.deepEqual({ provider: sent.provider, tenant: sent.tenant, status: sent.status, recipient: sent.recipient }, { provider: 'gowa', tenant: GOWA.deviceId, status: 'sent', recipient: CUSTOMER_JID });
			t.assert.match(sent.messageId, /^[0-9A-F]{16,}$/i);
			const outbound = await statusOf(t, tableId, sent.messageId);
			t.assert.deepEqual(
				{ direction: outbound.direction, provider: outbound.provider, tenant: outbound.tenant, chatId: outbound.chatId, text: outbound.text, status: outbound.status, statusRank: outbound.statusRank },
				{ direction: 'outbound', provider: 'gowa', tenant: GOWA.deviceId, chatId: CUSTOMER_JID, text: 'Your Hair Spa on Monday 14:00 is confirmed.', status: 'sent', statusRank: 1 },
			);

			// Receipts for that id, delivered then read.
			const delivered = await gowaPosts(t, feed, 'message.ack', { ids: [sent.messageId], chat_id: CUSTOMER_JID, from: CUSTOMER_JID }, { receiptType: 'delivered' });
			t.assert.deepEqual(
				(({ provider, tenant, event, messageId, status, fromMe, gowaEvent }) => ({ provider, tenant, event, messageId, status, fromMe, gowaEvent }))(delivered.output('WhatsApp Trigger')[0].json),
				{ provider: 'gowa', tenant: GOWA.deviceId, event: 'status', messageId: sent.messageId, status: 'delivered', fromMe: true, gowaEvent: 'message.ack' },
			);
			t.assert.equal((await statusOf(t, tableId, sent.messageId)).status, 'delivered');
			await gowaPosts(t, feed, 'message.ack', { ids: [sent.messageId], chat_id: CUSTOMER_JID, from: CUSTOMER_JID }, { receiptType: 'read' });
			const read = await statusOf(t, tableId, sent.messageId);
			t.assert.deepEqual({ status: read.status, statusRank: read.statusRank, direction: read.direction }, { status: 'read', statusRank: 3, direction: 'outbound' });

			// Out of order (GOWA posts each event from its own goroutine): read first, then delivered → stays read.
			const second = await send(t, feed, 'See you soon!');
			await gowaPosts(t, feed, 'message.ack', { ids: [second.messageId], chat_id: CUSTOMER_JID, from: CUSTOMER_JID }, { receiptType: 'read' });
			const late = await gowaPosts(t, feed, 'message.ack', { ids: [second.messageId], chat_id: CUSTOMER_JID, from: CUSTOMER_JID }, { receiptType: 'delivered' });
			t.assert.equal(late.output('Update Delivery Status').length, 0, 'a late "delivered" updates no row');
			t.assert.equal((await statusOf(t, tableId, second.messageId)).status, 'read');

			// Inbound: a customer message becomes a row.
			const inboundId = '3EB0E2E0INBOXFEED0001';
			await gowaPosts(t, feed, 'message', { id: inboundId, chat_id: CUSTOMER_JID, from: CUSTOMER_JID, body: 'Can I move it to 15:00?' });
			const inbound = await statusOf(t, tableId, inboundId);
			t.assert.deepEqual(
				{ direction: inbound.direction, provider: inbound.provider, tenant: inbound.tenant, chatId: inbound.chatId, fromPhone: inbound.fromPhone, fromName: inbound.fromName, type: inbound.type, text: inbound.text, status: inbound.status },
				{ direction: 'inbound', provider: 'gowa', tenant: GOWA.deviceId, chatId: CUSTOMER_JID, fromPhone: '6281234567890', fromName: 'Budi Santoso', type: 'text', text: 'Can I move it to 15:00?', status: 'received' },
			);
			// Status events never insert rows: only the two sends and the one inbound message are in the table.
			t.assert.equal((await rowsWhere(t, tableId, { direction: 'outbound', provider: 'gowa' })).length, 2);
			t.assert.equal((await rowsWhere(t, tableId, { direction: 'inbound', provider: 'gowa' })).length, 1);
		},
	},
	{
		name: 'inbox feed example with the WhatsApp Cloud Trigger: a Cloud message is inserted, a Cloud send records an outbound row, Meta’s signed statuses move it to read (never back); an unknown provider is an error',
		workflows: [],
		timeoutMs: 300_000,
		async run(t) {
			const feed = await feedFixture(t);
			const { tableId, meta } = feed;

			// Inbound (this also opens the customer's 24-hour window for the free-form send below).
			const received = await metaPosts(t, feed, (sim) => sim.receiveMessage({ from: CUSTOMER, text: 'Bisa geser ke jam 3?', url: feed.cloudUrl, name: 'Dewi' }));
			const [event] = received.output('WhatsApp Cloud Trigger');
			t.assert.equal(received.output('Save Inbound Message').length, 1);
			const inbound = await statusOf(t, tableId, event.json.messageId);
			t.assert.match(inbound.messageId, /^wamid\./);
			t.assert.deepEqual(
				{ direction: inbound.direction, provider: inbound.provider, tenant: inbound.tenant, chatId: inbound.chatId, fromPhone: inbound.fromPhone, fromName: inbound.fromName, type: inbound.type, text: inbound.text, status: inbound.status },
				{ direction: 'inbound', provider: 'cloud', tenant: meta.phoneNumberId, chatId: CUSTOMER, fromPhone: CUSTOMER, fromName: 'Dewi', type: 'text', text: 'Bisa geser ke jam 3?', status: 'received' },
			);

			// Outbound through the Cloud branch of Send Request: one valid Graph request, one row.
			const mark = meta.requests.length;
			const sent = await send(t, feed, 'Bisa, jam 15:00 ya. Sampai jumpa!', 'cloud');
			const graph = meta.requests.slice(mark).filter((request) => request.operationId === 'sendMessage');
			t.assert.equal(graph.length, 1, 'one message sent to the Cloud API');
			t.assert.equal(graph[0].validation.valid, true, JSON.stringify(graph[0].validation.errors));
			t.assert.deepEqual({ to: graph[0].json.to, body: graph[0].json.text?.body }, { to: CUSTOMER, body: 'Bisa, jam 15:00 ya. Sampai jumpa!' });
			t.assert.equal(sent.messageId, graph[0].response.body.messages[0].id);
			t.assert.deepEqual({ provider: sent.provider, tenant: sent.tenant, status: sent.status, recipient: sent.recipient }, { provider: 'cloud', tenant: meta.phoneNumberId, status: 'sent', recipient: CUSTOMER });
			const outbound = await statusOf(t, tableId, sent.messageId);
			t.assert.deepEqual(
				{ direction: outbound.direction, provider: outbound.provider, tenant: outbound.tenant, chatId: outbound.chatId, text: outbound.text, status: outbound.status, statusRank: outbound.statusRank },
				{ direction: 'outbound', provider: 'cloud', tenant: meta.phoneNumberId, chatId: CUSTOMER, text: 'Bisa, jam 15:00 ya. Sampai jumpa!', status: 'sent', statusRank: 1 },
			);

			// Meta's statuses for that wamid, signed with the app secret: delivered, then read.
			const delivered = await metaPosts(t, feed, (sim) => sim.sendWebhook({ status: 'delivered', messageId: sent.messageId, url: feed.cloudUrl }));
			t.assert.deepEqual(
				(({ provider, tenant, event: kind, messageId, status, fromMe }) => ({ provider, tenant, event: kind, messageId, status, fromMe }))(delivered.output('WhatsApp Cloud Trigger')[0].json),
				{ provider: 'cloud', tenant: meta.phoneNumberId, event: 'status', messageId: sent.messageId, status: 'delivered', fromMe: true },
			);
			t.assert.equal((await statusOf(t, tableId, sent.messageId)).status, 'delivered');
			await metaPosts(t, feed, (sim) => sim.sendWebhook({ status: 'read', messageId: sent.messageId, url: feed.cloudUrl }));
			const read = await statusOf(t, tableId, sent.messageId);
			t.assert.deepEqual({ status: read.status, statusRank: read.statusRank, direction: read.direction, provider: read.provider }, { status: 'read', statusRank: 3, direction: 'outbound', provider: 'cloud' });

			// Out of order: read first, then delivered → stays read (the rank guard serves both providers).
			const second = await send(t, feed, 'Terima kasih!', 'cloud');
			await metaPosts(t, feed, (sim) => sim.sendWebhook({ status: 'read', messageId: second.messageId, url: feed.cloudUrl }));
			const late = await metaPosts(t, feed, (sim) => sim.sendWebhook({ status: 'delivered', messageId: second.messageId, url: feed.cloudUrl }));
			t.assert.equal(late.output('Update Delivery Status').length, 0, 'a late "delivered" updates no row');
			t.assert.equal((await statusOf(t, tableId, second.messageId)).status, 'read');

			t.assert.equal((await rowsWhere(t, tableId, { direction: 'outbound', provider: 'cloud' })).length, 2);
			t.assert.equal((await rowsWhere(t, tableId, { direction: 'inbound', provider: 'cloud' })).length, 1);

			// A provider the example does not know: a clear error, nothing sent, no row.
			const sends = meta.requests.length;
			const gowaSends = t.requests().length;
			const { response, run } = await t.webhook(SEND_PATH, { phone: '+62 812-3456-7890', text: 'Halo', provider: 'whatsapp' }, { workflowId: feed.id });
			t.assert.equal(run.status, 'error');
			t.assert.equal(run.error?.message, 'provider must be "gowa" (the default) or "cloud", not "whatsapp"');
			t.assert.ok(response.status >= 400, `the caller is told: ${response.status} ${response.text}`);
			t.assert.deepEqual([meta.requests.length - sends, t.requests().length - gowaSends], [0, 0], 'nothing was sent');
			t.assert.equal((await rowsWhere(t, tableId, { text: 'Halo' })).length, 0);
		},
	},
];
