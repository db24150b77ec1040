import type { DateTime } from 'luxon';

import { BookingInputError } from './errors';
import { clockTime, durationText, momentParts, timeRange } from './format';
import { firstNameOf } from './language';
import type { Variable, Variables } from './render';
import { variableKey } from './render';
import { isBlank } from './time';
import type { BookingInput, Language } from './types';

/** Everything about one booking that is already parsed and checked. */
export interface BookingFacts {
	language: Language;
	zone: string;
	start: DateTime;
	end?: DateTime;
	durationMinutes?: number;
	previousStart?: DateTime;
	/** International digits for people; the JID for groups and channels. */
	phone: string;
	/** Full WhatsApp JID. */
	recipient: string;
}

/** Turns what an expression returned into message text; blank → undefined. */
export function textOf(value: unknown): string | undefined {
	if (isBlank(value)) return undefined;
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

const EXTRA_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function put(variables: Variables, name: string, value: string | undefined, field: string): void {
	const variable: Variable = { name, value, field };
	variables.set(variableKey(name), variable);
}

function putMoment(variables: Variables, prefix: string, moment: DateTime | undefined, facts: BookingFacts, field: string): void {
	const parts = moment === undefined ? undefined : momentParts(moment, facts.language, facts.zone);
	const names = ['date', 'day', 'shortDate', 'time', 'zone'];
	for (const name of names) {
		const full = prefix === '' ? name : `${prefix}${name[0].toUpperCase()}${name.slice(1)}`;
		put(variables, full, parts?.[name], field);
	}
}

/**
 * The variables of one booking, before any send time is known (`relative` is set per message by
 * `setRelative`). Extra variables come last and may replace built-in ones.
 */
export function bookingVariables(input: BookingInput, facts: BookingFacts): Variables {
	const variables: Variables = new Map();
	const customerName = textOf(input.customerName);
	put(variables, 'customerName', customerName, 'Customer Name');
	put(variables, 'firstName', customerName === undefined ? undefined : firstNameOf(customerName), 'Customer Name');
	put(variables, 'phone', facts.phone, 'Phone');
	put(variables, 'service', textOf(input.service), 'Service');
	put(variables, 'staff', textOf(input.staff), 'Staff');
	put(variables, 'location', textOf(input.location), 'Location');
	put(variables, 'businessName', textOf(input.businessName), 'Business Name');
	put(variables, 'bookingId', textOf(input.bookingId), 'Booking ID');
	put(variables, 'bookingLink', textOf(input.bookingLink), 'Booking Link');
	put(variables, 'reviewLink', textOf(input.reviewLink), 'Review Link');
	putMoment(variables, '', facts.start, facts, 'Start Time');
	put(variables, 'relative', undefined, 'Start Time');
	const { end } = facts;
	put(variables, 'endTime', end && clockTime(end, facts.language, facts.zone), 'Duration (Minutes)');
	put(variables, 'timeRange', end && timeRange(facts.start, end, facts.language, facts.zone), 'Duration (Minutes)');
	put(
		variables,
		'duration',
		facts.durationMinutes === undefined ? undefined : durationText(facts.durationMinutes, facts.language),
		'Duration (Minutes)',
	);
	putMoment(variables, 'previous', facts.previousStart, facts, 'Previous Start Time');
	for (const extra of input.extraVariables ?? []) {
		const name = typeof extra.name === 'string' ? extra.name.trim() : '';
		if (!EXTRA_NAME.test(name)) {
			throw new BookingInputError(
				'Extra Variables',
				`Extra variable name "${String(extra.name ?? '')}" is not a valid name`,
				'Use letters, digits and underscores, starting with a letter, e.g. promoCode; the template then uses {{promoCode}}.',
			);
		}
		put(variables, name, textOf(extra.value), `Extra Variables → ${name}`);
	}
	return variables;
}

/** Sets `relative` (today / tomorrow / …) as seen on the day the message is sent. */
export function setRelative(variables: Variables, value: string): void {
	const current = variables.get('relative');
	if (current !== undefined && current.field === 'Start Time') current.value = value;
}

/** Plain object of the variables with a value, for the Include Variables option. */
export function variablesObject(variables: Variables): Record<string, string> {
	const result: Record<string, string> = {};
	for (const variable of variables.values()) {
		if (variable.value !== undefined) result[variable.name] = variable.value;
	}
	return result;
}
