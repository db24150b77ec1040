import { normalizePhoneNumber, normalizeRecipient, RecipientError } from '../shared/phone';
import type { GowaEvent } from './normalize';
import { chatIdOf, isGroupEvent } from './normalize';

/**
 * Which events start the workflow. Everything here is decided from the event alone, so a filtered
 * event is answered 200 without starting an execution.
 */
export interface EventFilter {
	/** Accepted event names; empty = every event. */
	events: string[];
	ignoreFromMe: boolean;
	ignoreGroups: boolean;
	/** Accepted chats as normalised identifiers (JIDs, phone digits); empty = any chat. */
	chats: Set<string>;
	/** Accepted senders (phone digits, JIDs, LIDs); empty = any sender. */
	senders: Set<string>;
	/** Accepted receiving devices: slot IDs (matched against `session_id`) or JIDs / phone digits (against `device_id`). */
	deviceIds: Set<string>;
	/** Accepted GOWA session (device slot) IDs, compared exactly; empty = any. */
	sessionIds: Set<string>;
}

export interface FilterSettings {
	events: string[];
	ignoreFromMe?: boolean;
	ignoreGroups?: boolean;
	chats?: unknown;
	senders?: unknown;
	deviceIds?: unknown;
	sessionIds?: unknown;
}

/** Called with an entry that is not a phone number or chat; the caller throws a NodeOperationError. */
export type InvalidEntry = (option: string, entry: string, hint: string) => never;

/** Splits a list option: comma, semicolon or newline separated text, or an array from an expression. */
export function splitList(value: unknown): string[] {
	const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,;\n]/) : value == null ? [] : [value];
	return list.map((entry) => String(entry ?? '').trim()).filter((entry) => entry !== '');
}

/** Every form an identifier of a person or chat can take in an event: the JID as sent, the normalised JID, the phone. */
function identities(value: unknown): string[] {
	if (typeof value !== 'string' || value.trim() === '') return [];
	const raw = value.trim().toLowerCase();
	const forms = [raw];
	try {
		const recipient = normalizeRecipient(raw);
		forms.push(recipient.jid);
		if (recipient.phone !== undefined) forms.push(recipient.phone);
	} catch {
		// Not a JID or number we know (e.g. a newsletter id GOWA added later): the raw value still matches exactly.
	}
	return forms;
}

/** Device slot IDs are free text (`salon-main`); JIDs and phone numbers are added in all their forms. */
function deviceEntries(value: unknown): Set<string> {
	const result = new Set<string>();
	for (const entry of splitList(value)) {
		result.add(entry);
		for (const form of identities(entry)) result.add(form);
	}
	return result;
}

function normalised(entry: string, countryCode: string, phoneOnly: boolean): string[] | RecipientError {
	try {
		if (phoneOnly) return [normalizePhoneNumber(entry, countryCode)];
		const recipient = normalizeRecipient(entry, countryCode);
		return recipient.phone !== undefined ? [recipient.jid, recipient.phone] : [recipient.jid];
	} catch (error) {
		return error instanceof RecipientError ? error : new RecipientError(String(error), '');
	}
}

function normaliseEntries(option: string, value: unknown, countryCode: string, phonesOnly: boolean, invalid: InvalidEntry): Set<string> {
	const result = new Set<string>();
	for (const entry of splitList(value)) {
		const forms = normalised(entry, countryCode, phonesOnly && !entry.includes('@'));
		if (forms instanceof RecipientError) invalid(option, entry, `${forms.message}. ${forms.hint}`.trim());
		else for (const form of forms) result.add(form);
	}
	return result;
}

/** Builds the filter from the node's options; fails on entries that are not phone numbers or chats. */
export function buildFilter(settings: FilterSettings, countryCode: string, invalid: InvalidEntry): EventFilter {
	return {
		events: settings.events,
		ignoreFromMe: settings.ignoreFromMe === true,
		ignoreGroups: settings.ignoreGroups === true,
		chats: normaliseEntries('Only Chats', settings.chats, countryCode, false, invalid),
		senders: normaliseEntries('Only Senders', settings.senders, countryCode, true, invalid),
		deviceIds: deviceEntries(settings.deviceIds),
		sessionIds: new Set(splitList(settings.sessionIds)),
	};
}

function matches(accepted: Set<string>, candidates: unknown[]): boolean {
	return candidates.some((candidate) => identities(candidate).some((form) => accepted.has(form)));
}

/** Why the event does not start the workflow, or undefined when it does. */
export function filterOut(event: GowaEvent, filter: EventFilter): string | undefined {
	const payload = event.payload;
	if (filter.events.length > 0 && !filter.events.includes(event.event)) return `event ${event.event} is not selected`;
	if (filter.sessionIds.size > 0 && !filter.sessionIds.has(String(event.session_id ?? ''))) return 'other session';
	if (
		filter.deviceIds.size > 0 &&
		!filter.deviceIds.has(String(event.session_id ?? '')) &&
		!matches(filter.deviceIds, [event.device_id])
	) {
		return 'other device';
	}
	if (filter.ignoreFromMe && payload.is_from_me === true) return 'own message';
	// Group Joined / Group Participants are about groups by nature: selecting them is asking for them.
	if (filter.ignoreGroups && isGroupEvent(event) && !event.event.startsWith('group.')) return 'group chat';
	if (filter.chats.size > 0 && !matches(filter.chats, [chatIdOf(event), payload.chat_lid])) return 'other chat';
	if (filter.senders.size > 0 && !matches(filter.senders, [payload.from, payload.from_lid])) return 'other sender';
	return undefined;
}
