'use strict';
/**
 * examples/booking-confirm-reply.json as a user imports it (credentials pointed at the simulator and at this n8n's
 * API): booking created → "reply 1 to confirm, 2 to reschedule" → the reply in the chat reaches the trigger of the
 * same workflow, is handed to the waiting execution, and the matching branch runs. The timeout branch runs on a copy
 * whose 24-hour wait is shortened to 3 seconds.
 */
const fs = require('node:fs');
const path = require('node:path');

const { CREDENTIALS } = require('../lib/fixtures');
const { startWaiting, finishedRun, postChatMessage, createN8nApiCredential, importExample } = require('../lib/waiting');

const EXAMPLE = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'booking-confirm-reply.json'), 'utf8'));
const CUSTOMER = '6281277770001';
const BOOKING = { phone: `+${CUSTOMER}`, name: 'Ayu', service: 'Hair Spa', startsAt: 'Monday 14:00' };

let created;

/** Imports the example (and a copy with a 3-second wait, under other webhook paths) once, through the public API. */
async function setup(t) {
	if (created) return created;
	const n8nCred = await createN8nApiCredential(t, 'n8n API for chat replies');
	const credentials = { whatsAppMultiDeviceApi: CREDENTIALS.gowa, whatsAppN8nApi: n8nCred };
	const make = async (suffix, shorten) => {
		const imported = await importExample(t, EXAMPLE, suffix, { credentials, shorten });
		return { id: imported.id, path: imported.node('Booking Created').parameters.path, triggerHook: imported.node('WhatsApp Trigger').webhookId };
	};
	created = { example: await make('e2e1', false), short: await make('e2e2', true) };
	return created;
}

const ran = (run, name) => Boolean(run.runData[name]);

async function answer(t, flow, reply) {
	const executionId = await startWaiting(t, flow.path, flow.id, BOOKING);
	await postChatMessage(t, flow.triggerHook, CUSTOMER, { body: reply });
	return await finishedRun(t, executionId);
}

module.exports = [
	{
		name: 'example booking-confirm-reply.json: reply "1" runs the confirmed branch',
		async run(t) {
			const { example } = await setup(t);
			const question = t.requests();
			const run = await answer(t, example, '1');
			t.assert.ok(ran(run, 'Booking Confirmed'), 'confirmed branch');
			t.assert.ok(!ran(run, 'Offer New Time') && !ran(run, 'No Answer (Timeout)'));
			const sent = t.requests().slice(question.length).find((request) => request.path === '/send/message');
			t.assert.equal(sent.json.message, 'Hi Ayu, your *Hair Spa* is booked for Monday 14:00.\nReply *1* to confirm or *2* to reschedule.');
		},
	},
	{
		name: 'example booking-confirm-reply.json: reply "2" runs the reschedule branch; the hand-off execution took the reply',
		async run(t) {
			const { example } = await setup(t);
			const before = await t.n8n.lastExecutionId(example.id);
			const run = await answer(t, example, '2');
			t.assert.ok(ran(run, 'Offer New Time'), 'reschedule branch');
			t.assert.ok(!ran(run, 'Booking Confirmed'));
			const list = await t.n8n.executions(example.id, { limit: 10 });
			const handOffs = [];
			for (const entry of list.filter((execution) => Number(execution.id) > before && execution.status === 'success')) {
				const { run: other } = await t.n8n.execution(entry.id);
				if (other.runData['Hand Reply to Waiting Booking']) handOffs.push(other);
			}
			t.assert.equal(handOffs.length, 1);
			t.assert.ok(handOffs[0].runData['Reply Handled'] && !handOffs[0].runData['Other Messages']);
		},
	},
	{
		name: 'example booking-confirm-reply.json: no reply within the wait runs the timeout branch (wait shortened)',
		timeoutMs: 180_000,
		async run(t) {
			const { short } = await setup(t);
			const executionId = await startWaiting(t, short.path, short.id, BOOKING);
			const run = await finishedRun(t, executionId, 150_000);
			t.assert.ok(ran(run, 'No Answer (Timeout)'), 'timeout branch');
			t.assert.ok(!ran(run, 'Booking Confirmed') && !ran(run, 'Offer New Time'));
		},
	},
];
