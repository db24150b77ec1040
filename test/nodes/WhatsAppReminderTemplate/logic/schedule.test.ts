import { DateTime } from 'luxon';

import { BookingInputError } from '../../../../nodes/WhatsAppReminderTemplate/logic/errors';
import { checkRule, ruleCode, ruleLabel, sendMoment } from '../../../../nodes/WhatsAppReminderTemplate/logic/schedule';

describe('sendMoment', () => {
	const start = DateTime.fromISO('2026-11-23T14:00', { zone: 'Asia/Jakarta' });
	const end = start.plus({ minutes: 90 });

	it('counts before the start, after the start and after the end', () => {
		expect(sendMoment({ amount: 24, unit: 'hours', relativeTo: 'beforeStart' }, start, end).toISO()).toBe('2026-11-22T14:00:00.000+07:00');
		expect(sendMoment({ amount: 30, unit: 'minutes', relativeTo: 'afterStart' }, start, end).toISO()).toBe('2026-11-23T14:30:00.000+07:00');
		expect(sendMoment({ amount: 2, unit: 'hours', relativeTo: 'afterEnd' }, start, end).toISO()).toBe('2026-11-23T17:30:00.000+07:00');
	});

	it('counts after the end from the start when there is no duration', () => {
		expect(sendMoment({ amount: 2, unit: 'hours', relativeTo: 'afterEnd' }, start, undefined).toISO()).toBe('2026-11-23T16:00:00.000+07:00');
	});

	describe('across a daylight-saving change (Europe/London)', () => {
		// Clocks go forward on Sunday 29 March 2026 at 01:00 GMT: Saturday is GMT (+00:00), Sunday 10:00 is BST.
		const sunday = DateTime.fromISO('2026-03-29T10:00', { zone: 'Europe/London' });

		it('hours are exact durations: 24 hours before 10:00 BST is 09:00 GMT the day before', () => {
			const moment = sendMoment({ amount: 24, unit: 'hours', relativeTo: 'beforeStart' }, sunday, undefined);
			expect(moment.toISO()).toBe('2026-03-28T09:00:00.000+00:00');
			expect(sunday.diff(moment, 'hours').hours).toBe(24);
		});

		it('days are calendar days: 1 day before 10:00 BST is 10:00 GMT the day before (23 real hours)', () => {
			const moment = sendMoment({ amount: 1, unit: 'days', relativeTo: 'beforeStart' }, sunday, undefined);
			expect(moment.toISO()).toBe('2026-03-28T10:00:00.000+00:00');
			expect(sunday.diff(moment, 'hours').hours).toBe(23);
		});

		it('autumn: 1 day before Monday 10:00 GMT after the clocks went back is Sunday 10:00 GMT; 24 h is the same', () => {
			const monday = DateTime.fromISO('2026-10-26T10:00', { zone: 'Europe/London' });
			expect(sendMoment({ amount: 1, unit: 'days', relativeTo: 'beforeStart' }, monday, undefined).toISO()).toBe('2026-10-25T10:00:00.000+00:00');
			const sunday10 = DateTime.fromISO('2026-10-25T10:00', { zone: 'Europe/London' });
			expect(sendMoment({ amount: 24, unit: 'hours', relativeTo: 'beforeStart' }, sunday10, undefined).toISO()).toBe('2026-10-24T11:00:00.000+01:00');
		});
	});
});

describe('rules', () => {
	it('labels and codes', () => {
		expect(ruleLabel({ amount: 24, unit: 'hours', relativeTo: 'beforeStart' })).toBe('24 hours before start');
		expect(ruleLabel({ amount: 1, unit: 'days', relativeTo: 'afterEnd' })).toBe('1 day after end');
		expect(ruleCode({ amount: 24, unit: 'hours', relativeTo: 'beforeStart' })).toBe('before-start-24h');
		expect(ruleCode({ amount: 30, unit: 'minutes', relativeTo: 'afterStart' })).toBe('after-start-30m');
	});

	it('checkRule fills defaults and refuses bad entries, naming Send Times', () => {
		expect(checkRule({ amount: 2 }, 1)).toEqual({ amount: 2, unit: 'hours', relativeTo: 'beforeStart' });
		expect(() => checkRule({ amount: -1, unit: 'hours', relativeTo: 'beforeStart' }, 2)).toThrow('Send Times entry 2 has amount "-1"');
		expect(() => checkRule({ amount: 1, unit: 'weeks' as never, relativeTo: 'beforeStart' }, 1)).toThrow(BookingInputError);
	});
});
