import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, WAIT_INDEFINITELY } from 'n8n-workflow';

/** One field of a Custom Form, as the page shows it and the answer names it. */
export interface FormField {
	label: string;
	type: 'date' | 'dropdown' | 'email' | 'number' | 'text' | 'textarea';
	choices: string[];
	required: boolean;
}

export type ResponseType = 'approval' | 'freeText' | 'customForm' | 'chatReply';

/**
 * Everything the answer page needs, resolved when the message is sent (the page is served later, when the node's
 * expressions no longer see the item they were written for).
 */
export interface Question extends IDataObject {
	responseType: ResponseType;
	message: string;
	approvalType: 'single' | 'double';
	approveLabel: string;
	declineLabel: string;
	linkLabel: string;
	formTitle: string;
	formDescription: string;
	formButtonLabel: string;
	fields: FormField[];
	/** Approve and Decline behind one link: the page offers both (a provider whose message holds one link button). */
	choiceOnPage: boolean;
	/** Chat Reply: the answers a reply in the chat may be (matched without case and surrounding spaces). */
	replies: string[];
	/** Chat Reply: what the customer gets back when a reply matches none of them. */
	reprompt: string;
}

/** A link in the message: its label, the signed resume URL and the answer it gives. */
export interface AnswerLink {
	label: string;
	url: string;
	approved: boolean;
}

/** Longest message, label or form text accepted (WhatsApp's own text limit is 4096 characters). */
export const MAX_TEXT = 4096;
const FIELD_TYPES = ['date', 'dropdown', 'email', 'number', 'text', 'textarea'];

function fail(context: IExecuteFunctions, itemIndex: number, message: string, description: string): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex, description });
}

function text(context: IExecuteFunctions, itemIndex: number, value: unknown, fallback: string, name: string): string {
	if (value === undefined || value === null || value === '') return fallback;
	if (typeof value !== 'string' && typeof value !== 'number') {
		fail(context, itemIndex, `${name} must be text`, `An expression gave ${Array.isArray(value) ? 'a list' : typeof value}; give it a text.`);
	}
	const result = String(value).trim();
	if (result.length > MAX_TEXT) fail(context, itemIndex, `${name} is too long`, `It has ${result.length} characters; the limit is ${MAX_TEXT}.`);
	return result === '' ? fallback : result;
}

function readFields(context: IExecuteFunctions, itemIndex: number): FormField[] {
	const values = context.getNodeParameter('formFields.values', itemIndex, []) as IDataObject[];
	if (!Array.isArray(values) || values.length === 0) {
		fail(context, itemIndex, 'The Custom Form has no fields', 'Add at least one field under Form Fields.');
	}
	if (values.length > 50) fail(context, itemIndex, 'The Custom Form has too many fields', 'Use at most 50 fields.');
	const seen = new Set<string>();
	return values.map((value, index) => {
		const label = text(context, itemIndex, value.fieldLabel, '', `Form field ${index + 1} label`);
		if (label === '') fail(context, itemIndex, `Form field ${index + 1} has no label`, 'Give every form field a Field Label; the answer is named after it.');
		if (seen.has(label)) fail(context, itemIndex, `Two form fields are labelled "${label}"`, 'Give every form field its own label; the answer is named after it.');
		seen.add(label);
		const type = String(value.fieldType ?? 'text');
		if (!FIELD_TYPES.includes(type)) fail(context, itemIndex, `Form field "${label}" has an unknown type "${type}"`, `Use one of: ${FIELD_TYPES.join(', ')}.`);
		const choices = type === 'dropdown' ? text(context, itemIndex, value.choices, '', `Choices of "${label}"`).split(',').map((choice) => choice.trim()).filter((choice) => choice !== '') : [];
		if (type === 'dropdown' && choices.length === 0) fail(context, itemIndex, `The dropdown "${label}" has no choices`, 'List its choices separated by commas, e.g. Morning, Afternoon.');
		return { label, type: type as FormField['type'], choices, required: value.requiredField === true };
	});
}

/** The allowed replies and the re-prompt of a Chat Reply question (empty for the other types). */
function readChatReply(context: IExecuteFunctions, itemIndex: number, responseType: ResponseType): { replies: string[]; reprompt: string } {
	if (responseType !== 'chatReply') return { replies: [], reprompt: '' };
	const raw = text(context, itemIndex, context.getNodeParameter('allowedReplies', itemIndex, ''), '', 'Allowed Replies');
	const replies = raw.split(',').map((reply) => reply.trim()).filter((reply) => reply !== '');
	if (replies.length === 0) fail(context, itemIndex, 'Allowed Replies is empty', 'List the answers the customer may reply with, separated by commas, e.g. 1, 2.');
	const seen = new Set(replies.map((reply) => reply.toLowerCase()));
	if (seen.size !== replies.length) fail(context, itemIndex, 'Allowed Replies lists an answer twice', 'Each answer may appear once (case does not matter).');
	const fallback = `Please reply with one of: ${replies.join(', ')}`;
	return { replies, reprompt: text(context, itemIndex, context.getNodeParameter('options.reprompt', itemIndex, ''), fallback, 'Re-Prompt Message') };
}

/** The allowed reply a chat message is, or undefined (case and surrounding spaces ignored). */
export function matchReply(question: Question, reply: unknown): string | undefined {
	if (typeof reply !== 'string' && typeof reply !== 'number') return undefined;
	const wanted = String(reply).trim().toLowerCase();
	return question.replies.find((candidate) => candidate.toLowerCase() === wanted);
}

/**
 * Reads and checks the question of the item before anything is sent. With `oneLink` the message carries a single
 * link (a link button): Approve and Decline are then chosen on the page it opens.
 */
export function readQuestion(context: IExecuteFunctions, itemIndex: number, oneLink = false): Question {
	const responseType = context.getNodeParameter('responseType', itemIndex, 'approval') as ResponseType;
	if (!['approval', 'freeText', 'customForm', 'chatReply'].includes(responseType)) {
		fail(context, itemIndex, `Unknown Response Type "${String(responseType)}"`, 'Choose Approval, Free Text, Custom Form or Chat Reply.');
	}
	const message = text(context, itemIndex, context.getNodeParameter('message', itemIndex, ''), '', 'Message');
	if (message === '') fail(context, itemIndex, 'Message is empty', 'Write the question the recipient answers.');
	const approval = context.getNodeParameter('approvalOptions.values', itemIndex, {}) as IDataObject;
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		responseType,
		message,
		approvalType: approval.approvalType === 'double' ? 'double' : 'single',
		approveLabel: text(context, itemIndex, approval.approveLabel, 'Approve', 'Approve Button Label'),
		declineLabel: text(context, itemIndex, approval.disapproveLabel, 'Decline', 'Decline Button Label'),
		linkLabel: text(context, itemIndex, options.messageButtonLabel, 'Respond', 'Link Label'),
		formTitle: text(context, itemIndex, options.responseFormTitle, '', 'Response Form Title'),
		formDescription: text(context, itemIndex, options.responseFormDescription, message, 'Response Form Description'),
		formButtonLabel: text(context, itemIndex, options.responseFormButtonLabel, 'Submit', 'Response Form Button Label'),
		fields: responseType === 'customForm' ? readFields(context, itemIndex) : [],
		choiceOnPage: oneLink && responseType === 'approval' && approval.approvalType === 'double',
		...readChatReply(context, itemIndex, responseType),
	};
}

/** The links the message carries: signed by n8n, so the answer (`approved`) in them cannot be changed. */
export function answerLinks(context: IExecuteFunctions, question: Question): AnswerLink[] {
	const link = (label: string, approved: boolean): AnswerLink => ({ label, approved, url: context.getSignedResumeUrl({ approved: String(approved) }) });
	if (question.responseType !== 'approval' || question.choiceOnPage) return [link(question.linkLabel, true)];
	if (question.approvalType === 'double') return [link(question.approveLabel, true), link(question.declineLabel, false)];
	return [link(question.approveLabel, true)];
}

const UNIT_MS: Record<string, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

/** When the wait ends without an answer (Limit Wait Time), or n8n's "wait indefinitely" date. */
export function waitTillOf(context: IExecuteFunctions, itemIndex: number, now = new Date()): Date {
	const limit = context.getNodeParameter('options.limitWaitTime.values', itemIndex, {}) as IDataObject;
	if (Object.keys(limit).length === 0) return WAIT_INDEFINITELY;
	let waitTill: Date;
	if (limit.limitType === 'atSpecifiedTime') {
		waitTill = new Date(String(limit.maxDateAndTime ?? ''));
		if (Number.isNaN(waitTill.getTime())) fail(context, itemIndex, 'Limit Wait Time: Max Date and Time is not a date', 'Give a date and time, e.g. 2026-12-24T18:00:00+07:00.');
		if (waitTill.getTime() <= now.getTime()) fail(context, itemIndex, 'Limit Wait Time: Max Date and Time has passed', `It is ${waitTill.toISOString()}; give a time in the future.`);
		return waitTill;
	}
	const amount = Number(limit.resumeAmount ?? 1);
	const unit = UNIT_MS[String(limit.resumeUnit ?? 'hours')];
	if (!Number.isFinite(amount) || amount <= 0 || unit === undefined) {
		fail(context, itemIndex, 'Limit Wait Time: the amount must be a positive number', 'Give how many minutes, hours or days to wait, e.g. 24 hours.');
	}
	return new Date(now.getTime() + amount * unit);
}
