import { BookingInputError } from '../../../../nodes/WhatsAppReminderTemplate/logic/errors';
import { planMessages } from '../../../../nodes/WhatsAppReminderTemplate/logic/plan';
import { booking, settings, utc } from '../fixtures';

function failure(run: () => unknown): BookingInputError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(BookingInputError);
		return error as BookingInputError;
	}
	throw new Error('expected a BookingInputError');
}

describe('planMessages: reminders 24 h and 2 h before a Monday 14:00 WIB booking', () => {
	// The run happens on Sunday 22 November at 14:05:40 WIB (07:05:40 UTC): the 24 h reminder (14:00 WIB) is due.
	const now = utc('2026-11-22T07:05:40Z');
	const messages = planMessages(booking(), settings({ now }));

	it('gives one item per send time with UTC and local send times', () => {
		expect(messages.map((message) => [message.sendTime, message.sendAt, message.sendAtLocal])).toEqual([
			['24 hours before start', '2026-11-22T07:00:00.000Z', '2026-11-22T14:00:00.000+07:00'],
			['2 hours before start', '2026-11-23T05:00:00.000Z', '2026-11-23T12:00:00.000+07:00'],
		]);
	});

	it('marks only the one in this run’s window as due', () => {
		expect(messages.map((message) => message.due)).toEqual([true, false]);
		expect(messages.map((message) => message.past)).toEqual([false, false]);
	});

	it('carries everything the Send node and a log need', () => {
		expect(messages[0]).toMatchObject({
			kind: 'reminder',
			bookingId: 'BK-1024',
			phone: '6281234567890',
			recipient: '6281234567890@s.whatsapp.net',
			language: 'id',
			timeZone: 'Asia/Jakarta',
			startTime: '2026-11-23T14:00:00.000+07:00',
			shifted: false,
			shiftedFrom: null,
			messageKey: 'BK-1024:reminder:before-start-24h:2026-11-23T07:00:00Z',
		});
		expect(messages[0]).not.toHaveProperty('variables');
	});

	it('says "besok" the day before and "hari ini" on the day', () => {
		expect(messages[0].message).toContain('Mengingatkan jadwal Kakak di *Salon Ayu* *besok* ya:');
		expect(messages[1].message).toContain('Mengingatkan jadwal Kakak di *Salon Ayu* *hari ini* ya:');
	});
});

describe('planMessages: timing', () => {
	it('sends immediately when there are no send times: sendAt is now and it is always due', () => {
		const [message] = planMessages(booking(), settings({ kind: 'confirmation', sendTimes: [], now: utc('2026-11-20T03:14:15Z') }));
		expect(message).toMatchObject({ sendTime: 'immediately', sendAt: '2026-11-20T03:14:15.000Z', due: true, past: false });
		expect(message.sendAtLocal).toBe('2026-11-20T10:14:15.000+07:00');
		expect(message.messageKey).toBe('BK-1024:confirmation:now:2026-11-23T07:00:00Z');
		expect(message.message).toContain('*Tanggal:* Senin, 23 November 2026');
	});

	it('skips send times before this run’s window, or marks them past', () => {
		const now = utc('2026-11-23T04:00:00Z'); // Monday 11:00 WIB: the 24 h reminder is long gone
		expect(planMessages(booking(), settings({ now })).map((message) => message.sendTime)).toEqual(['2 hours before start']);
		const marked = planMessages(booking(), settings({ now, pastMessages: 'mark' }));
		expect(marked.map((message) => [message.sendTime, message.past, message.due])).toEqual([
			['24 hours before start', true, false],
			['2 hours before start', false, false],
		]);
	});

	it('review requests count from the end', () => {
		const [review] = planMessages(
			booking({ reviewLink: 'https://g.page/r/salon-ayu/review' }),
			settings({ kind: 'reviewRequest', sendTimes: [{ amount: 2, unit: 'hours', relativeTo: 'afterEnd' }], now: utc('2026-11-23T10:30:10Z') }),
		);
		expect(review).toMatchObject({ sendAt: '2026-11-23T10:30:00.000Z', sendAtLocal: '2026-11-23T17:30:00.000+07:00', due: true });
		expect(review.message).toContain('Terima kasih sudah datang ke *Salon Ayu* hari ini!');
		expect(review.message).toContain('👉 https://g.page/r/salon-ayu/review');
	});

	it('uses the workflow clock for the window and the booking zone for wording', () => {
		// A Jayapura booking (WIT, UTC+9) planned by a workflow whose clock is London.
		const [reminder] = planMessages(
			booking({ timeZone: 'Asia/Jayapura', startTime: '2026-11-23 09:00' }),
			settings({
				clockZone: 'Europe/London',
				sendTimes: [{ amount: 1, unit: 'days', relativeTo: 'beforeStart' }],
				now: utc('2026-11-22T00:14:00Z'),
			}),
		);
		expect(reminder.sendAtLocal).toBe('2026-11-22T09:00:00.000+09:00');
		expect(reminder.due).toBe(true);
		expect(reminder.message).toContain('*Jam:* 09.00–10.30 WIT');
	});
});

describe('planMessages: quiet hours', () => {
	const evening = booking({ startTime: '2026-11-23 07:30', durationMinutes: 30 });
	const rules = settings().sendTimes; // 24 h (Sunday 07:30, quiet) and 2 h (Monday 05:30, quiet)

	it('moves a reminder later to 08:00 unless that is after the start; then to 21:00 the evening before', () => {
		const messages = planMessages(evening, settings({ quietHours: 'later', sendTimes: rules, now: utc('2026-11-20T00:00:00Z') }));
		expect(messages.map((message) => [message.sendAtLocal, message.shifted, message.shiftedFrom])).toEqual([
			['2026-11-22T08:00:00.000+07:00', true, '2026-11-22T00:30:00.000Z'],
			['2026-11-22T21:00:00.000+07:00', true, '2026-11-22T22:30:00.000Z'],
		]);
	});

	it('moves earlier to the evening before', () => {
		const late = booking({ startTime: '2026-11-23 23:00' });
		const messages = planMessages(late, settings({ quietHours: 'earlier', sendTimes: [{ amount: 1, unit: 'hours', relativeTo: 'beforeStart' }], now: utc('2026-11-20T00:00:00Z') }));
		expect(messages[0]).toMatchObject({ sendAtLocal: '2026-11-23T21:00:00.000+07:00', shifted: true, shiftedFrom: '2026-11-23T15:00:00.000Z' });
	});

	it('moves later to the next morning and the wording follows the new day', () => {
		const messages = planMessages(
			booking({ startTime: '2026-11-24 10:00' }),
			settings({ quietHours: 'later', quietHoursStart: '20:00', quietHoursEnd: '07:30', sendTimes: [{ amount: 12, unit: 'hours', relativeTo: 'beforeStart' }], now: utc('2026-11-20T00:00:00Z') }),
		);
		expect(messages[0]).toMatchObject({ sendAtLocal: '2026-11-24T07:30:00.000+07:00', shifted: true });
		expect(messages[0].message).toContain('*hari ini*');
	});

	it('does not move immediate messages (the customer just acted)', () => {
		const [message] = planMessages(booking(), settings({ kind: 'confirmation', sendTimes: [], quietHours: 'later', now: utc('2026-11-20T16:00:00Z') }));
		expect(message).toMatchObject({ sendAtLocal: '2026-11-20T23:00:00.000+07:00', shifted: false, due: true });
	});
});

describe('planMessages: custom templates', () => {
	const custom = (template: string, more: Partial<Parameters<typeof settings>[0]> = {}) =>
		planMessages(booking(), settings({ kind: 'confirmation', sendTimes: [], customTemplate: template, ...more }))[0];

	it('renders variables, extras and keeps formatting', () => {
		const message = custom('*{{businessName}}*: _{{firstName}}_, {{day}} {{shortDate}}\n{{time}} ({{duration}}) ~{{bookingId}}~');
		expect(message.message).toBe('*Salon Ayu*: _Siti_, Senin 23 Nov 2026\n14.00 WIB (1 jam 30 menit) ~BK-1024~');
		const withExtra = planMessages(
			booking({ extraVariables: [{ name: 'promo', value: 'HEMAT10' }] }),
			settings({ kind: 'confirmation', sendTimes: [], customTemplate: 'Kode {{promo}} untuk {{service}}' }),
		)[0];
		expect(withExtra.message).toBe('Kode HEMAT10 untuk Hair Spa');
	});

	it('formats dates in the item’s language', () => {
		const english = planMessages(booking({ language: 'en-GB' }), settings({ kind: 'confirmation', sendTimes: [], customTemplate: '{{date}} {{timeRange}}' }))[0];
		expect(english.message).toBe('Monday, 23 November 2026 2:00–3:30 PM WIB');
		expect(english.language).toBe('en');
	});

	it('fails on an unknown placeholder even when the value would never be needed', () => {
		const error = failure(() => custom('Halo {{nama}}'));
		expect(error.field).toBe('Custom Template');
		expect(error.message).toBe('Custom Template uses {{nama}}, which is not a variable');
	});

	it('fails on a missing variable naming its field, or renders the fallback text', () => {
		const noStaff = booking({ staff: '' });
		const error = failure(() => planMessages(noStaff, settings({ kind: 'confirmation', sendTimes: [], customTemplate: 'Bersama {{staff}}' })));
		expect(error.field).toBe('Staff');
		expect(error.message).toBe('The template uses {{staff}}, but Staff is empty');
		const fallback = planMessages(noStaff, settings({ kind: 'confirmation', sendTimes: [], customTemplate: 'Bersama {{staff}}', missingVariables: 'fallback', fallbackText: 'tim kami' }));
		expect(fallback[0].message).toBe('Bersama tim kami');
	});

	it('includes the variables on request', () => {
		const [message] = planMessages(booking(), settings({ kind: 'confirmation', sendTimes: [], includeVariables: true }));
		expect(message.variables).toMatchObject({ firstName: 'Siti', time: '14.00 WIB', relative: 'besok', zone: 'WIB', endTime: '15.30 WIB' });
	});
});

describe('planMessages: bad input fails with the field to fix', () => {
	it.each([
		['an empty phone', { phone: '' }, 'Phone', 'Phone is empty'],
		['a local number without a country code', { phone: '0812-3456-7890' }, 'Phone', 'Phone "0812-3456-7890" is a local number and no Default Country Code is set'],
		['a phone that is not a number', { phone: 'call me' }, 'Phone', 'Phone: "call me" is not a phone number'],
		['an invalid time zone', { timeZone: 'Asia/Bandung' }, 'Time Zone', '"Asia/Bandung" is not a time zone'],
		['an unparseable start', { startTime: '23/11/2026 2pm' }, 'Start Time', 'Start Time "23/11/2026 2pm" is not a date and time'],
		['an empty start', { startTime: null }, 'Start Time', 'Start Time is empty'],
		['a bad duration', { durationMinutes: 'lama' }, 'Duration (Minutes)', 'Duration (Minutes) "lama" is not a number of minutes'],
		['a bad extra variable name', { extraVariables: [{ name: 'promo code', value: 'x' }] }, 'Extra Variables', 'Extra variable name "promo code" is not a valid name'],
	])('%s', (_label, overrides, field, message) => {
		const error = failure(() => planMessages(booking(overrides), settings()));
		expect(error.field).toBe(field);
		expect(error.message).toBe(message);
		expect(error.hint.length).toBeGreaterThan(20);
	});

	it('uses the Default Country Code for local numbers', () => {
		const [message] = planMessages(booking({ phone: '0812-3456-7890' }), settings({ defaultCountryCode: '62', now: utc('2026-11-22T07:05:00Z') }));
		expect(message.phone).toBe('6281234567890');
	});

	it('refuses a bad check interval and bad quiet hours', () => {
		expect(failure(() => planMessages(booking(), settings({ checkIntervalMinutes: 0 }))).field).toBe('Check Interval (Minutes)');
		expect(failure(() => planMessages(booking(), settings({ quietHours: 'later', quietHoursStart: 'late' }))).field).toBe('Quiet Hours Start');
	});
});
