import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DateTime, IANAZone } from 'luxon';

/**
 * The "Schedule …" send options → GOWA v9.5's ScheduleOptions fields. GOWA states most rules only in its
 * descriptions (time zone required, future time, weekdays for weekly, day of month for monthly, end and limit for
 * recurring schedules only, end after start), so they are checked here, before any request.
 */

export const SCHEDULE_OPTION_NAMES = ['scheduleAt', 'scheduleTimeZone', 'scheduleRepeat', 'scheduleWeekdays', 'scheduleDayOfMonth', 'scheduleEndAt', 'scheduleLimit'];

export type Recurrence = 'once' | 'daily' | 'weekly' | 'monthly';

const RECURRENCES: Recurrence[] = ['once', 'daily', 'weekly', 'monthly'];
const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export class ScheduleError extends Error {
	constructor(
		message: string,
		readonly hint: string,
	) {
		super(message);
	}
}

function blank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** A date-time option in the schedule's zone: ISO text with an offset keeps its instant; without one it is wall time there. */
function dateTimeIn(value: unknown, zone: string, label: string): DateTime {
	let parsed: DateTime;
	if (DateTime.isDateTime(value)) parsed = value;
	else if (value instanceof Date) parsed = DateTime.fromJSDate(value);
	else parsed = DateTime.fromISO(String(value).trim().replace(' ', 'T'), { zone });
	if (!parsed.isValid) {
		throw new ScheduleError(`${label} "${String(value)}" is not a date and time`, 'Use an ISO 8601 date-time such as 2026-12-24T09:00 (read in Schedule Time Zone) or 2026-12-24T09:00:00+07:00.');
	}
	return parsed.setZone(zone).startOf('second');
}

function weekdaysOf(value: unknown): number[] {
	const list = Array.isArray(value) ? value : String(value).split(/[,;\s]+/);
	const days = list
		.map((entry) => String(entry).trim().toLowerCase())
		.filter((entry) => entry !== '')
		.map((entry) => {
			const named = WEEKDAY_NAMES.findIndex((name) => name === entry || name.slice(0, 3) === entry);
			const day = named >= 0 ? named : /^\d+$/.test(entry) ? Number(entry) : NaN;
			if (!(day >= 0 && day <= 6)) {
				throw new ScheduleError(`Schedule Weekdays: "${entry}" is not a weekday`, 'Pick days in the list, or give 0 (Sunday) to 6 (Saturday) or day names such as monday.');
			}
			return day;
		});
	return [...new Set(days)].sort((a, b) => a - b);
}

function wholeNumber(value: unknown, label: string, min: number, max: number): number {
	const number = Number(value);
	if (!Number.isInteger(number) || number < min || number > max) {
		throw new ScheduleError(`${label} must be a whole number from ${min} to ${max}, not "${String(value)}"`, `Set ${label} to a number between ${min} and ${max}.`);
	}
	return number;
}

/**
 * GOWA's schedule fields for the Options of one item, or undefined when no Schedule option is set (send now).
 * `defaultZone` is the workflow's time zone; `now` the moment the schedule must lie after.
 */
export function scheduleFieldsFrom(options: IDataObject, defaultZone: string, now: DateTime = DateTime.now()): IDataObject | undefined {
	const used = SCHEDULE_OPTION_NAMES.filter((name) => !blank(options[name]));
	if (used.length === 0) return undefined;
	if (blank(options.scheduleAt)) {
		throw new ScheduleError('Schedule At is empty but other Schedule options are set', 'Set Schedule At to when the message should be sent first, or remove the other Schedule options.');
	}
	const zone = blank(options.scheduleTimeZone) ? defaultZone : String(options.scheduleTimeZone).trim();
	if (!IANAZone.isValidZone(zone)) {
		throw new ScheduleError(`Schedule Time Zone "${zone}" is not a time zone`, 'Use an IANA time zone name such as Asia/Jakarta, Europe/Berlin or America/New_York.');
	}
	const at = dateTimeIn(options.scheduleAt, zone, 'Schedule At');
	if (at <= now) {
		throw new ScheduleError(`Schedule At (${at.toISO()}) is not in the future`, 'GOWA only schedules sends in the future. Leave the Schedule options out to send now.');
	}
	const recurrence = (blank(options.scheduleRepeat) ? 'once' : String(options.scheduleRepeat)) as Recurrence;
	if (!RECURRENCES.includes(recurrence)) {
		throw new ScheduleError(`Schedule Repeat must be once, daily, weekly or monthly, not "${recurrence}"`, 'Pick a value in the list.');
	}
	const fields: IDataObject = { scheduled_at: at.toISO({ suppressMilliseconds: true }), timezone: zone, recurrence };
	const weekdays = blank(options.scheduleWeekdays) ? [] : weekdaysOf(options.scheduleWeekdays);
	if (recurrence === 'weekly') {
		if (weekdays.length === 0) throw new ScheduleError('Schedule Weekdays is empty but Schedule Repeat is weekly', 'Pick the days of the week to send on.');
		fields.weekdays = weekdays;
	} else if (weekdays.length > 0) {
		throw new ScheduleError('Schedule Weekdays only applies when Schedule Repeat is weekly', 'Set Schedule Repeat to weekly, or remove Schedule Weekdays.');
	}
	if (recurrence === 'monthly') {
		if (blank(options.scheduleDayOfMonth)) throw new ScheduleError('Schedule Day of Month is empty but Schedule Repeat is monthly', 'Set the day of the month to send on (1–31; 31 means the last day of shorter months).');
		fields.day_of_month = wholeNumber(options.scheduleDayOfMonth, 'Schedule Day of Month', 1, 31);
	} else if (!blank(options.scheduleDayOfMonth)) {
		throw new ScheduleError('Schedule Day of Month only applies when Schedule Repeat is monthly', 'Set Schedule Repeat to monthly, or remove Schedule Day of Month.');
	}
	const recurring = recurrence !== 'once';
	for (const [name, label] of [['scheduleEndAt', 'Schedule End At'], ['scheduleLimit', 'Schedule Max Sends']]) {
		if (!recurring && !blank(options[name])) {
			throw new ScheduleError(`${label} only applies to repeating schedules`, `Set Schedule Repeat to daily, weekly or monthly, or remove ${label}.`);
		}
	}
	if (!blank(options.scheduleEndAt)) {
		const end = dateTimeIn(options.scheduleEndAt, zone, 'Schedule End At');
		if (end <= at) throw new ScheduleError('Schedule End At must be after Schedule At', 'Move Schedule End At after the first send, or remove it.');
		fields.end_at = end.toISO({ suppressMilliseconds: true });
	}
	if (!blank(options.scheduleLimit)) fields.occurrence_limit = wholeNumber(options.scheduleLimit, 'Schedule Max Sends', 1, 100000);
	return fields;
}

/** scheduleFieldsFrom for an item, with the workflow's time zone; a bad combination fails the item before any request. */
export function readSchedule(context: IExecuteFunctions, itemIndex: number, options: IDataObject): IDataObject | undefined {
	try {
		return scheduleFieldsFrom(options, context.getTimezone());
	} catch (error) {
		const hint = error instanceof ScheduleError ? ` ${error.hint}` : '';
		throw new NodeOperationError(context.getNode(), error as Error, { itemIndex, description: `${hint.trim()} Nothing was sent.`.trim() });
	}
}
