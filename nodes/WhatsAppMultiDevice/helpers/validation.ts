import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readSchedule } from './schedule';

/** Reads a text parameter that must not be blank; the text itself is kept as typed (formatting, new lines). */
export function requireText(
	context: IExecuteFunctions,
	itemIndex: number,
	parameterName: string,
	displayName: string,
	hint?: string,
): string {
	const value = context.getNodeParameter(parameterName, itemIndex, '') as unknown;
	const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
	if (text.trim() === '') {
		throw new NodeOperationError(context.getNode(), `${displayName} is empty`, {
			itemIndex,
			description: hint ?? `Enter a value for ${displayName}, or map one from the input with an expression.`,
		});
	}
	return text;
}

/** Optional text parameter: undefined when blank. */
export function optionalText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value);
	return text.trim() === '' ? undefined : text;
}

export const DISAPPEARING_DURATIONS = [0, 86400, 604800, 7776000];

/**
 * Maps the shared send options (Disappearing After, Mark as Forwarded, Reply To Message ID, and the Schedule options
 * of GOWA v9.5) onto GOWA's fields.
 */
export function commonSendFields(
	context: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
	allowed: { reply?: boolean; forwarded?: boolean } = { reply: true, forwarded: true },
): IDataObject {
	const fields: IDataObject = {};
	if (options.duration !== undefined && options.duration !== '') {
		const duration = Number(options.duration);
		if (!DISAPPEARING_DURATIONS.includes(duration)) {
			throw new NodeOperationError(context.getNode(), `Disappearing After must be off, 24 hours, 7 days or 90 days, not ${String(options.duration)}`, {
				itemIndex,
				description: 'WhatsApp only accepts 0, 86400, 604800 or 7776000 seconds.',
			});
		}
		fields.duration = duration;
	}
	if (allowed.forwarded !== false && options.isForwarded !== undefined) fields.is_forwarded = options.isForwarded === true;
	const reply = optionalText(options.replyMessageId);
	if (allowed.reply !== false && reply !== undefined) fields.reply_message_id = reply.trim();
	return { ...fields, ...readSchedule(context, itemIndex, options) };
}

function notText(context: IExecuteFunctions, itemIndex: number, displayName: string, value: unknown): void {
	if (value === null || typeof value !== 'object') return;
	const shape = Array.isArray(value) ? 'a list' : 'an object';
	throw new NodeOperationError(context.getNode(), `${displayName} is ${shape}, not text`, {
		itemIndex,
		description: `The expression of ${displayName} returned ${shape}, which would be sent as "${Array.isArray(value) ? 'a,b' : '[object Object]'}". Map a single field, e.g. {{ $json.phone }}, or build the text yourself, e.g. {{ $json.names.join(', ') }}.`,
	});
}

/** Text parameters documented to take a list from an expression (each entry is still checked). */
const LIST_TEXT_PARAMETERS = new Set(['participants']);

function checkTextValue(context: IExecuteFunctions, itemIndex: number, property: INodeProperties, value: unknown): void {
	if (property.type === 'string') {
		const takesList = property.typeOptions?.multipleValues === true || LIST_TEXT_PARAMETERS.has(property.name);
		const list = takesList && Array.isArray(value) ? (value as unknown[]) : [value];
		for (const entry of list) notText(context, itemIndex, property.displayName, entry);
	} else if (property.type === 'resourceLocator' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
		notText(context, itemIndex, property.displayName, (value as IDataObject).value);
	} else if (property.type === 'collection' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
		for (const option of (property.options ?? []) as INodeProperties[]) {
			if (option.name in value) checkTextValue(context, itemIndex, option, (value as IDataObject)[option.name]);
		}
	}
}

/**
 * Fails the item when an expression gave an object or array for a text parameter (recipient, message, caption,
 * device, any text option): n8n would hand it over as is and it would reach GOWA as "[object Object]" or "a,b".
 * Driven by the operation's own description, so every text parameter of every operation is covered.
 */
export function checkTextParameters(context: IExecuteFunctions, itemIndex: number, properties: INodeProperties[]): void {
	const present = context.getNode().parameters;
	const checked = new Set<string>();
	for (const property of properties) {
		if (checked.has(property.name) || !(property.name in present)) continue;
		if (!['string', 'collection', 'resourceLocator'].includes(property.type)) continue;
		checked.add(property.name);
		checkTextValue(context, itemIndex, property, context.getNodeParameter(property.name, itemIndex, undefined) as unknown);
	}
}
