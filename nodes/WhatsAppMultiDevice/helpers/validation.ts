import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
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
