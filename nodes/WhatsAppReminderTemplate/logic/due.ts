import { DateTime } from 'luxon';
import type { Zone } from 'luxon';

/**
 * The run window of a workflow started by a Schedule Trigger every N minutes.
 *
 * n8n fires such a trigger at the minutes divisible by N on the workflow's clock (plus a random second). A run at
 * 10:15:23 with N = 15 therefore belongs to the slot starting at 10:15:00: `slotStart` is `now` rounded down to a
 * multiple of N minutes in the clock's zone. The run's window is (slotStart − N, slotStart]. Consecutive runs have
 * consecutive slots, so their windows tile the time line without gaps or overlaps and every send moment falls
 * into exactly one run's window.
 */
export interface DueWindow {
	/** Exclusive. */
	fromMillis: number;
	/** Inclusive. */
	toMillis: number;
}

let lastWindow: { key: string; window: DueWindow } | undefined;

/** dueWindow for a moment given as epoch milliseconds and a clock zone; the last answer is remembered (one per run). */
export function dueWindowAt(nowMillis: number, clockZone: Zone, intervalMinutes: number): DueWindow {
	const key = `${nowMillis}|${clockZone.name}|${intervalMinutes}`;
	if (lastWindow?.key !== key) {
		lastWindow = { key, window: dueWindow(DateTime.fromMillis(nowMillis, { zone: clockZone }), intervalMinutes) };
	}
	return lastWindow.window;
}

export function dueWindow(now: DateTime, intervalMinutes: number): DueWindow {
	const size = intervalMinutes * 60_000;
	const offset = now.offset * 60_000;
	const slotStart = Math.floor((now.toMillis() + offset) / size) * size - offset;
	return { fromMillis: slotStart - size, toMillis: slotStart };
}

export type Timing = 'due' | 'past' | 'pending';

/** Where a send moment lies relative to this run's window. */
export function timingOf(sendAtMillis: number, window: DueWindow): Timing {
	if (sendAtMillis <= window.fromMillis) return 'past';
	if (sendAtMillis <= window.toMillis) return 'due';
	return 'pending';
}
