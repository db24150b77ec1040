import { DateTime } from 'luxon';

import { BookingInputError } from './errors';
import type { OffsetAnchor, OffsetUnit, SendTimeRule } from './types';

const UNITS: OffsetUnit[] = ['days', 'hours', 'minutes'];
const ANCHORS: OffsetAnchor[] = ['afterEnd', 'afterStart', 'beforeStart'];

const ANCHOR_WORDS: Record<OffsetAnchor, string> = {
	beforeStart: 'before start',
	afterStart: 'after start',
	afterEnd: 'after end',
};

const UNIT_CODES: Record<OffsetUnit, string> = { days: 'd', hours: 'h', minutes: 'm' };

/** Checks one Send Times entry. */
export function checkRule(rule: Partial<SendTimeRule>, position: number): SendTimeRule {
	const amount = Number(rule.amount);
	if (!Number.isFinite(amount) || amount < 0) {
		throw new BookingInputError(
			'Send Times',
			`Send Times entry ${position} has amount "${String(rule.amount)}"; it must be 0 or more`,
			'Set Amount to a number such as 24 (with Unit Hours) or 1 (with Unit Days).',
		);
	}
	const unit = rule.unit ?? 'hours';
	const relativeTo = rule.relativeTo ?? 'beforeStart';
	if (!UNITS.includes(unit) || !ANCHORS.includes(relativeTo)) {
		throw new BookingInputError(
			'Send Times',
			`Send Times entry ${position} has unit "${String(unit)}" and relative to "${String(relativeTo)}"`,
			'Unit is days, hours or minutes; Relative To is beforeStart, afterStart or afterEnd.',
		);
	}
	return { amount, unit, relativeTo };
}

/** `24 hours before start`, `1 day after end`. */
export function ruleLabel(rule: SendTimeRule): string {
	const unit = rule.amount === 1 ? rule.unit.slice(0, -1) : rule.unit;
	return `${rule.amount} ${unit} ${ANCHOR_WORDS[rule.relativeTo]}`;
}

/** Short stable code for message keys: `before-start-24h`, `after-end-2h`. */
export function ruleCode(rule: SendTimeRule): string {
	const anchor = ANCHOR_WORDS[rule.relativeTo].replace(' ', '-');
	return `${anchor}-${rule.amount}${UNIT_CODES[rule.unit]}`;
}

/**
 * When a rule's message goes out. Hours and minutes are exact durations; days are calendar days in the
 * booking's zone (same wall-clock time, also across a daylight-saving change). Without an end (no duration),
 * "after end" counts from the start.
 */
export function sendMoment(rule: SendTimeRule, start: DateTime, end: DateTime | undefined): DateTime {
	const anchor = rule.relativeTo === 'afterEnd' ? (end ?? start) : start;
	const sign = rule.relativeTo === 'beforeStart' ? -1 : 1;
	if (rule.unit === 'days') return anchor.plus({ days: sign * rule.amount });
	// Exact durations: plain millisecond arithmetic (Luxon's Duration machinery is the slow part of plus/minus).
	const millis = rule.amount * (rule.unit === 'hours' ? 3_600_000 : 60_000);
	return DateTime.fromMillis(anchor.toMillis() + sign * millis, { zone: anchor.zone });
}
