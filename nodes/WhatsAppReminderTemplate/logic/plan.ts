import { DateTime } from 'luxon';

import { normalizeRecipient, recipientText, RecipientError } from '../../shared/phone';
import { builtInTemplate } from '../templates';
import { dueWindowAt, timingOf } from './due';
import { BookingInputError } from './errors';
import { relativeDay } from './format';
import { resolveLanguage } from './language';
import { shiftOutOfQuietHours } from './quietHours';
import type { QuietHours } from './quietHours';
import type { Variables } from './render';
import { checkPlaceholders, parseTemplate, renderLines, renderTemplate } from './render';
import { ruleCode, ruleLabel, sendMoment } from './schedule';
import { isBlank, parseClockTime, parseDuration, parseMoment, parseStart, resolveTimeZone } from './time';
import type { BookingInput, PlanSettings, PlannedMessage, SendTimeRule } from './types';
import { zoneOf } from './zone';
import type { BookingFacts } from './variables';
import { bookingVariables, setRelative, textOf, variablesObject } from './variables';

const PHONE_HINT =
	'Map Phone to the customer’s number: international (+62 812-3456-7890 or 6281234567890), a WhatsApp JID, or a local number starting with 0 together with Options → Default Country Code.';

function recipientOf(value: unknown, countryCode: string | undefined): { phone: string; jid: string } {
	if (isBlank(value)) throw new BookingInputError('Phone', 'Phone is empty', PHONE_HINT);
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new BookingInputError('Phone', `Phone is ${Array.isArray(value) ? 'a list' : `of type ${typeof value}`}, not text`, PHONE_HINT);
	}
	let text: string;
	try {
		// Capped before any parsing: a phone field from a webhook body may be 100 kB long.
		text = recipientText(value, 'The value');
	} catch (error) {
		throw phoneError(error);
	}
	const compact = text.replace(/[\s\u00a0().\-/]/g, '');
	if (/^0[1-9]/.test(compact) && (countryCode === undefined || countryCode === '')) {
		throw new BookingInputError(
			'Phone',
			`Phone "${text}" is a local number and no Default Country Code is set`,
			'Set Options → Default Country Code (e.g. 62 for Indonesia), or map the number with its country code (+62 812…).',
		);
	}
	try {
		const recipient = normalizeRecipient(text, countryCode);
		return { phone: recipient.phone ?? recipient.jid, jid: recipient.jid };
	} catch (error) {
		throw phoneError(error);
	}
}

function phoneError(error: unknown): Error {
	if (error instanceof RecipientError) return new BookingInputError('Phone', `Phone: ${error.message}`, PHONE_HINT);
	return error as Error;
}

function quietHoursOf(settings: PlanSettings): QuietHours {
	if (settings.quietHours === 'off') return { mode: 'off', start: 0, end: 0 };
	return {
		mode: settings.quietHours,
		start: parseClockTime(settings.quietHoursStart, 'Quiet Hours Start'),
		end: parseClockTime(settings.quietHoursEnd, 'Quiet Hours End'),
	};
}

function checkInterval(minutes: number): number {
	if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
		throw new BookingInputError(
			'Check Interval (Minutes)',
			`Check Interval (Minutes) must be a whole number from 1 to 1440, not ${String(minutes)}`,
			'Set it to the interval of the Schedule Trigger that runs this workflow, e.g. 15.',
		);
	}
	return minutes;
}

/** Parses and checks everything about one booking that does not depend on a send time. */
export function bookingFacts(input: BookingInput, settings: PlanSettings): BookingFacts {
	const zone = resolveTimeZone(input.timeZone, settings.defaultTimeZone);
	const start = parseStart(input, zone);
	const durationMinutes = parseDuration(input.durationMinutes);
	const end =
		durationMinutes === undefined ? undefined : DateTime.fromMillis(start.toMillis() + durationMinutes * 60_000, { zone: start.zone });
	const previousStart = isBlank(input.previousStartTime)
		? undefined
		: parseMoment(input.previousStartTime, zone, 'Previous Start Time');
	const { phone, jid } = recipientOf(input.phone, settings.defaultCountryCode);
	const language = resolveLanguage(input.language, settings.fallbackLanguage);
	return { language, zone, start, end, durationMinutes, previousStart, phone, recipient: jid };
}

/** `2026-11-22T07:00:00.000Z`, as Luxon's toUTC().toISO() writes it, without building another DateTime. */
function utcIso(moment: DateTime): string {
	return new Date(moment.toMillis()).toISOString();
}

interface Slot {
	rule?: SendTimeRule;
	moment: DateTime;
}

function render(settings: PlanSettings, facts: BookingFacts, variables: Variables): string {
	if (settings.customTemplate === undefined) return renderLines(builtInTemplate(settings.kind, facts.language), variables);
	return renderTemplate(parseTemplate(settings.customTemplate), variables, settings);
}

/**
 * Everything the node does for one booking, as a pure function: the messages to send, with their send times,
 * `due` flags and rendered text. Throws BookingInputError naming the field to fix.
 */
export function planMessages(input: BookingInput, settings: PlanSettings): PlannedMessage[] {
	const facts = bookingFacts(input, settings);
	const quiet = quietHoursOf(settings);
	const window = dueWindowAt(settings.now.toMillis(), zoneOf(settings.clockZone), checkInterval(settings.checkIntervalMinutes));
	const variables = bookingVariables(input, facts);
	if (settings.customTemplate !== undefined) {
		checkPlaceholders(parseTemplate(settings.customTemplate), variables);
	}
	const bookingId = textOf(input.bookingId) ?? null;
	const startUtc = utcIso(facts.start).replace('.000Z', 'Z');
	const startTime = facts.start.toISO() ?? '';
	const slots: Slot[] =
		settings.sendTimes.length === 0
			? [{ moment: settings.now.setZone(zoneOf(facts.zone)) }]
			: settings.sendTimes.map((rule) => ({ rule, moment: sendMoment(rule, facts.start, facts.end) }));

	const messages: PlannedMessage[] = [];
	for (const slot of slots) {
		let moment = slot.moment;
		let shiftedFrom: string | null = null;
		let due = true;
		let past = false;
		if (slot.rule !== undefined) {
			const anchor = slot.rule.relativeTo === 'afterEnd' ? (facts.end ?? facts.start) : facts.start;
			const bounds = slot.rule.relativeTo === 'beforeStart' ? { notAfter: facts.start } : { notBefore: anchor };
			const shifted = shiftOutOfQuietHours(moment, quiet, bounds);
			if (shifted.moved !== undefined) {
				shiftedFrom = utcIso(moment);
				moment = shifted.moment;
			}
			const timing = timingOf(moment.toMillis(), window);
			if (timing === 'past' && settings.pastMessages === 'skip') continue;
			due = timing === 'due';
			past = timing === 'past';
		}
		setRelative(variables, relativeDay(moment, facts.start, facts.language));
		const message: PlannedMessage = {
			kind: settings.kind,
			bookingId,
			phone: facts.phone,
			recipient: facts.recipient,
			message: render(settings, facts, variables),
			language: facts.language,
			timeZone: facts.zone,
			startTime,
			sendTime: slot.rule === undefined ? 'immediately' : ruleLabel(slot.rule),
			sendAt: utcIso(moment),
			sendAtLocal: moment.toISO() ?? '',
			due,
			past,
			shifted: shiftedFrom !== null,
			shiftedFrom,
			messageKey: [bookingId ?? facts.phone, settings.kind, slot.rule === undefined ? 'now' : ruleCode(slot.rule), startUtc].join(':'),
		};
		if (settings.includeVariables) message.variables = variablesObject(variables);
		messages.push(message);
	}
	return messages;
}
