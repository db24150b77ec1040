/**
 * Recipient normalisation shared by every node: turns what people type or map from a CRM
 * (+62 812-3456-7890, 0812…, 62812…, full WhatsApp JIDs) into the form GOWA expects.
 * Pure functions: callers wrap a RecipientError into a NodeOperationError with the item index.
 */

export type RecipientKind = 'user' | 'group' | 'lid' | 'newsletter';

export interface Recipient {
	/** What to send as GOWA's `phone` / chat field: always a full JID. */
	jid: string;
	kind: RecipientKind;
	/** International number in digits for user recipients, e.g. `6281234567890`. */
	phone?: string;
}

export class RecipientError extends Error {
	constructor(
		message: string,
		readonly hint: string,
	) {
		super(message);
		this.name = 'RecipientError';
	}
}

const FORMAT_HINT =
	'Use an international number (+62 812-3456-7890 or 6281234567890), a local number starting with 0 together with the Default Country Code of the credential, or a WhatsApp JID (…@s.whatsapp.net, …@g.us, …@lid, …@newsletter).';

const SERVERS: Record<string, RecipientKind> = {
	's.whatsapp.net': 'user',
	'c.us': 'user',
	'g.us': 'group',
	lid: 'lid',
	newsletter: 'newsletter',
};

const SEPARATORS = /[\s\u00a0().\-/]/g;

/**
 * Longest phone number, group id or JID accepted, in characters. Real ones are under 60 (`120363…-…@g.us`); the
 * cap is checked before any parsing, so hostile input (a 100 kB webhook field) costs one length check.
 */
export const MAX_RECIPIENT_LENGTH = 100;

/**
 * The text of a recipient-like value (string or number), refused when longer than MAX_RECIPIENT_LENGTH. Objects and
 * arrays are not text: they come back as '' (callers report "empty"; the action node refuses them earlier).
 */
export function recipientText(input: unknown, what = 'The recipient'): string {
	const raw = typeof input === 'number' ? String(input) : typeof input === 'string' ? input : '';
	if (raw.length > MAX_RECIPIENT_LENGTH) {
		throw new RecipientError(
			`${what} is ${raw.length} characters long; phone numbers and WhatsApp IDs have at most ${MAX_RECIPIENT_LENGTH}`,
			'Map the field that holds only the phone number or chat ID, e.g. {{ $json.phone }}.',
		);
	}
	return raw.trim();
}

/** Digits of a country calling code such as `62` or `+62`; empty when not configured. */
export function cleanCountryCode(countryCode: unknown): string {
	if (countryCode === undefined || countryCode === null) return '';
	const text = String(countryCode).slice(0, MAX_RECIPIENT_LENGTH + 1).trim();
	const cleaned = text.startsWith('+') ? text.slice(1) : text;
	if (cleaned === '') return '';
	if (!/^[1-9]\d{0,3}$/.test(cleaned)) {
		throw new RecipientError(
			`Default Country Code "${text.slice(0, 20)}" is not a country calling code`,
			'Set Default Country Code in the credential to digits only, e.g. 62 for Indonesia or 44 for the United Kingdom.',
		);
	}
	return cleaned;
}

/**
 * Turns a phone number into international digits (no `+`), e.g. `0812-3456-7890` with country code 62
 * → `6281234567890`. Rejects anything that is not a plausible E.164 number.
 */
export function normalizePhoneNumber(input: unknown, defaultCountryCode?: unknown): string {
	const text = recipientText(input, 'The phone number');
	if (text === '') throw new RecipientError('The phone number is empty', FORMAT_HINT);
	let compact = text.replace(SEPARATORS, '');
	let international = false;
	if (compact.startsWith('+')) {
		international = true;
		compact = compact.slice(1);
	} else if (compact.startsWith('00')) {
		international = true;
		compact = compact.slice(2);
	}
	if (!/^\d+$/.test(compact)) {
		throw new RecipientError(`"${text}" is not a phone number`, FORMAT_HINT);
	}
	if (!international && compact.startsWith('0')) {
		const countryCode = cleanCountryCode(defaultCountryCode);
		if (countryCode === '') {
			throw new RecipientError(
				`"${text}" is a local number and no Default Country Code is set`,
				'Write the number with its country code (e.g. +62 812…), or set Default Country Code in the WhatsApp MultiDevice API credential.',
			);
		}
		let firstDigit = 0;
		while (compact[firstDigit] === '0') firstDigit++;
		compact = countryCode + compact.slice(firstDigit);
	}
	if (compact.startsWith('0')) {
		throw new RecipientError(`"${text}" has no valid country code`, FORMAT_HINT);
	}
	if (compact.length < 7 || compact.length > 15) {
		throw new RecipientError(
			`"${text}" has ${compact.length} digits; international numbers have 7 to 15`,
			FORMAT_HINT,
		);
	}
	return compact;
}

function normalizeJid(text: string): Recipient {
	const at = text.lastIndexOf('@');
	let local = text.slice(0, at).trim();
	if (local.startsWith('+')) local = local.slice(1);
	const server = text
		.slice(at + 1)
		.trim()
		.toLowerCase();
	const kind = SERVERS[server];
	if (kind === undefined) {
		throw new RecipientError(
			`"${text}" is not a WhatsApp chat ID: unknown server "@${server}"`,
			FORMAT_HINT,
		);
	}
	if (kind === 'user' || kind === 'lid') {
		// Strip the agent/device suffix of an AD JID: 628123:12@s.whatsapp.net, 628123.0:12@s.whatsapp.net.
		// Plain index search, not a regex: `/[.:].*$/` backtracks quadratically on `:::…\n`.
		const dot = local.indexOf('.');
		const colon = local.indexOf(':');
		const suffixAt = dot < 0 ? colon : colon < 0 ? dot : Math.min(dot, colon);
		if (suffixAt >= 0) local = local.slice(0, suffixAt);
		if (!/^\d{5,20}$/.test(local)) {
			throw new RecipientError(`"${text}" is not a valid WhatsApp JID`, FORMAT_HINT);
		}
		if (kind === 'user') {
			return { jid: `${local}@s.whatsapp.net`, kind, phone: local };
		}
		return { jid: `${local}@lid`, kind };
	}
	if (kind === 'group') {
		if (!/^\d+(-\d+)?$/.test(local)) {
			throw new RecipientError(`"${text}" is not a valid group ID`, FORMAT_HINT);
		}
		return { jid: `${local}@g.us`, kind };
	}
	if (!/^\d+$/.test(local)) {
		throw new RecipientError(`"${text}" is not a valid newsletter (channel) ID`, FORMAT_HINT);
	}
	return { jid: `${local}@newsletter`, kind };
}

/**
 * Normalises any recipient: a phone number in any common notation, a group ID or a full JID.
 * Bare ids longer than 15 digits, or of the old `creator-timestamp` form, are group IDs (as GOWA treats them).
 */
export function normalizeRecipient(input: unknown, defaultCountryCode?: unknown): Recipient {
	const text = recipientText(input);
	if (text === '') throw new RecipientError('The recipient is empty', FORMAT_HINT);
	if (text.includes('@')) return normalizeJid(text);
	const compact = text.replace(/[\s\u00a0]/g, '');
	// A leading 0 is a local phone number (081234-567890), never an old-style group id (creator-timestamp).
	if (/^[1-9]\d{5,}-\d{6,}$/.test(compact) || /^[1-9]\d{15,}$/.test(compact)) {
		return { jid: `${compact}@g.us`, kind: 'group' };
	}
	const phone = normalizePhoneNumber(text, defaultCountryCode);
	return { jid: `${phone}@s.whatsapp.net`, kind: 'user', phone };
}

/** Normalises a group ID given bare (`120363…`) or as a JID (`120363…@g.us`). */
export function normalizeGroupId(input: unknown): string {
	const raw = recipientText(input, 'The group ID');
	if (raw === '') throw new RecipientError('The group ID is empty', 'Give the group JID, e.g. 120363025246125486@g.us.');
	const withServer = raw.includes('@') ? raw : `${raw}@g.us`;
	const recipient = normalizeJid(withServer);
	if (recipient.kind !== 'group') {
		throw new RecipientError(
			`"${raw}" is not a group ID`,
			'Group IDs end with @g.us, e.g. 120363025246125486@g.us.',
		);
	}
	return recipient.jid;
}

/** Phone digits of a user JID (`628…:12@s.whatsapp.net` → `628…`); undefined for groups, LIDs and channels. */
export function phoneFromJid(jid: unknown): string | undefined {
	if (typeof jid !== 'string' || jid === '') return undefined;
	try {
		return normalizeRecipient(jid).phone;
	} catch {
		return undefined;
	}
}
