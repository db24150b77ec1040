import type { Language } from './types';

const INDONESIAN = new Set(['id', 'in', 'ind', 'indonesia', 'indonesian', 'bahasa', 'bahasa indonesia']);
const ENGLISH = new Set(['en', 'eng', 'english', 'inggris', 'bahasa inggris']);

/**
 * The language of one item: `id`, `id-ID`, `in`, `Indonesian`, `Bahasa Indonesia` → Indonesian; `en`, `en-GB`,
 * `English` → English; anything else (empty, unknown) → the fallback.
 */
export function resolveLanguage(value: unknown, fallback: Language): Language {
	if (typeof value !== 'string') return fallback;
	const tag = value.trim().toLowerCase().replace(/_/g, '-');
	const primary = tag.split('-')[0];
	if (INDONESIAN.has(tag) || primary === 'id' || primary === 'in') return 'id';
	if (ENGLISH.has(tag) || primary === 'en') return 'en';
	return fallback;
}

/** Titles and honorifics people put before a name in booking forms; the first name skips them. */
const HONORIFICS = new Set([
	'bapak', 'bpk', 'pak', 'ibu', 'bu', 'kak', 'kakak', 'mas', 'mbak', 'mba', 'sdr', 'sdri', 'saudara', 'saudari',
	'tuan', 'nyonya', 'nona', 'h', 'hj', 'dr', 'drg', 'prof', 'mr', 'mrs', 'ms', 'miss', 'mx', 'sir', 'madam',
]);

/** `Ibu Siti Rahma` → `Siti`, `Budi` → `Budi`; blank names give ''. */
export function firstNameOf(fullName: string): string {
	const words = fullName.trim().split(/\s+/).filter(Boolean);
	const first = words.find((word) => !HONORIFICS.has(word.toLowerCase().replace(/\.$/, '')));
	return first ?? words[0] ?? '';
}
