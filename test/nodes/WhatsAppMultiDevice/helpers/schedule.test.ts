import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { ScheduleError, scheduleFieldsFrom } from '../../../../nodes/WhatsAppMultiDevice/helpers/schedule';

const NOW = DateTime.fromISO('2026-12-07T08:00:00Z');
const fields = (options: IDataObject, zone = 'Europe/Berlin') => scheduleFieldsFrom(options, zone, NOW);
const failure = (options: IDataObject): string => {
	try {
		fields(options);
	} catch (error) {
		expect(error).toBeInstanceOf(ScheduleError);
		return (error as Error).message;
	}
	throw new Error('expected a ScheduleError');
};

describe('Schedule options → GOWA v9.5 schedule fields', () => {
	test('no Schedule option: undefined (send now)', () => {
		expect(fields({ duration: 86400, scheduleRepeat: '', scheduleWeekdays: [] })).toBeUndefined();
	});

	test('wall time without offset is read in Schedule Time Zone; exact field names', () => {
		expect(fields({ scheduleAt: '2026-12-24T09:00', scheduleTimeZone: 'Asia/Jakarta' })).toEqual({
			scheduled_at: '2026-12-24T09:00:00+07:00',
			timezone: 'Asia/Jakarta',
			recurrence: 'once',
		});
	});

	test('a time with an offset keeps its instant; the workflow zone is the default', () => {
		expect(fields({ scheduleAt: '2026-12-24T02:00:00Z' })).toEqual({ scheduled_at: '2026-12-24T03:00:00+01:00', timezone: 'Europe/Berlin', recurrence: 'once' });
	});

	test('weekly: weekdays (numbers or names) sorted and unique; limit', () => {
		expect(fields({ scheduleAt: '2026-12-08T10:00', scheduleRepeat: 'weekly', scheduleWeekdays: ['4', 'monday', 1], scheduleLimit: 8 })).toEqual({
			scheduled_at: '2026-12-08T10:00:00+01:00',
			timezone: 'Europe/Berlin',
			recurrence: 'weekly',
			weekdays: [1, 4],
			occurrence_limit: 8,
		});
	});

	test('monthly: day of month and end', () => {
		expect(fields({ scheduleAt: '2026-12-31T18:00', scheduleRepeat: 'monthly', scheduleDayOfMonth: 31, scheduleEndAt: '2027-06-30T23:59' })).toEqual({
			scheduled_at: '2026-12-31T18:00:00+01:00',
			timezone: 'Europe/Berlin',
			recurrence: 'monthly',
			day_of_month: 31,
			end_at: '2027-06-30T23:59:00+02:00',
		});
	});

	test.each([
		[{ scheduleRepeat: 'daily' }, /^Schedule At is empty/],
		[{ scheduleAt: '2026-12-07T08:00:00Z' }, /is not in the future/],
		[{ scheduleAt: '2026-12-06T10:00' }, /is not in the future/],
		[{ scheduleAt: 'tomorrow' }, /is not a date and time/],
		[{ scheduleAt: '2026-12-24T09:00', scheduleTimeZone: 'Mars/Olympus' }, /"Mars\/Olympus" is not a time zone/],
		[{ scheduleAt: '2026-12-24T09:00', scheduleRepeat: 'hourly' }, /must be once, daily, weekly or monthly/],
		[{ scheduleAt: '2026-12-24T09:00', scheduleRepeat: 'weekly' }, /Schedule Weekdays is empty/],
		[{ scheduleAt: '2026-12-24T09:00', scheduleRepeat: 'weekly', scheduleWeekdays: [7] }, /"7" is not a weekday/],
		[{ scheduleAt: '2026-12-24T09:00', scheduleWeekdays: [1] }, /only applies when Schedule Repeat is weekly/],
		[{ scheduleAt: '2026-12-24T09:00', scheduleRepeat: 'monthly' }, /Schedule Day of Month is empty/],
		[{ scheduleAt: '2026-12-24T09:00', scheduleRepeat: 'monthly', scheduleDayOfMonth: 32 }, /from 1 to 31/],
		[{ scheduleAt: '2026-12-24T09:00', scheduleDayOfMonth: 5 }, /only applies when Schedule Repeat is monthly/],
		[{ scheduleAt: '2026-12-24T09:00', scheduleLimit: 3 }, /Schedule Max Sends only applies to repeating schedules/],
		[{ scheduleAt: '2026-12-24T09:00', scheduleEndAt: '2027-01-01T00:00' }, /Schedule End At only applies to repeating schedules/],
		[{ scheduleAt: '2026-12-24T09:00', scheduleRepeat: 'daily', scheduleEndAt: '2026-12-24T08:00' }, /must be after Schedule At/],
		[{ scheduleAt: '2026-12-24T09:00', scheduleRepeat: 'daily', scheduleLimit: 0 }, /from 1 to 100000/],
	])('rejects %j', (options, message) => {
		expect(failure(options)).toMatch(message);
	});
});
