import { DateTime } from 'luxon';

import type { QuietHours } from '../../../../nodes/WhatsAppReminderTemplate/logic/quietHours';
import {
	endOfQuiet,
	isQuiet,
	shiftOutOfQuietHours,
	startOfQuiet,
} from '../../../../nodes/WhatsAppReminderTemplate/logic/quietHours';

const zone = 'Asia/Jakarta';
const at = (iso: string, z = zone) => DateTime.fromISO(iso, { zone: z });
const local = (moment: DateTime) => moment.toFormat("yyyy-MM-dd'T'HH:mm");
const night = (mode: QuietHours['mode']): QuietHours => ({ mode, start: 21 * 60, end: 8 * 60 });

describe('isQuiet (21:00–08:00)', () => {
	it.each([
		['2026-11-22T20:59', false],
		['2026-11-22T21:00', false],
		['2026-11-22T21:00:01', true],
		['2026-11-22T23:30', true],
		['2026-11-23T00:00', true],
		['2026-11-23T07:59', true],
		['2026-11-23T08:00', false],
		['2026-11-23T12:00', false],
	])('%s → %s (the boundaries are allowed)', (iso, quiet) => {
		expect(isQuiet(at(iso), night('later'))).toBe(quiet);
	});

	it('handles a period that does not wrap midnight, and an empty one', () => {
		const lunch: QuietHours = { mode: 'later', start: 12 * 60, end: 13 * 60 };
		expect(isQuiet(at('2026-11-23T12:30'), lunch)).toBe(true);
		expect(isQuiet(at('2026-11-23T13:30'), lunch)).toBe(false);
		expect(isQuiet(at('2026-11-23T03:00'), { mode: 'later', start: 0, end: 0 })).toBe(false);
	});
});

describe('end and start of the quiet period', () => {
	it('before midnight: ends next morning, started this evening', () => {
		expect(local(endOfQuiet(at('2026-11-22T22:00'), night('later')))).toBe('2026-11-23T08:00');
		expect(local(startOfQuiet(at('2026-11-22T22:00'), night('earlier')))).toBe('2026-11-22T21:00');
	});
	it('after midnight: ends this morning, started the evening before', () => {
		expect(local(endOfQuiet(at('2026-11-23T05:00'), night('later')))).toBe('2026-11-23T08:00');
		expect(local(startOfQuiet(at('2026-11-23T05:00'), night('earlier')))).toBe('2026-11-22T21:00');
	});
});

describe('shiftOutOfQuietHours', () => {
	it('leaves times outside quiet hours, and everything when off', () => {
		expect(shiftOutOfQuietHours(at('2026-11-23T12:00'), night('later'), {})).toEqual({ moment: at('2026-11-23T12:00') });
		expect(shiftOutOfQuietHours(at('2026-11-23T03:00'), night('off'), {}).moved).toBeUndefined();
	});

	it('moves later to the end of quiet hours', () => {
		const result = shiftOutOfQuietHours(at('2026-11-22T23:00'), night('later'), { notAfter: at('2026-11-23T14:00') });
		expect(result.moved).toBe('later');
		expect(local(result.moment)).toBe('2026-11-23T08:00');
	});

	it('moves earlier to the start of quiet hours the evening before', () => {
		const result = shiftOutOfQuietHours(at('2026-11-23T06:00'), night('earlier'), { notAfter: at('2026-11-23T14:00') });
		expect(result.moved).toBe('earlier');
		expect(local(result.moment)).toBe('2026-11-22T21:00');
	});

	it('never moves a before-start reminder to or past the start: it moves earlier instead', () => {
		// 2 h before a 07:00 booking is 05:00; 08:00 would be after the appointment.
		const result = shiftOutOfQuietHours(at('2026-11-23T05:00'), night('later'), { notAfter: at('2026-11-23T07:00') });
		expect(result.moved).toBe('earlier');
		expect(local(result.moment)).toBe('2026-11-22T21:00');
	});

	it('never moves an after-end message before its anchor: it moves later instead', () => {
		// A review request 1 h after a booking that ended at 22:00 falls at 23:00; 21:00 would be before the end.
		const result = shiftOutOfQuietHours(at('2026-11-22T23:00'), night('earlier'), { notBefore: at('2026-11-22T22:00') });
		expect(result.moved).toBe('later');
		expect(local(result.moment)).toBe('2026-11-23T08:00');
	});

	it('works on wall-clock time across a daylight-saving change (Europe/London, 29 March 2026)', () => {
		// 00:30 GMT on the night the clocks go forward; quiet hours end 08:00 BST.
		const result = shiftOutOfQuietHours(at('2026-03-29T00:30', 'Europe/London'), night('later'), {});
		expect(result.moment.toISO()).toBe('2026-03-29T08:00:00.000+01:00');
		const back = shiftOutOfQuietHours(at('2026-10-25T06:00', 'Europe/London'), night('earlier'), {});
		expect(back.moment.toISO()).toBe('2026-10-24T21:00:00.000+01:00');
	});
});
