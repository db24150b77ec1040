import type { DateTime } from 'luxon';

import { indonesianZoneLabel } from './time';
import type { Language } from './types';

/**
 * Date and time wording per language. Names are spelled out here instead of coming from Intl so the text is
 * the same on every n8n host, whatever ICU data its Node.js has.
 */
interface LocaleWords {
	/** Index 1 = Monday … 7 = Sunday (Luxon weekday numbers). */
	weekdays: string[];
	/** Index 1 = January. */
	months: string[];
	shortMonths: string[];
	relative: (days: number) => string;
	duration: (hours: number, minutes: number) => string;
	clock: (moment: DateTime) => string;
	/** Joins start and end clock times; the zone label goes after the range once. */
	range: (start: DateTime, end: DateTime) => string;
}

function pad(value: number): string {
	return value < 10 ? `0${value}` : String(value);
}

function twelveHour(moment: DateTime): { text: string; period: string } {
	const hour = moment.hour % 12 === 0 ? 12 : moment.hour % 12;
	return { text: `${hour}:${pad(moment.minute)}`, period: moment.hour < 12 ? 'AM' : 'PM' };
}

const WORDS: Record<Language, LocaleWords> = {
	id: {
		weekdays: ['', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'],
		months: ['', 'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
		shortMonths: ['', 'Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
		relative: (days) => {
			if (days === 0) return 'hari ini';
			if (days === 1) return 'besok';
			if (days === 2) return 'lusa';
			if (days === -1) return 'kemarin';
			return days > 0 ? `${days} hari lagi` : `${-days} hari yang lalu`;
		},
		duration: (hours, minutes) =>
			[hours > 0 ? `${hours} jam` : '', minutes > 0 || hours === 0 ? `${minutes} menit` : ''].filter(Boolean).join(' '),
		clock: (moment) => `${pad(moment.hour)}.${pad(moment.minute)}`,
		range: (start, end) => `${pad(start.hour)}.${pad(start.minute)}–${pad(end.hour)}.${pad(end.minute)}`,
	},
	en: {
		weekdays: ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
		months: ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
		shortMonths: ['', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
		relative: (days) => {
			if (days === 0) return 'today';
			if (days === 1) return 'tomorrow';
			if (days === 2) return 'the day after tomorrow';
			if (days === -1) return 'yesterday';
			return days > 0 ? `in ${days} days` : `${-days} days ago`;
		},
		duration: (hours, minutes) =>
			[
				hours > 0 ? `${hours} ${hours === 1 ? 'hour' : 'hours'}` : '',
				minutes > 0 || hours === 0 ? `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` : '',
			]
				.filter(Boolean)
				.join(' '),
		clock: (moment) => {
			const { text, period } = twelveHour(moment);
			return `${text} ${period}`;
		},
		range: (start, end) => {
			const from = twelveHour(start);
			const to = twelveHour(end);
			return from.period === to.period
				? `${from.text}–${to.text} ${to.period}`
				: `${from.text} ${from.period}–${to.text} ${to.period}`;
		},
	},
};

function withZone(text: string, zone: string): string {
	const label = indonesianZoneLabel(zone);
	return label === undefined ? text : `${text} ${label}`;
}

/** `UTC+7`, `UTC+5:30`, `UTC` — for zones without a local abbreviation. */
function offsetLabel(moment: DateTime): string {
	const offset = moment.offset;
	if (offset === 0) return 'UTC';
	const sign = offset > 0 ? '+' : '-';
	const hours = Math.floor(Math.abs(offset) / 60);
	const minutes = Math.abs(offset) % 60;
	return `UTC${sign}${hours}${minutes === 0 ? '' : `:${pad(minutes)}`}`;
}

/** The date and time variables of one moment, e.g. `date` = `Senin, 24 November 2026`, `time` = `14.00 WIB`. */
export function momentParts(moment: DateTime, language: Language, zone: string): Record<string, string> {
	const words = WORDS[language];
	const day = words.weekdays[moment.weekday];
	const dayMonthYear = `${moment.day} ${words.months[moment.month]} ${moment.year}`;
	return {
		day,
		date: `${day}, ${dayMonthYear}`,
		shortDate: `${moment.day} ${words.shortMonths[moment.month]} ${moment.year}`,
		time: withZone(words.clock(moment), zone),
		zone: indonesianZoneLabel(zone) ?? offsetLabel(moment),
	};
}

/** `14.00–15.30 WIB` / `2:00–3:30 PM`. */
export function timeRange(start: DateTime, end: DateTime, language: Language, zone: string): string {
	return withZone(WORDS[language].range(start, end), zone);
}

/** End clock time, formatted like `time`. */
export function clockTime(moment: DateTime, language: Language, zone: string): string {
	return withZone(WORDS[language].clock(moment), zone);
}

/** `1 jam 30 menit` / `1 hour 30 minutes`. */
export function durationText(totalMinutes: number, language: Language): string {
	const rounded = Math.round(totalMinutes);
	return WORDS[language].duration(Math.floor(rounded / 60), rounded % 60);
}

/** `besok` / `tomorrow`: calendar days from `from` to `to`, both read in the booking's zone. */
export function relativeDay(from: DateTime, to: DateTime, language: Language): string {
	return WORDS[language].relative(dayNumber(to) - dayNumber(from));
}

/** Days since 1970-01-01 of the moment's calendar date (its wall clock, not UTC). */
function dayNumber(moment: DateTime): number {
	return Date.UTC(moment.year, moment.month - 1, moment.day) / 86_400_000;
}
