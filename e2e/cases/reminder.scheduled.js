'use strict';
/**
 * examples/booking-reminders-scheduled.json in real n8n against the simulator speaking GOWA v9.5: a booking-created
 * webhook schedules the 24 h and 2 h reminders on the GOWA server (no Schedule Trigger), GOWA's worker sends them
 * when due without n8n, and a booking-cancelled webhook cancels them by scheduleId. Only the credential is changed.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { CREDENTIALS } = require('../lib/fixtures');

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'booking-reminders-scheduled.json');
const COPIES_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-scheduled-reminders-'));
process.once('exit', () => fs.rmSync(COPIES_DIR, { recursive: true, force: true }));

const workflow = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
for (const node of workflow.nodes) {
	if (node.credentials?.whatsAppMultiDeviceApi) node.credentials.whatsAppMultiDeviceApi = { ...CREDENTIALS.gowa };
}
const copy = path.join(COPIES_DIR, 'booking-reminders-scheduled.json');
fs.writeFileSync(copy, JSON.stringify(workflow, null, 2));

/** "YYYY-MM-DD" in Asia/Jakarta, `days` from now. */
function jakartaDate(days) {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
}

/** The UTC instant of `date` at `hour`:00 in Asia/Jakarta (UTC+7, no DST), as GOWA reports it. */
const jakartaUtc = (date, hour) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+07:00`).toISOString().replace('.000Z', 'Z');

function booking(bookingId, phone, days) {
	return {
		bookingId,
		customerName: 'Ibu Siti Rahma',
		phone,
		service: 'Hair Spa',
		staff: 'Rina',
		startTime: `${jakartaDate(days)} 14:00`,
		durationMinutes: 90,
		timeZone: 'Asia/Jakarta',
		language: 'id',
		businessName: 'Salon Ayu',
	};
}

module.exports = [
	{
		name: 'scheduled reminders example: booking created → 24 h + 2 h reminders scheduled on GOWA v9.5 → sent by GOWA when due → cancelled by scheduleId',
		workflows: [copy],
		timeoutMs: 180_000,
		async run(t) {
			const start = jakartaDate(3);
			const created = await t.webhook('booking-created-schedule', booking('BK-2001', '0812-3456-2001', 3));
			t.assert.equal(created.response.status, 200, created.response.text);
			t.assert.equal(created.run.status, 'success', `execution failed: ${JSON.stringify(created.run.error)}`);
			const rendered = created.run.output('Reminder Messages');
			t.assert.deepEqual(
				rendered.map((item) => [item.json.sendTime, item.json.due]),
				[
					['24 hours before start', false],
					['2 hours before start', false],
				],
			);
			const scheduled = created.run.output('Schedule on GOWA');
			t.assert.deepEqual(
				scheduled.map((item) => [item.json.status, item.json.scheduledAt, item.pairedItem]),
				[
					['scheduled', jakartaUtc(jakartaDate(2), 14), { item: 0 }],
					['scheduled', jakartaUtc(start, 12), { item: 1 }],
				],
			);
			// The webhook answers with the scheduled reminders: the booking platform stores their scheduleIds.
			const answer = JSON.parse(created.response.text);
			const scheduleIds = answer.map((entry) => entry.scheduleId);
			t.assert.deepEqual(scheduleIds, scheduled.map((item) => item.json.scheduleId));
			t.assert.equal(new Set(scheduleIds).size, 2);

			const sends = created.requests.filter((request) => request.path === '/send/message');
			t.assert.equal(sends.length, 2);
			// Items run in parallel (Sending → Parallel Requests): match each request to its reminder by text.
			t.assert.deepEqual(sends.map((request) => request.json.message).sort(), rendered.map((item) => item.json.message).sort());
			for (const request of sends) {
				t.assertTenantHeaders(request);
				t.assert.equal(request.validation.valid, true, `not valid against GOWA v9.5: ${JSON.stringify(request.validation.errors)}`);
				t.assert.deepEqual(Object.keys(request.json).sort(), ['message', 'phone', 'recurrence', 'scheduled_at', 'timezone']);
				t.assert.equal(request.json.phone, '6281234562001@s.whatsapp.net');
				t.assert.equal(request.json.timezone, 'Asia/Jakarta');
				const reminder = rendered.find((item) => item.json.message === request.json.message);
				t.assert.equal(Date.parse(request.json.scheduled_at), Date.parse(reminder.json.sendAt));
			}
			t.assert.deepEqual(
				created.requests.map((request) => request.path),
				['/app/info', '/send/message', '/send/message'],
				'/app/info is read once per run, before the first scheduled send',
			);

			// GOWA's worker sends the first reminder when it is due — n8n plays no part in it.
			const schedules = () => t.sim.schedulesOf().filter((schedule) => scheduleIds.includes(schedule.id));
			t.assert.deepEqual(schedules().map((schedule) => schedule.status), ['active', 'active']);
			const ran = t.sim.runDueSchedules(Date.parse(jakartaUtc(jakartaDate(2), 14)) + 1000).filter((schedule) => scheduleIds.includes(schedule.id));
			t.assert.deepEqual(ran.map((schedule) => [schedule.id, schedule.status, schedule.occurrence_count]), [[scheduleIds[0], 'completed', 1]]);

			// Booking cancelled: both reminders by scheduleId; the one already sent cannot be cancelled (GOWA 400), the other is.
			const cancelled = await t.webhook('booking-cancelled-schedule', { bookingId: 'BK-2001', scheduleIds });
			t.assert.equal(cancelled.run.status, 'success', `execution failed: ${JSON.stringify(cancelled.run.error)}`);
			const outcomes = cancelled.run.output('Cancel Reminder');
			t.assert.equal(outcomes.length, 2);
			t.assert.match(String(outcomes[0].json.error), /schedule is completed and cannot be cancelled/);
			t.assert.deepEqual(outcomes[1].json, { success: true, scheduleId: scheduleIds[1], status: 'cancelled', serverStatus: 'Schedule cancelled' });
			t.assert.deepEqual(
				cancelled.requests.map((request) => [request.method, request.path, request.response?.status]).sort(),
				[
					['GET', '/app/info', 200],
					['POST', `/send/schedules/${scheduleIds[0]}/cancel`, 400],
					['POST', `/send/schedules/${scheduleIds[1]}/cancel`, 200],
				].sort(),
			);
			t.assert.deepEqual(schedules().map((schedule) => schedule.status).sort(), ['cancelled', 'completed']);
			// The cancelled reminder never goes out.
			const later = t.sim.runDueSchedules(Date.parse(jakartaUtc(start, 12)) + 60_000).filter((schedule) => scheduleIds.includes(schedule.id));
			t.assert.deepEqual(later, []);
		},
	},
];
