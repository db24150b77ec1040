'use strict';
/**
 * examples/auto-reply.json in real n8n: WhatsApp MultiDevice Trigger → Business Hours (Set) → Outside Business
 * Hours? (If) → Send Typing Indicator → Send Text (quoting the customer) → Mark as Read, all through the device
 * that received the message. The example itself is imported twice with only its hours (and ids/credential) patched:
 * once "always closed" (the reply chain must run) and once "always open" (nothing may be sent).
 */
const fs = require('node:fs');
const path = require('node:path');

const { CREDENTIALS } = require('../lib/fixtures');

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'auto-reply.json');
const WORK_DIR = path.join(__dirname, '..', '.work');
const DEVICE = { id: 'trigger-e2e-autoreply', jid: '6281100000093@s.whatsapp.net' };
const CUSTOMER = '6289876543210@s.whatsapp.net';

const VARIANTS = {
	closed: { id: 'e2eAutoReplyShut', webhookId: 'e2e7a003-7219-4e2e-9000-00000000a003', opensAt: 0, closesAt: 0 },
	open: { id: 'e2eAutoReplyOpen', webhookId: 'e2e7a004-7219-4e2e-9000-00000000a004', opensAt: 0, closesAt: 24 },
};

/** Writes the example with only ids, credential and hours changed; returns the file to import. */
function variantFile(name) {
	const variant = VARIANTS[name];
	const workflow = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
	workflow.id = variant.id;
	workflow.name = `e2e: examples/auto-reply.json (${name})`;
	for (const node of workflow.nodes) {
		if (node.credentials?.whatsAppMultiDeviceApi) node.credentials.whatsAppMultiDeviceApi = { ...CREDENTIALS.gowa };
		if (node.webhookId) node.webhookId = variant.webhookId;
		if (node.name === 'Business Hours') {
			for (const assignment of node.parameters.assignments.assignments) {
				if (assignment.name === 'opensAt') assignment.value = variant.opensAt;
				if (assignment.name === 'closesAt') assignment.value = variant.closesAt;
			}
		}
	}
	fs.mkdirSync(WORK_DIR, { recursive: true });
	const file = path.join(WORK_DIR, `auto-reply-${name}.json`);
	fs.writeFileSync(file, `${JSON.stringify(workflow, null, 2)}\n`);
	return file;
}

const CLOSED_FILE = variantFile('closed');
const OPEN_FILE = variantFile('open');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function ensureDevice(t) {
	if (!t.sim.registry.find(DEVICE.id)) t.sim.registry.add(DEVICE.id, { state: 'logged_in', jid: DEVICE.jid });
}

/** A customer message delivered like GOWA to the variant's production URL; retried while the route is not up yet. */
async function customerWrites(t, variant, id) {
	ensureDevice(t);
	const url = `${t.n8n.baseUrl}/webhook/${variant.webhookId}/webhook`;
	const envelope = t.sim.buildEvent('message', { id, chat_id: CUSTOMER, from: CUSTOMER, body: 'Halo kak, besok buka jam berapa?' }, { deviceId: DEVICE.id });
	for (let attempt = 0; attempt < 50; attempt++) {
		const attempts = await t.sim.sendWebhook({ deviceId: DEVICE.id, url, secret: t.GOWA.webhookSecret, envelope, retryDelaysMs: [50, 50, 50, 50] });
		if (attempts.delivered) return attempts;
		await sleep(200);
	}
	throw new Error(`the auto-reply workflow never accepted the event at ${url}`);
}

module.exports = [
	{
		name: 'auto-reply example: outside business hours a customer gets typing, a quoted reply and a read receipt from the receiving device',
		workflows: [CLOSED_FILE],
		async run(t) {
			const variant = VARIANTS.closed;
			const before = await t.n8n.lastExecutionId(variant.id);
			const mark = t.requests().length;
			await customerWrites(t, variant, '3EB0E2E0AUTOREPLY001');
			const { run } = await t.n8n.waitForExecution(variant.id, before);
			t.assert.equal(run.status, 'success', JSON.stringify(run.error));
			const requests = t.requests().slice(mark);
			t.assert.deepEqual(
				requests.map((request) => [request.method, request.path]),
				[
					['POST', '/send/chat-presence'],
					['POST', '/send/message'],
					['POST', '/message/3EB0E2E0AUTOREPLY001/read'],
				],
				t.describeRequests(requests),
			);
			for (const request of requests) {
				t.assert.equal(request.validation?.valid, true, `${request.path}: ${JSON.stringify(request.validation?.errors)}`);
				t.assertTenantHeaders(request, DEVICE.id);
			}
			t.assert.deepEqual(requests[0].json, { phone: CUSTOMER, action: 'start' });
			t.assert.equal(requests[1].json.phone, CUSTOMER);
			t.assert.equal(requests[1].json.reply_message_id, '3EB0E2E0AUTOREPLY001');
			t.assert.match(requests[1].json.message, /^Hi Budi Santoso, thanks for your message! We are closed right now/);
			t.assert.deepEqual(requests[2].json, { phone: CUSTOMER });
			t.assert.equal(run.output('Mark as Read')[0].json.read, true);
		},
	},
	{
		name: 'auto-reply example: inside business hours the message starts the workflow but nothing is sent',
		workflows: [OPEN_FILE],
		async run(t) {
			const variant = VARIANTS.open;
			const before = await t.n8n.lastExecutionId(variant.id);
			const mark = t.requests().length;
			await customerWrites(t, variant, '3EB0E2E0AUTOREPLY002');
			const { run } = await t.n8n.waitForExecution(variant.id, before);
			t.assert.equal(run.status, 'success', JSON.stringify(run.error));
			t.assert.equal(run.output('Outside Business Hours?', 0, 1).length, 1, 'the item took the "false" branch');
			t.assert.deepEqual(t.requests().slice(mark), [], t.describeRequests(t.requests().slice(mark)));
		},
	},
];
