'use strict';
/**
 * The 25 request cases of Meta NOTES §8.2 against Meta's spec, published and patched (simulator/cloud/spec.js).
 * "merged" = the §8.1 allOf merge only, the verdict NOTES gives; "patched" = every patch the simulator applies.
 */
const path = require('node:path');

const spec = require(path.join(__dirname, '..', '..', '..', 'simulator', 'cloud', 'spec'));

const found = spec.findMetaSpecPath();
const describeSpec = found ? describe : describe.skip;
if (!found) process.stderr.write(`\n[Meta spec tests skipped] ${spec.SPEC_HINT}\n`);

const BASE = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '16505551234' };
const rows = (count, prefix = 'r') => Array.from({ length: count }, (_, n) => ({ id: `${prefix}${n}`, title: `Row ${n}` }));
const buttons = (count) => Array.from({ length: count }, (_, n) => ({ type: 'reply', reply: { id: `b${n}`, title: `Button ${n}` } }));
const template = (extra = {}) => ({ ...BASE, type: 'template', template: { name: 'hello_world', language: { code: 'en_US', policy: 'deterministic' }, ...extra } });

// [case, body, valid with the merge only (NOTES verdict), valid with all simulator patches]
const CASES = [
	['C01 text', { ...BASE, type: 'text', text: { body: 'hi' } }, true, true],
	['C02 text + preview_url + context', { ...BASE, type: 'text', text: { body: 'hi https://example.com', preview_url: true }, context: { message_id: 'wamid.X' } }, true, true],
	['C03 text without recipient_type', { messaging_product: 'whatsapp', to: '16505551234', type: 'text', text: { body: 'hi' } }, false, false],
	['C04 text with extra text.foo', { ...BASE, type: 'text', text: { body: 'hi', foo: 1 } }, false, false],
	['C05 image {id, caption}', { ...BASE, type: 'image', image: { id: '1037543291543636', caption: 'c' } }, true, true],
	['C06 image {id, link}', { ...BASE, type: 'image', image: { id: '1037543291543636', link: 'https://example.com/a.jpg' } }, false, false],
	['C07 sticker {id, caption}', { ...BASE, type: 'sticker', sticker: { id: '1', caption: 'x' } }, false, false],
	['C08 location as strings', { ...BASE, type: 'location', location: { latitude: '-6.2', longitude: '106.8', name: 'n', address: 'a' } }, true, true],
	['C09 location as numbers', { ...BASE, type: 'location', location: { latitude: -6.2, longitude: 106.8 } }, false, false],
	['C10 contacts × 6', { ...BASE, type: 'contacts', contacts: Array.from({ length: 6 }, (_, n) => ({ name: { formatted_name: `C${n}` } })) }, false, false],
	['C11 reaction', { ...BASE, type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '👍' } }, true, true],
	['C12 buttons × 3', { ...BASE, type: 'interactive', interactive: { type: 'button', body: { text: 'x' }, action: { buttons: buttons(3) } } }, true, true],
	['C13 buttons × 4', { ...BASE, type: 'interactive', interactive: { type: 'button', body: { text: 'x' }, action: { buttons: buttons(4) } } }, false, false],
	['C14 button title of 21', { ...BASE, type: 'interactive', interactive: { type: 'button', body: { text: 'x' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'x'.repeat(21) } }] } } }, false, false],
	['C15 list 1 × 11 rows', { ...BASE, type: 'interactive', interactive: { type: 'list', body: { text: 'x' }, action: { button: 'Go', sections: [{ title: 'S', rows: rows(11) }] } } }, false, false],
	['C15b list 1 × 10 rows', { ...BASE, type: 'interactive', interactive: { type: 'list', body: { text: 'x' }, action: { button: 'Go', sections: [{ title: 'S', rows: rows(10) }] } } }, true, true],
	['C16 list 2 × 6 rows (valid per spec; the node and simulator enforce 10 in total)', { ...BASE, type: 'interactive', interactive: { type: 'list', body: { text: 'x' }, action: { button: 'Go', sections: [{ title: 'A', rows: rows(6, 'a') }, { title: 'B', rows: rows(6, 'b') }] } } }, true, true],
	['C17 interactive body of 1025', { ...BASE, type: 'interactive', interactive: { type: 'button', body: { text: 'x'.repeat(1025) }, action: { buttons: buttons(1) } } }, false, false],
	['C18 cta_url', { ...BASE, type: 'interactive', interactive: { type: 'cta_url', body: { text: 'x' }, action: { name: 'cta_url', parameters: { display_text: 'Open', url: 'https://example.com' } } } }, false, true],
	['C19 location_request_message', { ...BASE, type: 'interactive', interactive: { type: 'location_request_message', body: { text: 'x' }, action: { name: 'send_location' } } }, false, true],
	['C20 flow with flow_id', { ...BASE, type: 'interactive', interactive: { type: 'flow', body: { text: 'x' }, action: { name: 'flow', parameters: { flow_message_version: '3', flow_id: '123', flow_cta: 'Book' } } } }, true, true],
	['C20b flow with flow_id and flow_name', { ...BASE, type: 'interactive', interactive: { type: 'flow', body: { text: 'x' }, action: { name: 'flow', parameters: { flow_message_version: '3', flow_id: '123', flow_name: 'booking', flow_cta: 'Book' } } } }, false, false],
	['C21 template without policy', { ...BASE, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } }, false, false],
	['C22 template with policy', template(), true, true],
	['C23 template header image + body text/currency/date_time + quick_reply index "1"', template({ components: [
		{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/a.jpg' } }] },
		{ type: 'body', parameters: [{ type: 'text', text: 'Ayu' }, { type: 'currency', currency: { fallback_value: 'IDR 50,000', code: 'IDR', amount_1000: 50000000 } }, { type: 'date_time', date_time: { fallback_value: 'Monday 10:00' } }] },
		{ type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'confirm' }] },
	] }), true, true],
	['C24 template button index "0" (spec bug; P3 accepts Meta’s 0-based index)', template({ components: [{ type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'x' }] }] }), false, true],
	['C24b template button index 0 (integer)', template({ components: [{ type: 'button', sub_type: 'quick_reply', index: 0, parameters: [{ type: 'payload', payload: 'x' }] }] }), false, false],
	['C25 mark read + typing (local schema P4)', { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.X', typing_indicator: { type: 'text' } }, false, true],
];

describeSpec("Meta's spec: NOTES §8.2 request cases", () => {
	const merged = found && spec.specValidator({ patches: ['mergeBaseProperties'] });
	const patched = found && spec.specValidator();
	const published = found && spec.specValidator({ patches: [] });

	test.each(CASES)('%s', (_name, body, validMerged, validPatched) => {
		expect(merged.validate('sendMessage', body).valid).toBe(validMerged);
		expect(patched.validate('sendMessage', body).valid).toBe(validPatched);
	});

	test('as published, even the baseline text fails (every base field is "additional")', () => {
		const verdict = published.validate('sendMessage', CASES[0][1]);
		expect(verdict.valid).toBe(false);
		expect(verdict.errors.join(' ')).toMatch(/additional properties \(messaging_product\)/);
	});

	test('an unknown message type names the types', () => {
		expect(patched.validate('sendMessage', { ...BASE, type: 'poll' }).errors[0]).toMatch(/"poll" is not one of the message types/);
	});

	test('outside /messages: business profile update and block users validate against their schemas', () => {
		expect(patched.validate('updateWhatsAppBusinessProfileInformation', { messaging_product: 'whatsapp', about: 'x' }).valid).toBe(true);
		expect(patched.validate('updateWhatsAppBusinessProfileInformation', { messaging_product: 'whatsapp', about: 'x'.repeat(140) }).valid).toBe(false);
		expect(patched.validate('blockUserS', { messaging_product: 'whatsapp', block_users: [{ user: '16505551234' }] }).valid).toBe(true);
	});

	test('the spec is read from META_OPENAPI or ../shared/meta, never from the repository', () => {
		expect(found).not.toContain(path.join(__dirname, '..', '..', '..', 'simulator'));
		const fs = require('node:fs');
		const { execSync } = require('node:child_process');
		const tracked = execSync('git ls-files', { cwd: path.join(__dirname, '..', '..', '..') }).toString().split('\n');
		expect(tracked.filter((file) => /business-messaging-api/.test(file))).toEqual([]);
		expect(fs.existsSync(found)).toBe(true);
	});
});
