'use strict';
/**
 * examples/inbox-feed.json in real n8n (issue 13 §3): the Data Table `whatsapp_messages` is created through n8n's
 * public API (as a user creates it in the UI), the example is imported with only its credential, ids and send path
 * patched, then:
 *   send   → Send Text through GOWA → an outbound row with status sent, tenant and GOWA's message id;
 *   GOWA   → signed message.ack delivered, then read, for that id → the row's status becomes read;
 *   order  → a second message acknowledged read before delivered stays read;
 *   inbound → a customer message → an inbound row.
 */
const fs = require('node:fs');
const path = require('node:path');

const { CREDENTIALS, GOWA } = require('../lib/fixtures');

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'inbox-feed.json');
const WORK_DIR = path.join(__dirname, '..', '.work');
const WORKFLOW_ID = 'e2eInboxFeed0001';
const TRIGGER_WEBHOOK_ID = 'e2e13f01-5d0f-4a9e-8b61-0000000013f1';
const SEND_PATH = 'e2e-inbox-send';
const TABLE = 'whatsapp_messages';
const COLUMNS = [
	...['direction', 'provider', 'tenant', 'messageId', 'chatId', 'fromPhone', 'fromName', 'type', 'text', 'status', 'timestamp', 'statusAt'].map((name) => ({ name, type: 'string' })),
	{ name: 'statusRank', type: 'number' },
];
const CUSTOMER_JID = '6281234567890@s.whatsapp.net';

/** The example as a user imports it: credential picked, ids unique to this suite. */
function exampleFile() {
	const workflow = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
	workflow.id = WORKFLOW_ID;
	workflow.name = 'e2e: examples/inbox-feed.json';
	for (const node of workflow.nodes) {
		if (node.credentials?.whatsAppMultiDeviceApi) node.credentials.whatsAppMultiDeviceApi = { ...CREDENTIALS.gowa };
		if (node.type === 'n8n-nodes-base.webhook') node.parameters.path = SEND_PATH;
		else if (node.webhookId) node.webhookId = TRIGGER_WEBHOOK_ID;
	}
	fs.mkdirSync(WORK_DIR, { recursive: true });
	const file = path.join(WORK_DIR, 'inbox-feed.json');
	fs.writeFileSync(file, `${JSON.stringify(workflow, null, 2)}\n`);
	return file;
}

const FILE = exampleFile();
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

async function rowsWhere(t, tableId, column, value) {
	const filter = encodeURIComponent(JSON.stringify({ type: 'and', filters: [{ columnName: column, condition: 'eq', value }] }));
	return (await t.n8n.api('GET', `/data-tables/${tableId}/rows?filter=${filter}`)).data ?? [];
}

/** Sends a signed event to the example's trigger like GOWA and waits for the execution it starts. */
async function gowaPosts(t, event, fields, options = {}) {
	const url = `${t.n8n.baseUrl}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
	const envelope = t.sim.buildEvent(event, fields, { deviceId: GOWA.deviceId, ...options });
	const before = await t.n8n.lastExecutionId(WORKFLOW_ID);
	for (let attempt = 0; attempt < 50; attempt++) {
		const attempts = await t.sim.sendWebhook({ deviceId: GOWA.deviceId, url, secret: GOWA.webhookSecret, envelope, retryDelaysMs: [50, 50, 50, 50] });
		if (attempts.delivered) break;
		if (attempt === 49) throw new Error(`the inbox feed never accepted the ${event} event at ${url}`);
		await sleep(200);
	}
	const { run } = await t.n8n.waitForExecution(WORKFLOW_ID, before);
	t.assert.equal(run.status, 'success', JSON.stringify(run.error));
	return run;
}

/** Sends one message through the example's Send Request webhook; returns the Send Text output item. */
async function send(t, text) {
	const { response, run } = await t.webhook(SEND_PATH, { phone: '+62 812-3456-7890', text });
	t.assert.equal(response.status, 200, response.text);
	t.assert.equal(run.status, 'success', JSON.stringify(run.error));
	const [sent] = run.output('Send Text');
	return sent.json;
}

async function statusOf(t, tableId, messageId) {
	const rows = await rowsWhere(t, tableId, 'messageId', messageId);
	t.assert.equal(rows.length, 1, JSON.stringify(rows));
	return rows[0];
}

module.exports = [
	{
		name: 'inbox feed example: a send records an outbound row, GOWA receipts move it to read (never back), an inbound message is inserted',
		workflows: [FILE],
		timeoutMs: 180_000,
		async run(t) {
			const tableId = await createTable(t);

			// Outbound: the send output carries the tracking fields, and the row records them.
			const sent = await send(t, 'Your Hair Spa on Monday 14:00 is confirmed.');
			t.assert.deepEqual({ provider: sent.provider, tenant: sent.tenant, status: sent.status, recipient: sent.recipient }, { provider: 'gowa', tenant: GOWA.deviceId, status: 'sent', recipient: CUSTOMER_JID });
			t.assert.match(sent.messageId, /^[0-9A-F]{16,}$/i);
			const outbound = await statusOf(t, tableId, sent.messageId);
			t.assert.deepEqual(
				{ direction: outbound.direction, provider: outbound.provider, tenant: outbound.tenant, chatId: outbound.chatId, text: outbound.text, status: outbound.status, statusRank: outbound.statusRank },
				{ direction: 'outbound', provider: 'gowa', tenant: GOWA.deviceId, chatId: CUSTOMER_JID, text: 'Your Hair Spa on Monday 14:00 is confirmed.', status: 'sent', statusRank: 1 },
			);

			// Receipts for that id, delivered then read.
			const delivered = await gowaPosts(t, 'message.ack', { ids: [sent.messageId], chat_id: CUSTOMER_JID, from: CUSTOMER_JID }, { receiptType: 'delivered' });
			t.assert.deepEqual(
				(({ provider, tenant, event, messageId, status, fromMe, gowaEvent }) => ({ provider, tenant, event, messageId, status, fromMe, gowaEvent }))(delivered.output('WhatsApp Trigger')[0].json),
				{ provider: 'gowa', tenant: GOWA.deviceId, event: 'status', messageId: sent.messageId, status: 'delivered', fromMe: true, gowaEvent: 'message.ack' },
			);
			t.assert.equal((await statusOf(t, tableId, sent.messageId)).status, 'delivered');
			await gowaPosts(t, 'message.ack', { ids: [sent.messageId], chat_id: CUSTOMER_JID, from: CUSTOMER_JID }, { receiptType: 'read' });
			const read = await statusOf(t, tableId, sent.messageId);
			t.assert.deepEqual({ status: read.status, statusRank: read.statusRank, direction: read.direction }, { status: 'read', statusRank: 3, direction: 'outbound' });

			// Out of order (GOWA posts each event from its own goroutine): read first, then delivered → stays read.
			const second = await send(t, 'See you soon!');
			await gowaPosts(t, 'message.ack', { ids: [second.messageId], chat_id: CUSTOMER_JID, from: CUSTOMER_JID }, { receiptType: 'read' });
			const late = await gowaPosts(t, 'message.ack', { ids: [second.messageId], chat_id: CUSTOMER_JID, from: CUSTOMER_JID }, { receiptType: 'delivered' });
			t.assert.equal(late.output('Update Delivery Status').length, 0, 'a late "delivered" updates no row');
			t.assert.equal((await statusOf(t, tableId, second.messageId)).status, 'read');

			// Inbound: a customer message becomes a row.
			const inboundId = '3EB0E2E0INBOXFEED0001';
			await gowaPosts(t, 'message', { id: inboundId, chat_id: CUSTOMER_JID, from: CUSTOMER_JID, body: 'Can I move it to 15:00?' });
			const inbound = await statusOf(t, tableId, inboundId);
			t.assert.deepEqual(
				{ direction: inbound.direction, provider: inbound.provider, tenant: inbound.tenant, chatId: inbound.chatId, fromPhone: inbound.fromPhone, fromName: inbound.fromName, type: inbound.type, text: inbound.text, status: inbound.status },
				{ direction: 'inbound', provider: 'gowa', tenant: GOWA.deviceId, chatId: CUSTOMER_JID, fromPhone: '6281234567890', fromName: 'Budi Santoso', type: 'text', text: 'Can I move it to 15:00?', status: 'received' },
			);
			// Status events never insert rows: only the two sends and the one inbound message are in the table.
			t.assert.equal((await rowsWhere(t, tableId, 'direction', 'outbound')).length, 2);
			t.assert.equal((await rowsWhere(t, tableId, 'direction', 'inbound')).length, 1);
		},
	},
];
