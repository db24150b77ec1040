import {
	MAX_RECIPIENT_LENGTH,
	RecipientError,
	cleanCountryCode,
	normalizeGroupId,
	normalizePhoneNumber,
	normalizeRecipient,
	phoneFromJid,
} from '../../../nodes/shared/phone';
import { watchRegexWork } from './regexWork';

function rejection(run: () => unknown): RecipientError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(RecipientError);
		return error as RecipientError;
	}
	throw new Error('expected a RecipientError, nothing was thrown');
}

describe('normalizeRecipient: phone numbers', () => {
	test.each([
		['+62 812-3456-7890', undefined],
		['+62 (812) 3456.7890', undefined],
		['+62\u00a0812 3456 7890', undefined],
		['6281234567890', undefined],
		['62 812 3456 7890', undefined],
		['0062 812 3456 7890', undefined],
		['0812-3456-7890', '62'],
		['0812 3456 7890', '+62'],
		['08123456 7890', 62],
		['6281234567890@s.whatsapp.net', undefined],
		['+6281234567890@s.whatsapp.net', undefined],
		['6281234567890:12@s.whatsapp.net', undefined],
		['6281234567890.0:12@s.whatsapp.net', undefined],
		['6281234567890@c.us', undefined],
		['  6281234567890@S.WhatsApp.Net  ', undefined],
	])('%j (country code %j) → 6281234567890@s.whatsapp.net', (input, countryCode) => {
		expect(normalizeRecipient(input, countryCode)).toEqual({ jid: '6281234567890@s.whatsapp.net', kind: 'user', phone: '6281234567890' });
	});

	test('a number typed as a JavaScript number works (mapped from a spreadsheet)', () => {
		expect(normalizeRecipient(6281234567890)).toEqual({ jid: '6281234567890@s.whatsapp.net', kind: 'user', phone: '6281234567890' });
	});

	test('other countries keep their code', () => {
		expect(normalizeRecipient('+44 20 7946 0958').jid).toBe('442079460958@s.whatsapp.net');
		expect(normalizeRecipient('020 7946 0958', '44').jid).toBe('442079460958@s.whatsapp.net');
		expect(normalizeRecipient('+1 (415) 555-2671').jid).toBe('14155552671@s.whatsapp.net');
	});

	test('an international number ignores the default country code', () => {
		expect(normalizeRecipient('+44 20 7946 0958', '62').jid).toBe('442079460958@s.whatsapp.net');
		expect(normalizeRecipient('6281234567890', '44').jid).toBe('6281234567890@s.whatsapp.net');
	});

	test('a local number without a default country code is rejected and says what to set', () => {
		const error = rejection(() => normalizeRecipient('0812-3456-7890'));
		expect(error.message).toBe('"0812-3456-7890" is a local number and no Default Country Code is set');
		expect(error.hint).toMatch(/Default Country Code/);
		expect(rejection(() => normalizeRecipient('0812-3456-7890', '')).message).toMatch(/local number/);
	});
});

describe('normalizeRecipient: chats and JIDs', () => {
	test('group JIDs, bare and in the old creator-timestamp form', () => {
		expect(normalizeRecipient('120363025246125486@g.us')).toEqual({ jid: '120363025246125486@g.us', kind: 'group' });
		expect(normalizeRecipient('6281234567890-1612345678@g.us')).toEqual({ jid: '6281234567890-1612345678@g.us', kind: 'group' });
		expect(normalizeRecipient('120363025246125486')).toEqual({ jid: '120363025246125486@g.us', kind: 'group' });
		expect(normalizeRecipient('6281234567890-1612345678')).toEqual({ jid: '6281234567890-1612345678@g.us', kind: 'group' });
	});

	test('LID JIDs keep @lid and lose a device suffix', () => {
		expect(normalizeRecipient('123456789012345@lid')).toEqual({ jid: '123456789012345@lid', kind: 'lid' });
		expect(normalizeRecipient('123456789012345:7@lid')).toEqual({ jid: '123456789012345@lid', kind: 'lid' });
	});

	test('newsletter (channel) JIDs', () => {
		expect(normalizeRecipient('120363144038483540@newsletter')).toEqual({ jid: '120363144038483540@newsletter', kind: 'newsletter' });
	});

	test('the AD (agent/device) suffix of a user JID is stripped', () => {
		expect(normalizeRecipient('628123456789:12@s.whatsapp.net').jid).toBe('628123456789@s.whatsapp.net');
		expect(phoneFromJid('628123456789:12@s.whatsapp.net')).toBe('628123456789');
	});
});

describe('normalizeRecipient: garbage is rejected with a clear message', () => {
	test.each([
		['', 'The recipient is empty'],
		['   ', 'The recipient is empty'],
		['abc', '"abc" is not a phone number'],
		['+62 812 ABC', '"+62 812 ABC" is not a phone number'],
		['12345', '"12345" has 5 digits; international numbers have 7 to 15'],
		['+0812345678', '"+0812345678" has no valid country code'],
		['6281234567890@example.com', '"6281234567890@example.com" is not a WhatsApp chat ID: unknown server "@example.com"'],
		['abc@s.whatsapp.net', '"abc@s.whatsapp.net" is not a valid WhatsApp JID'],
		['@s.whatsapp.net', '"@s.whatsapp.net" is not a valid WhatsApp JID'],
		['12x@g.us', '"12x@g.us" is not a valid group ID'],
		['news@newsletter', '"news@newsletter" is not a valid newsletter (channel) ID'],
		['xyz@lid', '"xyz@lid" is not a valid WhatsApp JID'],
	])('%j', (input, message) => {
		const error = rejection(() => normalizeRecipient(input, '62'));
		expect(error.message).toBe(message);
		expect(error.hint.length).toBeGreaterThan(20);
	});

	test('non-string values (objects, null) count as empty', () => {
		expect(rejection(() => normalizeRecipient(null)).message).toBe('The recipient is empty');
		expect(rejection(() => normalizeRecipient({ phone: '62812' })).message).toBe('The recipient is empty');
	});

	test('the format hint names the accepted forms', () => {
		const error = rejection(() => normalizeRecipient('abc'));
		expect(error.hint).toContain('+62 812-3456-7890');
		expect(error.hint).toContain('@g.us');
		expect(error.hint).toContain('@lid');
		expect(error.hint).toContain('@newsletter');
	});
});

describe('normalizePhoneNumber', () => {
	test('returns digits only', () => {
		expect(normalizePhoneNumber('+62 812-3456-7890')).toBe('6281234567890');
		expect(normalizePhoneNumber('0812 3456 7890', '62')).toBe('6281234567890');
		expect(normalizePhoneNumber('00 44 20 7946 0958')).toBe('442079460958');
	});

	test('more than 15 digits is rejected', () => {
		expect(rejection(() => normalizePhoneNumber('+62 812 3456 7890 1234')).message).toMatch(/has 17 digits/);
	});
});

describe('cleanCountryCode', () => {
	test.each([
		['62', '62'],
		['+62', '62'],
		[' 44 ', '44'],
		[1, '1'],
		['', ''],
		[undefined, ''],
		[null, ''],
	])('%j → %j', (input, expected) => {
		expect(cleanCountryCode(input)).toBe(expected);
	});

	test.each(['062', 'ID', '12345', '6-2'])('%j is rejected', (input) => {
		expect(rejection(() => cleanCountryCode(input)).message).toBe(`Default Country Code "${input}" is not a country calling code`);
	});

	test('a bad default country code surfaces when a local number needs it', () => {
		expect(rejection(() => normalizeRecipient('0812 3456 7890', 'Indonesia')).message).toMatch(/Default Country Code "Indonesia"/);
	});
});

describe('normalizeGroupId', () => {
	test('bare and full group IDs', () => {
		expect(normalizeGroupId('120363025246125486')).toBe('120363025246125486@g.us');
		expect(normalizeGroupId(' 120363025246125486@g.us ')).toBe('120363025246125486@g.us');
	});

	test('anything else is rejected', () => {
		expect(rejection(() => normalizeGroupId('')).message).toBe('The group ID is empty');
		expect(rejection(() => normalizeGroupId('6281234567890@s.whatsapp.net')).message).toBe('"6281234567890@s.whatsapp.net" is not a group ID');
		expect(rejection(() => normalizeGroupId('abc')).message).toBe('"abc@g.us" is not a valid group ID');
	});
});

describe('phoneFromJid', () => {
	test('phone digits for users, undefined otherwise', () => {
		expect(phoneFromJid('6281234567890@s.whatsapp.net')).toBe('6281234567890');
		expect(phoneFromJid('120363025246125486@g.us')).toBeUndefined();
		expect(phoneFromJid('123456789012345@lid')).toBeUndefined();
		expect(phoneFromJid('garbage')).toBeUndefined();
		expect(phoneFromJid(undefined)).toBeUndefined();
		expect(phoneFromJid('')).toBeUndefined();
	});
});

describe('hostile input: length cap before any parsing, linear code (issue 16 item 2)', () => {
	const HUGE = 100_000;
	const hostile: Array<[string, string]> = [
		['colons and a line break (quadratic for /[.:].*$/)', `1${':'.repeat(HUGE)}\n1@s.whatsapp.net`],
		['dots before @lid', `${'.'.repeat(HUGE)}\n@lid`],
		['digits', '6'.repeat(HUGE)],
		['digits and a dash', `${'1'.repeat(HUGE)}-`],
		['spaces', `+62${' '.repeat(HUGE)}812`],
	];

	test.each(hostile)('%s: normalizeRecipient refuses it before any regex sees it', (_name, input) => {
		const { error, work } = watchRegexWork(() => normalizeRecipient(input, '62'));
		expect(error).toBeInstanceOf(RecipientError);
		expect((error as Error).message).toBe(`The recipient is ${input.length} characters long; phone numbers and WhatsApp IDs have at most ${MAX_RECIPIENT_LENGTH}`);
		expect(work.longestInput).toBeLessThanOrEqual(MAX_RECIPIENT_LENGTH);
	});

	test.each(hostile)('%s: the other entry points are capped too', (_name, input) => {
		for (const run of [() => normalizePhoneNumber(input, '62'), () => normalizeGroupId(input), () => phoneFromJid(input), () => cleanCountryCode(input)]) {
			const { work } = watchRegexWork(run);
			expect(work.longestInput).toBeLessThanOrEqual(MAX_RECIPIENT_LENGTH + 1);
		}
		expect(phoneFromJid(input)).toBeUndefined();
		expect(rejection(() => normalizePhoneNumber(input)).message).toMatch(/^The phone number is \d+ characters long/);
		expect(rejection(() => normalizeGroupId(input)).message).toMatch(/^The group ID is \d+ characters long/);
	});

	test('a device suffix with a line break is still stripped', () => {
		expect(normalizeRecipient('6281234567890:12\n@s.whatsapp.net').jid).toBe('6281234567890@s.whatsapp.net');
		expect(normalizeRecipient('6281234567890.0:12@s.whatsapp.net').jid).toBe('6281234567890@s.whatsapp.net');
	});

	test('exactly at the cap is parsed, one more character is refused', () => {
		const padded = `+62 812 3456 7890${' '.repeat(MAX_RECIPIENT_LENGTH - 17)}`;
		expect(padded.length).toBe(MAX_RECIPIENT_LENGTH);
		expect(normalizeRecipient(padded).jid).toBe('6281234567890@s.whatsapp.net');
		expect(rejection(() => normalizeRecipient(`${padded} `)).message).toMatch(/101 characters long/);
	});
});

describe('a leading 0 is a local phone number, never an old-style group id (issue 16 item 12)', () => {
	test.each(['081234-567890', '0812345-6789012', '0812 3456-789012'])('%j with country code 62 is a phone number', (input) => {
		const recipient = normalizeRecipient(input, '62');
		expect(recipient.kind).toBe('user');
		expect(recipient.jid).toMatch(/^62\d+@s\.whatsapp\.net$/);
	});

	test('081234-567890 → 6281234567890', () => {
		expect(normalizeRecipient('081234-567890', '62')).toEqual({ jid: '6281234567890@s.whatsapp.net', kind: 'user', phone: '6281234567890' });
	});

	test('without a country code it is refused as a local number, not sent to a group', () => {
		expect(rejection(() => normalizeRecipient('081234-567890')).message).toBe('"081234-567890" is a local number and no Default Country Code is set');
	});

	test('16+ digits starting with 0 are not a group id either', () => {
		expect(rejection(() => normalizeRecipient('0812345678901234', '62')).message).toMatch(/digits; international numbers have 7 to 15/);
	});
});
