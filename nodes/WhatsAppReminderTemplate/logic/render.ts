import { BookingInputError } from './errors';

/**
 * `{{name}}` substitution and nothing else: no expressions, no code, no nested lookups. Names match without regard
 * to case or underscores (`{{customer_name}}` = `{{customerName}}`). Values are inserted once; a value that itself
 * contains `{{…}}` is not rendered again.
 */

export interface Placeholder {
	/** As written in the template, for messages. */
	written: string;
	/** Lower case without underscores. */
	key: string;
}

export type Segment = string | Placeholder;

export interface Variable {
	name: string;
	/** undefined when the booking has no value for it. */
	value: string | undefined;
	/** Display name of the field that feeds it, for messages. */
	field: string;
}

/** Variables by normalised name. */
export type Variables = Map<string, Variable>;

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function variableKey(name: string): string {
	return name.toLowerCase().replace(/_/g, '');
}

const parsedTemplates = new Map<string, Segment[]>();
const PARSE_CACHE_LIMIT = 200;

/** Splits a template into text and placeholders; `{{ not a name }}` is refused. */
export function parseTemplate(template: string, field = 'Custom Template'): Segment[] {
	const cached = parsedTemplates.get(template);
	if (cached !== undefined) return cached;
	const segments: Segment[] = [];
	let last = 0;
	for (const match of template.matchAll(PLACEHOLDER)) {
		const written = match[1].trim();
		if (!NAME.test(written)) {
			throw new BookingInputError(
				field,
				`${field} contains ${match[0]}, which is not a placeholder`,
				'Placeholders are a variable name in double braces, e.g. {{customerName}} or {{date}}; nothing else is evaluated.',
			);
		}
		if (match.index > last) segments.push(template.slice(last, match.index));
		segments.push({ written, key: variableKey(written) });
		last = match.index + match[0].length;
	}
	if (last < template.length) segments.push(template.slice(last));
	if (parsedTemplates.size >= PARSE_CACHE_LIMIT) parsedTemplates.clear();
	parsedTemplates.set(template, segments);
	return segments;
}

function unknownPlaceholder(placeholder: Placeholder, variables: Variables, field: string): BookingInputError {
	const names = [...variables.values()].map((variable) => variable.name).sort();
	return new BookingInputError(
		field,
		`${field} uses {{${placeholder.written}}}, which is not a variable`,
		`Available variables: ${names.join(', ')}. Add others under Extra Variables.`,
	);
}

function missingVariable(variable: Variable): BookingInputError {
	return new BookingInputError(
		variable.field,
		`The template uses {{${variable.name}}}, but ${variable.field} is empty`,
		`Map ${variable.field} to a value of the input item, remove {{${variable.name}}} from the template, or set Options → Missing Variables to Use Fallback Text.`,
	);
}

export interface RenderOptions {
	missingVariables: 'fail' | 'fallback';
	fallbackText: string;
	field?: string;
}

/** Renders a custom template: every placeholder must be a variable; empty ones fail or become the fallback text. */
export function renderTemplate(segments: Segment[], variables: Variables, options: RenderOptions): string {
	const field = options.field ?? 'Custom Template';
	// Parts joined once: a flat string, not a chain of concatenations kept alive in every output item.
	const parts: string[] = [];
	for (const segment of segments) {
		if (typeof segment === 'string') {
			parts.push(segment);
			continue;
		}
		const variable = variables.get(segment.key);
		if (variable === undefined) throw unknownPlaceholder(segment, variables, field);
		if (variable.value === undefined) {
			if (options.missingVariables === 'fail') throw missingVariable(variable);
			parts.push(options.fallbackText);
			continue;
		}
		parts.push(variable.value);
	}
	return parts.join('');
}

/** Checks every placeholder of a template against the variables (without rendering). */
export function checkPlaceholders(segments: Segment[], variables: Variables, field = 'Custom Template'): void {
	for (const segment of segments) {
		if (typeof segment !== 'string' && !variables.has(segment.key)) {
			throw unknownPlaceholder(segment, variables, field);
		}
	}
}

/**
 * One line of a built-in template: a single text, dropped when any of its variables is empty, or alternatives
 * of which the first with all variables present is used (none present: the line is dropped).
 */
export type TemplateLine = string | string[];

export type ParsedLine = Segment[][];

export function parseLines(lines: TemplateLine[]): ParsedLine[] {
	return lines.map((line) => (Array.isArray(line) ? line : [line]).map((text) => parseTemplate(text, 'Built-in template')));
}

function allPresent(segments: Segment[], variables: Variables): boolean {
	for (const segment of segments) {
		if (typeof segment !== 'string' && variables.get(segment.key)?.value === undefined) return false;
	}
	return true;
}

/** Renders a built-in template: lines whose variables are missing fall back or drop; blank runs collapse. */
export function renderLines(lines: ParsedLine[], variables: Variables): string {
	const output: string[] = [];
	for (const alternatives of lines) {
		const chosen = alternatives.find((segments) => allPresent(segments, variables));
		if (chosen === undefined) continue;
		const text = renderTemplate(chosen, variables, { missingVariables: 'fail', fallbackText: '' });
		if (text === '' && (output.length === 0 || output[output.length - 1] === '')) continue;
		output.push(text);
	}
	while (output.length > 0 && output[output.length - 1] === '') output.pop();
	return output.join('\n');
}
