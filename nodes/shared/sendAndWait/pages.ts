import type { FormField, Question } from './question';

/** The HTML pages the node's webhook serves: self-contained, no script, every text escaped. */

export function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);
}

/** Sent with every page: nothing loads from anywhere, and the form posts only back to this URL. */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0;padding:24px;color:#1f2328}
main{max-width:520px;margin:0 auto;background:#fff;border-radius:12px;padding:24px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
h1{font-size:20px;margin:0 0 12px}p{white-space:pre-wrap;line-height:1.45}label{display:block;margin:16px 0 6px;font-weight:600}
input,select,textarea{width:100%;box-sizing:border-box;padding:10px;border:1px solid #c9ced6;border-radius:8px;font:inherit}
textarea{min-height:120px}button{margin-top:20px;padding:12px 18px;border:0;border-radius:8px;background:#128c7e;color:#fff;font:inherit;font-weight:600;cursor:pointer}
button.secondary{background:#6e7781}.error{color:#b3261e;font-weight:600}`;

function page(title: string, content: string): string {
	return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex,nofollow"><title>${escapeHtml(title || 'Your answer')}</title><style>${STYLE}</style></head><body><main>${content}</main></body></html>`;
}

function heading(title: string): string {
	return title === '' ? '' : `<h1>${escapeHtml(title)}</h1>`;
}

/** The name of a form field in the posted body: its position, so any label is safe. */
export function fieldName(index: number): string {
	return `field-${index}`;
}

function fieldInput(field: FormField, index: number, value: string): string {
	const name = fieldName(index);
	const required = field.required ? ' required' : '';
	const id = `f${index}`;
	let input: string;
	if (field.type === 'textarea') {
		input = `<textarea id="${id}" name="${name}" maxlength="4096"${required}>${escapeHtml(value)}</textarea>`;
	} else if (field.type === 'dropdown') {
		const options = field.choices.map((choice) => `<option${choice === value ? ' selected' : ''}>${escapeHtml(choice)}</option>`).join('');
		input = `<select id="${id}" name="${name}"${required}><option value=""></option>${options}</select>`;
	} else {
		const type = field.type === 'number' ? 'number" step="any' : field.type;
		input = `<input id="${id}" name="${name}" type="${type}" maxlength="4096" value="${escapeHtml(value)}"${required}>`;
	}
	return `<label for="${id}">${escapeHtml(field.label)}${field.required ? ' *' : ''}</label>${input}`;
}

function answerButton(label: string, approved: boolean, field: boolean): string {
	const value = field ? `<input type="hidden" name="approved" value="${approved}">` : '';
	return `<form method="post">${value}<button type="submit"${approved ? '' : ' class="secondary"'}>${escapeHtml(label)}</button></form>`;
}

/**
 * GET of an approval link: the question and a button that answers (a link preview fetching the URL answers
 * nothing). With Approve and Decline behind one link, both buttons.
 */
export function approvalPage(question: Question, approved: boolean, error?: string): string {
	const errorLine = error === undefined ? '' : `<p class="error">${escapeHtml(error)}</p>`;
	if (question.choiceOnPage) {
		return page(question.linkLabel, `<p>${escapeHtml(question.message)}</p>${errorLine}${answerButton(question.approveLabel, true, true)}${answerButton(question.declineLabel, false, true)}`);
	}
	const label = approved ? question.approveLabel : question.declineLabel;
	return page(label, `<p>${escapeHtml(question.message)}</p>${answerButton(label, approved, false)}`);
}

/** GET of a Free Text or Custom Form link (again, after an invalid answer, with the error and the values kept). */
export function formPage(question: Question, values: Record<string, string> = {}, error?: string): string {
	const fields: FormField[] = question.responseType === 'freeText' ? [{ label: 'Response', type: 'textarea', choices: [], required: true }] : question.fields;
	const inputs = fields.map((field, index) => fieldInput(field, index, values[fieldName(index)] ?? '')).join('');
	const errorLine = error === undefined ? '' : `<p class="error">${escapeHtml(error)}</p>`;
	return page(
		question.formTitle,
		`${heading(question.formTitle)}<p>${escapeHtml(question.formDescription)}</p>${errorLine}<form method="post">${inputs}<button type="submit">${escapeHtml(question.formButtonLabel)}</button></form>`,
	);
}

/** After the answer was recorded. */
export function recordedPage(): string {
	return page('Answer recorded', '<h1>Got it, thanks</h1><p>Your answer was recorded. You can close this page.</p>');
}
