import type { IDataObject } from 'n8n-workflow';

import { fieldName } from './pages';
import type { FormField, Question } from './question';
import { MAX_TEXT } from './question';

export interface FormAnswer {
	/** What was posted, per field name (to show the form again with an error). */
	values: Record<string, string>;
	answer?: IDataObject;
	error?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function postedText(body: IDataObject, name: string): string {
	const value = body?.[name];
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return '';
}

function fieldValue(field: FormField, raw: string): { value?: string | number | null; error?: string } {
	if (raw === '') return field.required ? { error: `"${field.label}" is required` } : { value: null };
	if (raw.length > MAX_TEXT) return { error: `"${field.label}" is longer than ${MAX_TEXT} characters` };
	switch (field.type) {
		case 'number': {
			const number = Number(raw);
			return Number.isFinite(number) ? { value: number } : { error: `"${field.label}" must be a number` };
		}
		case 'email':
			return EMAIL.test(raw) ? { value: raw } : { error: `"${field.label}" must be an email address` };
		case 'date':
			return DATE.test(raw) && !Number.isNaN(new Date(`${raw}T00:00:00Z`).getTime()) ? { value: raw } : { error: `"${field.label}" must be a date (YYYY-MM-DD)` };
		case 'dropdown':
			return field.choices.includes(raw) ? { value: raw } : { error: `"${field.label}" must be one of: ${field.choices.join(', ')}` };
		default:
			return { value: raw };
	}
}

/** Reads a posted Free Text or Custom Form answer; an invalid one gives the first error instead of an answer. */
export function parseFormAnswer(question: Question, body: IDataObject): FormAnswer {
	if (question.responseType === 'freeText') {
		const text = postedText(body, fieldName(0));
		const values = { [fieldName(0)]: text };
		if (text === '') return { values, error: 'Write an answer before sending' };
		if (text.length > MAX_TEXT) return { values, error: `The answer is longer than ${MAX_TEXT} characters` };
		return { values, answer: { text } };
	}
	const values: Record<string, string> = {};
	const form: IDataObject = {};
	for (const [index, field] of question.fields.entries()) {
		const raw = postedText(body, fieldName(index));
		values[fieldName(index)] = raw;
		const { value, error } = fieldValue(field, raw);
		if (error !== undefined) return { values, error };
		form[field.label] = value ?? null;
	}
	return { values, answer: { form } };
}
