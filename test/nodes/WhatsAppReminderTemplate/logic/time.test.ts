import { DateTime } from 'luxon';

import { BookingInputError } from '../../../../nodes/WhatsAppReminderTemplate/logic/errors';
import {
	isBlank,
	parseClockTime,
	parseDuration,
	parseMoment,
	parseStart,
	resolveTimeZone,
} from '../../../../nodes/WhatsAppReminderTemplate/logic/time';

function fieldOf(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(BookingInputError);
		return (error as BookingInputError).field;
	}
	throw new Error('expected a BookingInputError');
}

describe('resolveTimeZone', () => {
	it('uses the booking’s zone, else the default', () => {
		expect(resolveTimeZone('Asia/Makassar', 'Asia/Jakarta')).toBe('Asia/Makassar');
		expect(resolveTimeZone('', 'Europe/London')).toBe('Europe/London');
		expect(resolveTimeZone(undefined, 'Asia/Jakarta')).toBe('Asia/Jakarta');
		expect(resolveTimeZone('  ', 'Asia/Jakarta')).toBe('Asia/Jakarta');
	});

	it('accepts WIB, WITA and WIT as Indonesian shorthands', () => {
		expect(resolveTimeZone('WIB', 'UTC')).toBe('Asia/Jakarta');
		expect(resolveTimeZone('wita', 'UTC')).toBe('Asia/Makassar');
		expect(resolveTimeZone('WIT', 'UTC')).toBe('Asia/Jayapura');
	});

	it('refuses names that are not zones, naming Time Zone', () => {
		expect(fieldOf(() => resolveTimeZone('Asia/Bandung', 'UTC'))).toBe('Time Zone');
		expect(() => resolveTimeZone('Mars/Olympus', 'UTC')).toThrow('"Mars/Olympus" is not a time zone');
		// an invalid default (bad workflow setting) is caught too
		expect(() => resolveTimeZone('', 'Nowhere/Else')).toThrow('"Nowhere/Else" is not a time zone');
	});
});

describe('parseMoment', () => {
	const zone = 'Asia/Jakarta';
	const expected = '2026-11-23T07:00:00.000Z';

	it.each([
		['ISO with offset', '2026-11-23T14:00:00+07:00'],
		['ISO in UTC', '2026-11-23T07:00:00Z'],
		['ISO without offset (booking zone)', '2026-11-23T14:00'],
		['yyyy-MM-dd HH:mm (booking zone)', '2026-11-23 14:00'],
		['yyyy-MM-dd HH:mm:ss (booking zone)', '2026-11-23 14:00:00'],
		['epoch seconds as digits', '1795417200'],
		['epoch milliseconds as digits', '1795417200000'],
		['RFC 2822', 'Mon, 23 Nov 2026 14:00:00 +0700'],
	])('reads %s', (_label, value) => {
		const parsed = parseMoment(value, zone, 'Start Time');
		expect(parsed.toUTC().toISO()).toBe(expected);
		expect(parsed.zoneName).toBe(zone);
	});

	it('reads numbers as epoch seconds or milliseconds, Dates and Luxon DateTimes', () => {
		expect(parseMoment(1795417200, zone, 'Start Time').toUTC().toISO()).toBe(expected);
		expect(parseMoment(1795417200000, zone, 'Start Time').toUTC().toISO()).toBe(expected);
		expect(parseMoment(new Date(expected), zone, 'Start Time').toUTC().toISO()).toBe(expected);
		expect(parseMoment(DateTime.fromISO(expected), zone, 'Start Time').toUTC().toISO()).toBe(expected);
	});

	it('reads the same wall-clock text differently per zone', () => {
		expect(parseMoment('2026-11-23 14:00', 'Asia/Makassar', 'x').toUTC().toISO()).toBe('2026-11-23T06:00:00.000Z');
		expect(parseMoment('2026-11-23 14:00', 'Asia/Jayapura', 'x').toUTC().toISO()).toBe('2026-11-23T05:00:00.000Z');
		expect(parseMoment('2026-07-01 14:00', 'Europe/London', 'x').toUTC().toISO()).toBe('2026-07-01T13:00:00.000Z');
		expect(parseMoment('2026-12-01 14:00', 'Europe/London', 'x').toUTC().toISO()).toBe('2026-12-01T14:00:00.000Z');
	});

	it.each([['tomorrow at two'], ['2026-13-45 14:00'], [''], [{}], [true], [Number.NaN]])(
		'refuses %p, naming the field',
		(value) => {
			expect(fieldOf(() => parseMoment(value, zone, 'Previous Start Time'))).toBe('Previous Start Time');
		},
	);

	it('says what it got and which formats work', () => {
		expect(() => parseMoment('besok jam 2', zone, 'Start Time')).toThrow('Start Time "besok jam 2" is not a date and time');
	});
});

describe('parseStart', () => {
	it('fails on an empty start, naming Start Time', () => {
		expect(fieldOf(() => parseStart({ startTime: '' }, 'UTC'))).toBe('Start Time');
		expect(() => parseStart({}, 'UTC')).toThrow('Start Time is empty');
	});
});

describe('small parsers', () => {
	it('parseDuration takes minutes as number or text, blank as unknown', () => {
		expect(parseDuration(90)).toBe(90);
		expect(parseDuration(' 45 ')).toBe(45);
		expect(parseDuration('')).toBeUndefined();
		expect(parseDuration(null)).toBeUndefined();
		expect(fieldOf(() => parseDuration('an hour'))).toBe('Duration (Minutes)');
		expect(fieldOf(() => parseDuration(-5))).toBe('Duration (Minutes)');
	});

	it('parseClockTime reads HH:mm (and HH.mm)', () => {
		expect(parseClockTime('21:00', 'Quiet Hours Start')).toBe(21 * 60);
		expect(parseClockTime('8:30', 'x')).toBe(8 * 60 + 30);
		expect(parseClockTime('07.15', 'x')).toBe(7 * 60 + 15);
		expect(fieldOf(() => parseClockTime('25:00', 'Quiet Hours End'))).toBe('Quiet Hours End');
		expect(fieldOf(() => parseClockTime('9pm', 'Quiet Hours Start'))).toBe('Quiet Hours Start');
	});

	it('isBlank covers what unmapped expressions return', () => {
		expect([undefined, null, '', '  '].every(isBlank)).toBe(true);
		expect([0, 'x', false].some(isBlank)).toBe(false);
	});
});
