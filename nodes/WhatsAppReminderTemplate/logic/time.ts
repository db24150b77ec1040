import { DateTime } from 'luxon';
import type { Zone } from 'luxon';

import type { BookingInput } from './types';
import { BookingInputError } from './errors';
import { zoneOf } from './zone';

/** Indonesian zone names and the abbreviation people there use for them. */
const INDONESIAN_ZONES: Record<string, string> = {
	'Asia/Jakarta': 'WIB',
	'Asia/Pontianak': 'WIB',
	'Asia/Makassar': 'WITA',
	'Asia/Ujung_Pandang': 'WITA',
	'Asia/Jayapura': 'WIT',
};

/** Abbreviations accepted in the Time Zone field as shorthand for an IANA zone. */
const ZONE_SHORTHANDS: Record<string, string> = {
	WIB: 'Asia/Jakarta',
	WITA: 'Asia/Makassar',
	WIT: 'Asia/Jayapura',
};


/** `WIB`, `WITA` or `WIT` for Indonesian zones; undefined elsewhere. */
export function indonesianZoneLabel(zone: string): string | undefined {
	return INDONESIAN_ZONES[zone];
}

/**
 * Resolves the booking's time zone: its own value when given (IANA name, or WIB/WITA/WIT), else the default.
 * Throws a BookingInputError naming Time Zone when the name is not a zone.
 */
export function resolveTimeZone(value: unknown, defaultZone: string): string {
	const given = value === undefined || value === null ? '' : String(value).trim();
	const name = given === '' ? defaultZone : (ZONE_SHORTHANDS[given.toUpperCase()] ?? given);
	if (!zoneOf(name).isValid) {
		throw new BookingInputError(
			'Time Zone',
			`"${name}" is not a time zone`,
			'Use an IANA time zone name such as Asia/Jakarta, Asia/Makassar, Asia/Jayapura or Europe/London (WIB, WITA and WIT are accepted too), or leave Time Zone empty to use the workflow’s time zone.',
		);
	}
	return name;
}

const NUMERIC = /^-?\d+(\.\d+)?$/;
/** Epoch values below this are seconds (year 5138 in seconds, March 1973 in milliseconds). */
const SECONDS_LIMIT = 1e11;

function fromEpoch(value: number, zone: Zone): DateTime {
	const millis = Math.abs(value) < SECONDS_LIMIT ? value * 1000 : value;
	return DateTime.fromMillis(millis, { zone });
}

function fromText(text: string, zone: Zone): DateTime {
	if (NUMERIC.test(text)) return fromEpoch(Number(text), zone);
	let parsed = DateTime.fromISO(text, { zone });
	if (!parsed.isValid) parsed = DateTime.fromSQL(text, { zone });
	if (!parsed.isValid) parsed = DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm', { zone });
	if (!parsed.isValid) parsed = DateTime.fromRFC2822(text, { zone });
	return parsed;
}

/** True for values the user left empty (unmapped fields, missing JSON keys, blank strings). */
export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Reads a moment given as ISO 8601 (with or without offset), epoch seconds or milliseconds (number or digits),
 * `yyyy-MM-dd HH:mm[:ss]`, RFC 2822, a JS Date or a Luxon DateTime. Times without an offset are wall-clock times
 * in `zone`. The result is in `zone`.
 */
export function parseMoment(value: unknown, zoneName: string, field: string): DateTime {
	const zone = zoneOf(zoneName);
	let parsed: DateTime | undefined;
	if (typeof value === 'number') {
		parsed = Number.isFinite(value) ? fromEpoch(value, zone) : undefined;
	} else if (typeof value === 'string') {
		parsed = fromText(value.trim(), zone);
	} else if (value instanceof Date) {
		parsed = DateTime.fromJSDate(value, { zone });
	} else if (value !== null && typeof value === 'object' && typeof (value as DateTime).toMillis === 'function') {
		parsed = DateTime.fromMillis((value as DateTime).toMillis(), { zone });
	}
	if (parsed === undefined || !parsed.isValid) {
		const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
		throw new BookingInputError(
			field,
			`${field} ${shown} is not a date and time`,
			'Use ISO 8601 (2026-11-24T14:00:00+07:00, or 2026-11-24T14:00 in the booking’s time zone), `yyyy-MM-dd HH:mm` in the booking’s time zone, or epoch seconds or milliseconds.',
		);
	}
	return parsed;
}

/** The booking's start; a missing start fails the item. */
export function parseStart(input: BookingInput, zone: string): DateTime {
	if (isBlank(input.startTime)) {
		throw new BookingInputError(
			'Start Time',
			'Start Time is empty',
			'Map Start Time to the booking’s start, e.g. {{ $json.startTime }}: ISO 8601, `yyyy-MM-dd HH:mm` in the booking’s time zone, or epoch seconds or milliseconds.',
		);
	}
	return parseMoment(input.startTime, zone, 'Start Time');
}

/** Duration in minutes, or undefined when not given. */
export function parseDuration(value: unknown): number | undefined {
	if (isBlank(value)) return undefined;
	const minutes = typeof value === 'number' ? value : Number(String(value).trim());
	if (!Number.isFinite(minutes) || minutes < 0) {
		throw new BookingInputError(
			'Duration (Minutes)',
			`Duration (Minutes) "${String(value)}" is not a number of minutes`,
			'Map Duration (Minutes) to a number such as 60, or leave it empty.',
		);
	}
	return minutes;
}

/** `HH:mm` → minutes after midnight; throws naming the field otherwise. */
export function parseClockTime(value: string, field: string): number {
	const match = /^(\d{1,2})[:.](\d{2})$/.exec(value.trim());
	const hours = match ? Number(match[1]) : NaN;
	const minutes = match ? Number(match[2]) : NaN;
	if (!match || hours > 23 || minutes > 59) {
		throw new BookingInputError(field, `${field} "${value}" is not a time of day`, 'Write it as HH:mm, e.g. 21:00.');
	}
	return hours * 60 + minutes;
}
