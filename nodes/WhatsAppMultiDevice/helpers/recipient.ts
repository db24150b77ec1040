import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Recipient } from '../../shared/phone';
import { RecipientError, normalizeGroupId, normalizePhoneNumber, normalizeRecipient } from '../../shared/phone';
import { getConnection } from '../../shared/transport';

function fieldError(context: IExecuteFunctions, field: string, error: unknown, itemIndex: number): Error {
	if (error instanceof RecipientError) {
		return new NodeOperationError(context.getNode(), `${field}: ${error.message}`, {
			itemIndex,
			description: error.hint,
		});
	}
	return error as Error;
}

async function countryCode(context: IExecuteFunctions, itemIndex: number): Promise<string> {
	return (await getConnection.call(context, itemIndex)).defaultCountryCode;
}

/** Reads a recipient parameter (phone number or chat JID) and normalises it, or fails the item before any request. */
export async function getRecipient(
	this: IExecuteFunctions,
	itemIndex: number,
	parameterName = 'recipient',
	displayName = 'Recipient',
): Promise<Recipient> {
	const value = this.getNodeParameter(parameterName, itemIndex, '') as unknown;
	try {
		return normalizeRecipient(value, await countryCode(this, itemIndex));
	} catch (error) {
		throw fieldError(this, displayName, error, itemIndex);
	}
}

/** Normalises a list of phone numbers (mentions, group participants) to bare international digits. */
export async function getPhoneList(
	this: IExecuteFunctions,
	itemIndex: number,
	values: unknown,
	displayName: string,
	keep: string[] = [],
): Promise<string[]> {
	const list = Array.isArray(values)
		? values
		: typeof values === 'string'
			? values.split(/[,;\n]/)
			: values === undefined || values === null
				? []
				: [values];
	const code = await countryCode(this, itemIndex);
	const result: string[] = [];
	for (const entry of list) {
		const text = String(entry ?? '').trim();
		if (text === '') continue;
		if (keep.includes(text)) {
			result.push(text);
			continue;
		}
		try {
			const phone = text.includes('@') ? normalizeRecipient(text, code).phone : normalizePhoneNumber(text, code);
			if (phone === undefined) {
				throw new RecipientError(`"${text}" is not a phone number`, 'Only phone numbers (or their …@s.whatsapp.net JIDs) are accepted here.');
			}
			result.push(phone);
		} catch (error) {
			throw fieldError(this, displayName, error, itemIndex);
		}
	}
	return result;
}

/** Reads a group ID parameter (bare or …@g.us). */
export function getGroupId(this: IExecuteFunctions, itemIndex: number, parameterName = 'groupId'): string {
	try {
		return normalizeGroupId(this.getNodeParameter(parameterName, itemIndex, ''));
	} catch (error) {
		throw fieldError(this, 'Group ID', error, itemIndex);
	}
}
