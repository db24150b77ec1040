'use strict';
/** Helpers of the send-and-wait cases: polling n8n for waiting/finished executions and posting GOWA and Cloud chat events. */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns something truthy; throws `<what> within N s` otherwise. */
async function poll(what, check, timeoutMs = 60_000) {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		const value = await check();
		if (value) return value;
		await sleep(250);
	}
	throw new Error(`${what} within ${timeoutMs / 1000} s`);
}

/** POSTs to a webhook and returns the id of the execution it put to wait. */
async function startWaiting(t, webhookPath, workflowId, body) {
	const before = await t.n8n.lastExecutionId(workflowId);
	const response = await t.n8n.postWebhook(webhookPath, body);
	t.assert.equal(response.status, 200, response.text);
	const entry = await poll(`no waiting execution of ${workflowId}`, async () =>
		(await t.n8n.executions(workflowId, { limit: 10 })).find((execution) => Number(execution.id) > before && execution.status === 'waiting'),
	);
	return entry.id;
}

/** The run of an execution once it succeeded. */
async function finishedRun(t, executionId, timeoutMs = 60_000) {
	return await poll(
		`execution ${executionId} did not succeed`,
		async () => {
			const result = await t.n8n.execution(executionId);
			return result.execution.status === 'success' ? result.run : undefined;
		},
		timeoutMs,
	);
}

/** Posts a customer's message to a GOWA trigger's production webhook, signed like GOWA; resolves when it is taken. */
async function postChatMessage(t, webhookId, phone, payload) {
	const jid = `${phone}@s.whatsapp.net`;
	const url = `${t.n8n.baseUrl}/webhook/${webhookId}/webhook`;
	const id = `3EB0C4A1${Date.now().toString(16).toUpperCase()}${Math.floor(Math.random() * 1e6)}`;
	const envelope = t.sim.buildEvent('message', { id, chat_id: jid, from: jid, timestamp: `${new Date().toISOString().slice(0, 19)}Z`, ...payload }, { deviceId: t.GOWA.deviceId });
	let attempts;
	for (let attempt = 0; attempt < 50; attempt++) {
		attempts = await t.sim.sendWebhook({ deviceId: t.GOWA.deviceId, url, secret: t.GOWA.webhookSecret, envelope, retryDelaysMs: [] });
		if (attempts.delivered) return attempts;
		await sleep(200);
	}
	t.assert.fail(`the trigger did not take the event: ${JSON.stringify([...attempts])}`);
}

/**
 * Lets the Meta simulator post a customer's message (signed with the app secret, as Meta does) to a WhatsApp Cloud
 * Trigger's production URL; retries while n8n has not routed it yet (404). Resolves the delivery.
 */
async function postCloudMessage(t, meta, url, { from, message, text }) {
	let delivery;
	for (let attempt = 0; attempt < 150; attempt++) {
		delivery = await meta.receiveMessage({ from, url, message, text });
		if (delivery.status !== 404) break;
		await sleep(200);
	}
	t.assert.equal(delivery.status, 200, `the WhatsApp Cloud Trigger answered ${delivery.status} ${delivery.error ?? ''}`);
	return delivery;
}

/** A Cloud reply-button press as Meta delivers it: `interactive.button_reply`, in context of the question message. */
function cloudButtonReply(meta, questionId, id, title = id) {
	const business = meta.state.phoneNumbers.get(meta.phoneNumberId).display_phone_number.replace(/\D/g, '');
	return { type: 'interactive', context: { from: business, id: questionId }, interactive: { type: 'button_reply', button_reply: { id, title } } };
}

/**
 * Imports a copy of an example workflow through n8n's public API and activates it, as a user who imported it would:
 * credential references replaced (`credentials`: credential type → { id, name }), webhook IDs and paths suffixed with
 * `suffix` (so several copies coexist), and with `shorten` the Send and Wait limit cut to 3 seconds.
 * Resolves { id, node(name) }.
 */
async function importExample(t, example, suffix, { credentials, shorten = false }) {
	const workflow = JSON.parse(JSON.stringify(example));
	for (const node of workflow.nodes) {
		for (const type of Object.keys(node.credentials ?? {})) if (credentials[type]) node.credentials[type] = { ...credentials[type] };
		if (node.webhookId) node.webhookId = node.webhookId.replace(/.{4}$/, suffix);
		if (node.parameters.path) node.parameters.path += `-${suffix}`;
		if (shorten && node.parameters.operation === 'sendAndWait') node.parameters.options.limitWaitTime.values = { limitType: 'afterTimeInterval', resumeAmount: 0.05, resumeUnit: 'minutes' };
	}
	const result = await t.n8n.api('POST', '/workflows', { name: `${workflow.name} ${suffix}`, nodes: workflow.nodes, connections: workflow.connections, settings: workflow.settings });
	await t.n8n.activate(result.id);
	return { id: result.id, node: (name) => workflow.nodes.find((node) => node.name === name) };
}

/** Creates the n8n API credential the hand-off needs (public API; it holds this instance's API key). */
async function createN8nApiCredential(t, name) {
	const credential = await t.n8n.api('POST', '/credentials', { name, type: 'whatsAppN8nApi', data: { baseUrl: t.n8n.baseUrl, apiKey: t.n8n.apiKey } });
	return { id: credential.id, name };
}

module.exports = { sleep, poll, startWaiting, finishedRun, postChatMessage, postCloudMessage, cloudButtonReply, importExample, createN8nApiCredential };
