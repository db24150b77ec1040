import type { ParsedLine } from '../logic/render';
import { parseLines } from '../logic/render';
import type { Language, MessageKind } from '../logic/types';
import { englishTemplates } from './english';
import { indonesianTemplates } from './indonesian';

export { englishTemplates, indonesianTemplates };

const parsed: Record<Language, Record<string, ParsedLine[]>> = { id: {}, en: {} };

/** The built-in template of a kind in a language, parsed once. */
export function builtInTemplate(kind: MessageKind, language: Language): ParsedLine[] {
	const cache = parsed[language];
	if (cache[kind] === undefined) {
		cache[kind] = parseLines((language === 'id' ? indonesianTemplates : englishTemplates)[kind]);
	}
	return cache[kind];
}
