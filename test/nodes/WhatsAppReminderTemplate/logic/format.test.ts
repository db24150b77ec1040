import { DateTime } from 'luxon';

import {
	clockTime,
	durationText,
	momentParts,
	relativeDay,
	timeRange,
} from '../../../../nodes/WhatsAppReminderTemplate/logic/format';

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone });

describe('momentParts', () => {
	it('writes Indonesian dates with WIB, WITA and WIT', () => {
		expect(momentParts(at('2026-11-23T14:00', 'Asia/Jakarta'), 'id', 'Asia/Jakarta')).toEqual({
			day: 'Senin',
			date: 'Senin, 23 November 2026',
			shortDate: '23 Nov 2026',
			time: '14.00 WIB',
			zone: 'WIB',
		});
		expect(momentParts(at('2026-08-17T09:05', 'Asia/Makassar'), 'id', 'Asia/Makassar')).toMatchObject({
			date: 'Senin, 17 Agustus 2026',
			shortDate: '17 Agu 2026',
			time: '09.05 WITA',
		});
		expect(momentParts(at('2026-01-04T00:30', 'Asia/Jayapura'), 'id', 'Asia/Jayapura')).toMatchObject({
			date: 'Minggu, 4 Januari 2026',
			time: '00.30 WIT',
			zone: 'WIT',
		});
	});

	it('writes English dates with a 12-hour clock', () => {
		expect(momentParts(at('2026-11-23T14:00', 'Europe/London'), 'en', 'Europe/London')).toEqual({
			day: 'Monday',
			date: 'Monday, 23 November 2026',
			shortDate: '23 Nov 2026',
			time: '2:00 PM',
			zone: 'UTC',
		});
		expect(momentParts(at('2026-07-01T00:15', 'Europe/London'), 'en', 'Europe/London')).toMatchObject({
			date: 'Wednesday, 1 July 2026',
			time: '12:15 AM',
			zone: 'UTC+1',
		});
		expect(momentParts(at('2026-07-01T12:00', 'Asia/Kolkata'), 'en', 'Asia/Kolkata')).toMatchObject({
			time: '12:00 PM',
			zone: 'UTC+5:30',
		});
	});

	it('keeps the Indonesian zone label in English text for Indonesian zones', () => {
		expect(momentParts(at('2026-11-23T14:00', 'Asia/Makassar'), 'en', 'Asia/Makassar').time).toBe('2:00 PM WITA');
	});

	it('reads the wall clock of the zone (same instant, three Indonesian zones)', () => {
		const instant = DateTime.fromISO('2026-11-23T07:00:00Z');
		expect(momentParts(instant.setZone('Asia/Jakarta'), 'id', 'Asia/Jakarta').time).toBe('14.00 WIB');
		expect(momentParts(instant.setZone('Asia/Makassar'), 'id', 'Asia/Makassar').time).toBe('15.00 WITA');
		expect(momentParts(instant.setZone('Asia/Jayapura'), 'id', 'Asia/Jayapura').time).toBe('16.00 WIT');
	});
});

describe('ranges, durations, clock times', () => {
	it('timeRange puts the zone once', () => {
		const start = at('2026-11-23T14:00', 'Asia/Jakarta');
		expect(timeRange(start, start.plus({ minutes: 90 }), 'id', 'Asia/Jakarta')).toBe('14.00–15.30 WIB');
		expect(timeRange(start, start.plus({ minutes: 90 }), 'en', 'Asia/Jakarta')).toBe('2:00–3:30 PM WIB');
		const morning = at('2026-11-23T11:00', 'Europe/London');
		expect(timeRange(morning, morning.plus({ hours: 2 }), 'en', 'Europe/London')).toBe('11:00 AM–1:00 PM');
	});

	it('clockTime formats an end time like time', () => {
		expect(clockTime(at('2026-11-23T15:30', 'Asia/Jakarta'), 'id', 'Asia/Jakarta')).toBe('15.30 WIB');
		expect(clockTime(at('2026-11-23T15:30', 'Europe/London'), 'en', 'Europe/London')).toBe('3:30 PM');
	});

	it('durationText spells hours and minutes', () => {
		expect(durationText(90, 'id')).toBe('1 jam 30 menit');
		expect(durationText(120, 'id')).toBe('2 jam');
		expect(durationText(45, 'id')).toBe('45 menit');
		expect(durationText(0, 'id')).toBe('0 menit');
		expect(durationText(60, 'en')).toBe('1 hour');
		expect(durationText(61, 'en')).toBe('1 hour 1 minute');
		expect(durationText(150, 'en')).toBe('2 hours 30 minutes');
	});
});

describe('relativeDay', () => {
	const start = at('2026-11-23T14:00', 'Asia/Jakarta');
	it.each([
		['2026-11-23T12:00', 'hari ini', 'today'],
		['2026-11-22T14:00', 'besok', 'tomorrow'],
		['2026-11-22T23:59', 'besok', 'tomorrow'],
		['2026-11-21T08:00', 'lusa', 'the day after tomorrow'],
		['2026-11-18T08:00', '5 hari lagi', 'in 5 days'],
		['2026-11-24T09:00', 'kemarin', 'yesterday'],
		['2026-11-26T09:00', '3 hari yang lalu', '3 days ago'],
	])('sent %s local → %s / %s', (sent, indonesian, english) => {
		const sendAt = at(sent, 'Asia/Jakarta');
		expect(relativeDay(sendAt, start, 'id')).toBe(indonesian);
		expect(relativeDay(sendAt, start, 'en')).toBe(english);
	});

	it('counts calendar days across a daylight-saving change (Europe/London, 29 March 2026)', () => {
		const monday = at('2026-03-30T10:00', 'Europe/London');
		expect(relativeDay(at('2026-03-28T10:00', 'Europe/London'), monday, 'en')).toBe('the day after tomorrow');
		expect(relativeDay(at('2026-03-29T23:30', 'Europe/London'), monday, 'en')).toBe('tomorrow');
	});
});
