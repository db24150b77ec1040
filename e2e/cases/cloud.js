'use strict';
/**
 * WhatsApp Cloud (Meta) in real n8n: the node, installed as a community package, sends through the Meta simulator
 * (simulator/cloud, started in this process). The "Meta simulator" credential and the cloud-*.json workflows are
 * created through n8n's public API once, the first time a Cloud case runs, and every request Meta receives must
 * match Meta's spec (with the NOTES §8 patches) — the simulator rejects it otherwise.
 */
const path = require('node:path');

const { readWorkflow } = require('../lib/workflows');
const { png } = require('../lib/media');

const { startCloudSimulator } = require(path.join(__dirname, '..', '..', 'simulator', 'cloud'));

const CUSTOMER = '6281234567890';
const WORKFLOWS = ['cloud-send-text.json', 'cloud-send-buttons.json', 'cloud-send-template.json', 'cloud-send-image.json', 'cloud-download.json'];

let fixture;

/** Starts the Meta simulator, creates the credential and the workflows (public API) and activates them — once. */
async function cloudFixture(t) {
	if (fixture) return fixture;
	const meta = await startCloudSimulator({ port: 0 });
	process.once('exit', () => meta.server.close());
	const credential = await t.n8n.api('POST', '/credentials', { name: 'Meta simulator', type: 'whatsAppCloudApi', data: meta.credentials() });
	const workflows = {};
	for (const file of WORKFLOWS) {
		const workflow = readWorkflow(file);
		for (const node of workflow.nodes) {
			if (node.credentials?.whatsAppCloudApi) node.credentials.whatsAppCloudApi = { id: credential.id, name: 'Meta simulator' };
		}
		const created = await t.n8n.api('POST', '/workflows', { name: workflow.name, nodes: workflow.nodes, connections: workflow.connections, settings: workflow.settings });
		await t.n8n.activate(created.id);
		const hook = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
		workflows[hook.parameters.path] = created.id;
	}
	fixture = { meta, workflows };
	return fixture;
}

/** POSTs to a Cloud workflow's webhook; returns the run and the requests Meta received meanwhile. */
async function trigger(t, webhookPath, body) {
	const { meta, workflows } = await cloudFixture(t);
	const mark = meta.requests.length;
	const result = await t.webhook(webhookPath, body, { workflowId: workflows[webhookPath] });
	return { ...result, meta, metaRequests: meta.requests.slice(mark) };
}

function assertValid(t, request, method, graphPathEnd) {
	t.assert.equal(request.method, method);
	t.assert.ok(request.path.startsWith('/v23.0/') && request.path.endsWith(graphPathEnd), `path ${request.path}`);
	t.assert.equal(request.validation.valid, true, `not valid against Meta's spec: ${JSON.stringify(request.validation.errors)}`);
	t.assert.equal(request.response.status, 200, JSON.stringify(request.response.body));
	t.assert.match(String(request.headers.authorization), /^Bearer EAAG-/);
}

function assertSent(t, result, nodeName) {
	t.assert.equal(result.run.status, 'success', `execution failed: ${JSON.stringify(result.run.error)}`);
	const [item] = result.run.output(nodeName);
	t.assert.equal(item.json.status, 'sent');
	t.assert.equal(item.json.provider, 'cloud');
	t.assert.match(item.json.messageId, /^wamid\./);
	t.assert.deepEqual(item.pairedItem, { item: 0 });
	return item.json;
}

module.exports = [
	{
		name: 'cloud send text: expressions and reply context reach POST /{phone-number-id}/messages inside the 24-hour window',
		async run(t) {
			const { meta } = await cloudFixture(t);
			await meta.receiveMessage({ from: CUSTOMER });
			const result = await trigger(t, 'e2e-cloud-text', { phone: '+62 812-3456-7890', name: 'Ayu', booking: 8841, replyTo: 'wamid.E2EINBOUND' });
			const json = assertSent(t, result, 'Send Text');
			t.assert.equal(json.tenant, meta.phoneNumberId);
			t.assert.equal(result.metaRequests.length, 1);
			assertValid(t, result.metaRequests[0], 'POST', '/messages');
			t.assert.deepEqual(result.metaRequests[0].json, { messaging_product: 'whatsapp', recipient_type: 'individual', to: CUSTOMER, type: 'text', text: { body: 'Hi Ayu, your booking #8841 is confirmed.', preview_url: false }, context: { message_id: 'wamid.E2EINBOUND' } });
		},
	},
	{
		name: 'cloud send text outside the 24-hour window: the 131047 error says to send an approved template',
		async run(t) {
			const result = await trigger(t, 'e2e-cloud-text', { phone: '+62 899-0000-0042', name: 'Budi', booking: 1, replyTo: '' });
			t.assert.equal(result.run.status, 'error');
			t.assert.equal(result.run.error.message, 'More than 24 hours have passed since the recipient last wrote to this number (error 131047)');
			t.assert.match(result.run.error.description, /Send an approved template instead: Message → Send with Message Type "Template"/);
			t.assert.equal(result.metaRequests.length, 1, 'not retried');
		},
	},
	{
		name: 'cloud send interactive reply buttons',
		async run(t) {
			const { meta } = await cloudFixture(t);
			await meta.receiveMessage({ from: CUSTOMER });
			const result = await trigger(t, 'e2e-cloud-buttons', { phone: CUSTOMER, booking: 77, when: 'Monday 10:00' });
			assertSent(t, result, 'Send Buttons');
			assertValid(t, result.metaRequests[0], 'POST', '/messages');
			t.assert.deepEqual(result.metaRequests[0].json.interactive, {
				type: 'button',
				header: { type: 'text', text: 'Booking #77' },
				body: { text: 'Confirm Monday 10:00?' },
				footer: { text: 'Salon Ayu' },
				action: { buttons: [{ type: 'reply', reply: { id: 'confirm-77', title: 'Confirm' } }, { type: 'reply', reply: { id: 'move-77', title: 'Reschedule' } }] },
			});
		},
	},
	{
		name: 'cloud send template with header image, body and button parameters (no open window needed)',
		async run(t) {
			const result = await trigger(t, 'e2e-cloud-template', { phone: '+62 811-2222-3333', name: 'Ayu', service: 'haircut', when: 'Monday 10:00', deposit: 50000, booking: 'b-9', banner: 'https://example.com/banner.jpg' });
			assertSent(t, result, 'Send Template');
			assertValid(t, result.metaRequests[0], 'POST', '/messages');
			const { template } = result.metaRequests[0].json;
			t.assert.deepEqual(template.language, { code: 'en_US', policy: 'deterministic' });
			t.assert.deepEqual(template.components, [
				{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/banner.jpg' } }] },
				{ type: 'body', parameters: [{ type: 'text', text: 'Ayu' }, { type: 'text', text: 'haircut' }, { type: 'date_time', date_time: { fallback_value: 'Monday 10:00' } }, { type: 'currency', currency: { fallback_value: 'IDR 50000', code: 'IDR', amount_1000: 50000000 } }] },
				{ type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'confirm-b-9' }] },
				{ type: 'button', sub_type: 'url', index: '2', parameters: [{ type: 'text', text: 'b-9' }] },
			]);
		},
	},
	{
		name: 'cloud send image from an n8n binary: uploaded to /media with image/png, then sent by id',
		async run(t) {
			const { meta } = await cloudFixture(t);
			await meta.receiveMessage({ from: CUSTOMER });
			const bytes = png(24, 16, 3);
			const result = await trigger(t, 'e2e-cloud-image', { phone: CUSTOMER, caption: 'Your new look', file: { base64: bytes.toString('base64'), fileName: 'look.png', mimeType: 'image/png', property: 'photo' } });
			assertSent(t, result, 'Send Image');
			const [upload, send] = result.metaRequests;
			t.assert.equal(upload.path, `/v23.0/${meta.phoneNumberId}/media`);
			t.assert.equal(upload.form.files.file.contentType, 'image/png');
			t.assert.ok(upload.form.files.file.bytes.equals(bytes), 'the exact bytes were uploaded');
			assertValid(t, send, 'POST', '/messages');
			t.assert.deepEqual(send.json.image, { id: upload.response.body.id, caption: 'Your new look' });
		},
	},
	{
		name: 'cloud download media as n8n binary with MIME type and file name',
		async run(t) {
			const { meta } = await cloudFixture(t);
			const bytes = Buffer.from('%PDF-1.4\n%e2e\n%%EOF');
			const media = meta.state.storeMedia(meta.phoneNumberId, { bytes, mimeType: 'application/pdf', fileName: 'invoice.pdf' });
			const result = await trigger(t, 'e2e-cloud-download', { mediaId: media.id });
			t.assert.equal(result.run.status, 'success', JSON.stringify(result.run.error));
			const [item] = result.run.output('Download');
			t.assert.equal(item.binary.file.mimeType, 'application/pdf');
			t.assert.equal(item.binary.file.fileName, `${media.id}.pdf`);
			t.assert.equal(item.json.size, bytes.length);
			t.assert.deepEqual(result.metaRequests.map((request) => request.operationId), ['retrieveMediaUrl', 'downloadMedia']);
		},
	},
];
