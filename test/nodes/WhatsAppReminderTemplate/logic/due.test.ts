import { DateTime } from 'luxon';

import { dueWindow, timingOf } from '../../../../nodes/WhatsAppReminderTemplate/logic/due';

const ms = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();

describe('dueWindow', () => {
	it('is (slot − interval, slot], slot being now rounded down to the interval on the clock', () => {
		const window = dueWindow(DateTime.fromISO('2026-11-23T10:15:23', { zone: 'Asia/Jakarta' }), 15);
		expect(DateTime.fromMillis(window.fromMillis, { zone: 'Asia/Jakarta' }).toISO()).toBe('2026-11-23T10:00:00.000+07:00');
		expect(DateTime.fromMillis(window.toMillis, { zone: 'Asia/Jakarta' }).toISO()).toBe('2026-11-23T10:15:00.000+07:00');
	});

	it('classifies the edges: the slot start is due, the previous slot start is past, a millisecond later is pending', () => {
		const window = dueWindow(DateTime.fromISO('2026-11-23T10:15:23+07:00', { setZone: true }), 15);
		expect(timingOf(ms('2026-11-23T10:00:00+07:00'), window)).toBe('past');
		expect(timingOf(ms('2026-11-23T10:00:00.001+07:00'), window)).toBe('due');
		expect(timingOf(ms('2026-11-23T10:07:00+07:00'), window)).toBe('due');
		expect(timingOf(ms('2026-11-23T10:15:00+07:00'), window)).toBe('due');
		expect(timingOf(ms('2026-11-23T10:15:00.001+07:00'), window)).toBe('pending');
		expect(timingOf(ms('2026-11-23T10:15:20+07:00'), window)).toBe('pending');
	});

	it('aligns to the local clock in zones with a half or three-quarter hour offset', () => {
		// India is UTC+5:30: with a 60-minute interval the slot starts at the local hour, not the UTC hour.
		const india = dueWindow(DateTime.fromISO('2026-11-23T10:00:40', { zone: 'Asia/Kolkata' }), 60);
		expect(DateTime.fromMillis(india.toMillis, { zone: 'Asia/Kolkata' }).toFormat('HH:mm')).toBe('10:00');
		const nepal = dueWindow(DateTime.fromISO('2026-11-23T10:30:05', { zone: 'Asia/Kathmandu' }), 30);
		expect(DateTime.fromMillis(nepal.toMillis, { zone: 'Asia/Kathmandu' }).toFormat('HH:mm')).toBe('10:30');
	});
});

/**
 * What a Schedule Trigger "every N minutes" does: it fires at the minutes divisible by N on the workflow clock,
 * at a random but fixed second, and the run starts a little later.
 */
function runTimes(zone: string, from: string, hours: number, interval: number, second: number, lagMs: number[]): DateTime[] {
	const first = DateTime.fromISO(from, { zone });
	const runs: DateTime[] = [];
	for (let slot = 0; slot < (hours * 60) / interval; slot++) {
		runs.push(first.plus({ minutes: slot * interval, seconds: second, milliseconds: lagMs[slot % lagMs.length] }));
	}
	return runs;
}

describe('exactly once: each send moment is due in exactly one Schedule Trigger run', () => {
	const lags = [0, 350, 1200, 40, 9000, 2];

	it.each([
		['Asia/Jakarta', '2026-11-22T00:00', 15, 7],
		['Asia/Jayapura', '2026-11-22T00:00', 5, 59],
		['Asia/Kolkata', '2026-11-22T00:00', 60, 30],
		// The run clock crosses both daylight-saving changes of 2026.
		['Europe/London', '2026-03-28T12:00', 15, 0],
		['Europe/London', '2026-10-24T12:00', 30, 45],
	])('%s from %s, every %i minutes, second %i', (zone, from, interval, second) => {
		const runs = runTimes(zone, from, 36, interval, second, lags);
		const windows = runs.map((run) => dueWindow(run, interval));
		// Send moments spread over the middle of the period, including exact slot boundaries.
		const start = runs[4].toMillis();
		const moments: number[] = [];
		for (let t = start; t < runs[runs.length - 5].toMillis(); t += 7 * 60_000 + 13_000) moments.push(t);
		for (let index = 5; index < runs.length - 5; index++) moments.push(windows[index].toMillis);
		for (const moment of moments) {
			const dueIn = windows.filter((window) => timingOf(moment, window) === 'due').length;
			expect(dueIn).toBe(1);
		}
		expect(moments.length).toBeGreaterThan(200);
	});

	it('a run that skips a slot leaves that slot’s messages past in the next run (documented limitation)', () => {
		const runs = runTimes('Asia/Jakarta', '2026-11-22T00:00', 2, 15, 3, [0]);
		const skipped = runs.filter((_run, index) => index !== 3).map((run) => dueWindow(run, 15));
		const lost = runs[3].startOf('minute').minus({ minutes: 5 }).toMillis();
		expect(skipped.filter((window) => timingOf(lost, window) === 'due')).toHaveLength(0);
	});
});
