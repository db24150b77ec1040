'use strict';
/**
 * The Reminder Template example workflows (examples/booking-*.json) in real n8n, as a user imports them: only the
 * credential is pointed at the simulator's, and the reminder workflow's Schedule Trigger is swapped for a Manual
 * Trigger so `n8n execute` can run it (the Code node computes its sample bookings from the current 15-minute slot,
 * so reminders are due whenever it runs). Quiet hours are switched off in that copy so the outcome does not depend
 * on the time of day; everything else is the example file as shipped.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { CREDENTIALS } = require('../lib/fixtures');

const EXAMPLES_DIR = path.join(__dirname, '..', '..', 'examples');
const COPIES_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-reminder-examples-'));
process.once('exit', () => fs.rmSync(COPIES_DIR, { recursive: true, force: true }));

/** Writes an adapted copy of an example into a temp folder; returns its absolute path. */
function exampleCopy(file, adapt) {
	const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
	for (const node of workflow.nodes) {
		if (node.credentials?.whatsAppMultiDeviceApi) node.credentials.whatsAppMultiDeviceApi = { ...CREDENTIALS.gowa };
	}
	adapt(workflow);
	const copy = path.join(COPIES_DIR, file);
	fs.writeFileSync(copy, JSON.stringify(workflow, null, 2));
	return { path: copy, id: workflow.id };
}

const confirmation = exampleCopy('booking-confirmation.json', () => {});
const reminders = exampleCopy('booking-reminders.json', (workflow) => {
	const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger');
	Object.assign(trigger, { type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} });
	const template = workflow.nodes.find((node) => node.type === 'n8n-nodes-whatsapp-multidevice.whatsAppReminderTemplate');
	delete template.parameters.options.quietHours;
});

module.exports = [
	{
		name: 'reminder example: booking webhook → confirmation (Indonesian, WIB) → Send Text',
		workflows: [confirmation.path],
		async run(t) {
			const result = await t.webhook('booking-created', {
				bookingId: 'BK-1024',
				customerName: 'Ibu Siti Rahma',
				phone: '0812-3456-7890',
				service: 'Hair Spa',
				staff: 'Rina',
				startTime: '2026-11-23 14:00',
				durationMinutes: 90,
				timeZone: 'Asia/Jakarta',
				language: 'id',
				businessName: 'Salon Ayu',
				location: 'Jl. Kemang Raya No. 10, Jakarta',
				bookingLink: 'https://book.example.com/b/BK-1024',
			});
			t.assert.equal(result.response.status, 200, result.response.text);
			t.assert.equal(result.run.status, 'success', `execution failed: ${JSON.stringify(result.run.error)}`);
			const [rendered] = result.run.output('Confirmation Message');
			t.assert.equal(rendered.json.kind, 'confirmation');
			t.assert.equal(rendered.json.due, true);
			t.assert.deepEqual(rendered.pairedItem, { item: 0 });
			const [sent] = result.run.output('Send Text');
			t.assert.equal(sent.json.status, 'sent');
			const request = t.onlyRequest(result.requests, 'POST', '/send/message');
			t.assertTenantHeaders(request);
			t.assert.deepEqual(request.json, {
				phone: '6281234567890@s.whatsapp.net',
				message: [
					'Halo Kak Siti 👋',
					'Booking Kakak di *Salon Ayu* sudah terkonfirmasi ✅',
					'',
					'*Layanan:* Hair Spa',
					'*Tanggal:* Senin, 23 November 2026',
					'*Jam:* 14.00–15.30 WIB',
					'*Bersama:* Rina',
					'*Lokasi:* Jl. Kemang Raya No. 10, Jakarta',
					'*Kode booking:* BK-1024',
					'',
					'Perlu ganti jadwal? Bisa lewat https://book.example.com/b/BK-1024 atau balas pesan ini ya.',
					'Sampai ketemu! 😊',
				].join('\n'),
			});
		},
	},
	{
		name: 'reminder example: upcoming bookings → 24 h + 2 h reminders → only the due ones are sent (n8n execute)',
		workflows: [reminders.path],
		async run(t) {
			const result = await t.execute(reminders.id);
			t.assert.equal(result.code, 0, `n8n execute exited ${result.code}: ${JSON.stringify(result.run.error)}`);
			t.assert.equal(result.ok, true);
			const rendered = result.run.output('Reminder Messages');
			t.assert.deepEqual(
				rendered.map((item) => [item.json.bookingId, item.json.sendTime, item.json.due, item.pairedItem]),
				[
					['BK-1001', '24 hours before start', true, { item: 0 }],
					['BK-1001', '2 hours before start', false, { item: 0 }],
					['BK-1002', '2 hours before start', true, { item: 1 }],
					['BK-1003', '24 hours before start', false, { item: 2 }],
					['BK-1003', '2 hours before start', false, { item: 2 }],
				],
				'BK-1002’s 24 h reminder lies before this run’s window and is skipped',
			);
			const due = rendered.filter((item) => item.json.due);
			t.assert.deepEqual(
				result.run.output('Send Text').map((item) => item.json.status),
				['sent', 'sent'],
			);
			t.assert.deepEqual(
				result.requests.map((request) => [request.method, request.path, request.json?.phone, request.validation?.valid]),
				[
					['POST', '/send/message', '6281234567001@s.whatsapp.net', true],
					['POST', '/send/message', '6281138001002@s.whatsapp.net', true],
				],
			);
			t.assert.deepEqual(
				result.requests.map((request) => request.json.message),
				due.map((item) => item.json.message),
			);
			t.assert.match(due[0].json.message, /\*besok\*/);
			t.assert.match(due[1].json.message, /^Hi John 👋\nA friendly reminder of your appointment at \*Salon Ayu Bali\* \*today\*:/);
			t.assert.match(due[1].json.message, /\*Time:\* \d{1,2}:\d{2}(?: [AP]M)?–\d{1,2}:\d{2} [AP]M WITA/);
		},
	},
];
