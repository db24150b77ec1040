import type { DateTime } from 'luxon';

import type { QuietHoursMode } from './types';

export interface QuietHours {
	mode: QuietHoursMode;
	/** Minutes after midnight. */
	start: number;
	end: number;
}

export interface ShiftResult {
	moment: DateTime;
	/** Which way the moment moved, or undefined when it was outside quiet hours. */
	moved?: 'earlier' | 'later';
}

function minuteOfDay(moment: DateTime): number {
	return moment.hour * 60 + moment.minute + moment.second / 60 + moment.millisecond / 60000;
}

function atMinute(day: DateTime, minutes: number): DateTime {
	return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
}

/**
 * Whether a wall-clock time lies inside quiet hours. The quiet period runs from `start` to `end` and may wrap
 * past midnight (21:00–08:00); the boundaries themselves are not quiet, so a message may go out at exactly
 * 21:00 or 08:00. Equal start and end means no quiet hours.
 */
export function isQuiet(moment: DateTime, quiet: QuietHours): boolean {
	const time = minuteOfDay(moment);
	if (quiet.start === quiet.end) return false;
	if (quiet.start < quiet.end) return time > quiet.start && time < quiet.end;
	return time > quiet.start || time < quiet.end;
}

/** The end of the quiet period containing `moment` (e.g. 08:00 the next morning). */
export function endOfQuiet(moment: DateTime, quiet: QuietHours): DateTime {
	const wraps = quiet.start > quiet.end;
	const day = wraps && minuteOfDay(moment) > quiet.start ? moment.plus({ days: 1 }) : moment;
	return atMinute(day, quiet.end);
}

/** The start of the quiet period containing `moment` (e.g. 21:00 the evening before). */
export function startOfQuiet(moment: DateTime, quiet: QuietHours): DateTime {
	const wraps = quiet.start > quiet.end;
	const day = wraps && minuteOfDay(moment) < quiet.end ? moment.minus({ days: 1 }) : moment;
	return atMinute(day, quiet.start);
}

/**
 * Moves a send moment out of quiet hours in the chosen direction (`moment` must be in the booking's zone).
 * A move must not carry the message past what it refers to: a "before start" message is never moved to or after
 * the start, an "after" message never before its anchor; then it moves the other way instead.
 */
export function shiftOutOfQuietHours(
	moment: DateTime,
	quiet: QuietHours,
	bounds: { notAfter?: DateTime; notBefore?: DateTime },
): ShiftResult {
	if (quiet.mode === 'off' || !isQuiet(moment, quiet)) return { moment };
	const later = (): ShiftResult => ({ moment: endOfQuiet(moment, quiet), moved: 'later' });
	const earlier = (): ShiftResult => ({ moment: startOfQuiet(moment, quiet), moved: 'earlier' });
	const first = quiet.mode === 'later' ? later() : earlier();
	const tooLate = bounds.notAfter !== undefined && first.moment >= bounds.notAfter;
	const tooEarly = bounds.notBefore !== undefined && first.moment < bounds.notBefore;
	if (!tooLate && !tooEarly) return first;
	return quiet.mode === 'later' ? earlier() : later();
}
