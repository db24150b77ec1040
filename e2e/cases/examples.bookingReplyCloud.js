'use strict';
/**
 * examples/booking-confirm-reply-cloud.json as a user imports it (credentials pointed at the Meta simulator and at this
 * n8n's API): booking created → the booking with Confirm / Reschedule reply buttons (valid against Meta's spec) → the
 * button press reaches the WhatsApp Cloud Trigger of the same workflow as a signed Meta delivery, is handed to the
 * waiting execution, and the matching branch runs. The timeout branch runs on a copy whose 24-hour wait is shortened
 * to 3 seconds.
 */
const fs = require('node:fs');
const path = require('node:path');

const { startWaiting, finishedRun, postCloudMessage, cloudButtonReply, createN8nApiCredential, importExample } = require('../lib/waiting');

const { startCloudSimulator } = require(path.join(__dirname, '..', '..', 'simulator', 'cloud'));

const EXAMPLE = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'booking-confirm-reply-cloud.json'), 'utf8'));
const CUSTOMER = '6281277770002';
const BOOKING = { phone: `+${CUSTOMER}`, name: 'Ayu', service: 'Hair Spa', startsAt: 'Monday 14:00' };

let created;

/** The Meta simulator and the example (and a copy with a 3-second wait, under other webhook paths), imported once. */
async function setup(t) {
	if (created) return created;
	const meta = await startCloudSimulator({ port: 0 });
	process.once('exit', () => meta.server.close());
	const cloud = await t.n8n.api('POST', '/credentials', { name: 'Meta simulator (booking reply)', type: 'whatsAppCloudApi', data: meta.credentials() });
	const n8nCred = await createN8nApiCredential(t, 'n8n API for Cloud chat replies');
	const credentials = { whatsAppCloudApi: { id: cloud.id, name: 'Meta simulator (booking reply)' }, whatsAppN8nApi: n8nCred };
	const make = async (suffix, shorten) => {
		const imported = await importExample(t, EXAMPLE, suffix, { credentials, shorten });
		return { id: imported.id, path: imported.node('Booking Created').parameters.path, triggerUrl: `${t.n8n.baseUrl}/webhook/${imported.node('WhatsApp Cloud Trigger').webhookId}/webhook` };
	};
	created = { meta, example: await make('c2e1', false), short: await make('c2e2', true) };
	return created;
}

const ran = (run, name) => Boolean(run.runData[name]);

/** Starts the booking, checks the reply-button question, lets the customer press `button`; resolves the finished run. */
async function answer(t, flow, button) {
	const { meta } = created;
	await meta.receiveMessage({ from: CUSTOMER, text: 'Halo' }); // opens Meta's 24-hour customer service window
	const mark = meta.requests.length;
	const executionId = await startWaiting(t, flow.path, flow.id, BOOKING);
	const [question] = meta.requests.slice(mark).filter((request) => request.operationId === 'sendMessage');
	t.assert.equal(question.validation.valid, true, `not valid against Meta's spec: ${JSON.stringify(question.validation.errors)}`);
	t.assert.equal(question.json.to, CUSTOMER);
	t.assert.equal(question.json.interactive.body.text, 'Hi Ayu, your *Hair Spa* is booked for Monday 14:00.\nPlease confirm, or tap Reschedule to pick another time.');
	t.assert.deepEqual(question.json.interactive.action.buttons.map((entry) => [entry.reply.id, entry.reply.title]), [['Confirm', 'Confirm'], ['Reschedule', 'Reschedule']]);
	await postCloudMessage(t, meta, flow.triggerUrl, { from: CUSTOMER, message: cloudButtonReply(meta, question.response.body.messages[0].id, button) });
	return await finishedRun(t, executionId);
}

/** The runs of the example's trigger (hand-off) executions newer than `before`. */
async function handOffRuns(t, flow, before) {
	const runs = [];
	for (const entry of (await t.n8n.executions(flow.id, { limit: 10 })).filter((execution) => Number(execution.id) > before && execution.status === 'success')) {
		const { run } = await t.n8n.execution(entry.id);
		if (run.runData['Hand Reply to Waiting Booking']) runs.push(run);
	}
	return runs;
}

module.exports = [
	{
		name: 'example booking-confirm-reply-cloud.json: the Confirm button runs the confirmed branch',
		timeoutMs: 300_000,
		async run(t) {
			const { example } = await setup(t);
			const run = await answer(t, example, 'Confirm');
			t.assert.ok(ran(run, 'Booking Confirmed'), 'confirmed branch');
			t.assert.ok(!ran(run, 'Offer New Time') && !ran(run, 'No Answer (Timeout)'));
			t.assert.equal(run.output('Ask to Confirm')[0].json.answer, 'Confirm');
		},
	},
	{
		name: 'example booking-confirm-reply-cloud.json: the Reschedule button runs the reschedule branch; one hand-off execution took it',
		timeoutMs: 300_000,
		async run(t) {
			const { example } = await setup(t);
			const before = await t.n8n.lastExecutionId(example.id);
			const run = await answer(t, example, 'Reschedule');
			t.assert.ok(ran(run, 'Offer New Time'), 'reschedule branch');
			t.assert.ok(!ran(run, 'Booking Confirmed'));
			const handOffs = await handOffRuns(t, example, before);
			t.assert.equal(handOffs.length, 1);
			t.assert.ok(handOffs[0].runData['Reply Handled'] && !handOffs[0].runData['Other Messages']);
		},
	},
	{
		name: 'example booking-confirm-reply-cloud.json: no button pressed within the wait runs the timeout branch (wait shortened)',
		timeoutMs: 180_000,
		async run(t) {
			const { meta, short } = await setup(t);
			await meta.receiveMessage({ from: CUSTOMER, text: 'Halo' });
			const executionId = await startWaiting(t, short.path, short.id, BOOKING);
			const run = await finishedRun(t, executionId, 150_000);
			t.assert.ok(ran(run, 'No Answer (Timeout)'), 'timeout branch');
			t.assert.ok(!ran(run, 'Booking Confirmed') && !ran(run, 'Offer New Time'));
		},
	},
];
