import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { deliveryPolicyOf } from '../../shared/delivery';
import type { SendTracking } from '../../shared/inboundEvent';
import { RecipientError, normalizePhoneNumber } from '../../shared/phone';
import { getCloudConnection } from '../transport';
import { Checker } from './checks';

/** The phone number ID an item sends from: the node's Phone Number ID, else the credential's default. */
export async function senderPhoneNumberId(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	const override = this.getNodeParameter('phoneNumberId', itemIndex, '') as string;
	const connection = await getCloudConnection.call(this, itemIndex);
	const chosen = typeof override === 'string' && override.trim() !== '' ? override : connection.phoneNumberId;
	if (chosen === '') {
		throw new NodeOperationError(this.getNode(), 'No phone number ID to send from', {
			itemIndex,
			description: 'Set Default Phone Number ID in the WhatsApp Cloud API credential, or Phone Number ID on the node.',
		});
	}
	return new Checker(this, itemIndex).graphId(chosen, 'Phone Number ID');
}

/** The WABA of the credential (templates, phone numbers). */
export async function businessAccountId(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	const connection = await getCloudConnection.call(this, itemIndex);
	if (connection.businessAccountId === '') {
		throw new NodeOperationError(this.getNode(), 'The credential has no WhatsApp Business Account ID', { itemIndex, description: 'Set WhatsApp Business Account ID in the WhatsApp Cloud API credential.' });
	}
	return new Checker(this, itemIndex).graphId(connection.businessAccountId, 'WhatsApp Business Account ID');
}

/** A recipient as the Cloud API wants it: international digits without `+` (shared normaliser). */
export async function cloudRecipient(this: IExecuteFunctions, itemIndex: number, value: unknown, label = 'Recipient'): Promise<string> {
	const connection = await getCloudConnection.call(this, itemIndex);
	try {
		return normalizePhoneNumber(value, connection.defaultCountryCode);
	} catch (error) {
		if (!(error instanceof RecipientError)) throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		const hint = /local number/.test(error.message) ? 'Write the number with its country code (e.g. +62 812…), or set Default Country Code in the WhatsApp Cloud API credential.' : 'Use an international number such as +62 812-3456-7890 or 6281234567890.';
		throw new NodeOperationError(this.getNode(), `${label}: ${error.message}`, { itemIndex, description: hint });
	}
}

/**
 * The per-item outcome of a send: the tracking fields both action nodes share (tenant = the phone number ID it sent
 * from; status events of the Cloud Trigger carry the same wamid as messageId), then Cloud's own.
 */
export function sendOutcome(this: IExecuteFunctions, itemIndex: number, answer: IDataObject, phoneNumberId: string, recipient: string): INodeExecutionData[] {
	const messages = Array.isArray(answer.messages) ? (answer.messages as IDataObject[]) : [];
	const contacts = Array.isArray(answer.contacts) ? (answer.contacts as IDataObject[]) : [];
	const tracking: SendTracking = { provider: 'cloud', tenant: phoneNumberId, messageId: (messages[0]?.id as string | undefined) ?? null, status: 'sent' };
	return [
		{
			json: {
				...tracking,
				messageStatus: (messages[0]?.message_status as string | undefined) ?? 'accepted',
				recipient,
				waId: (contacts[0]?.wa_id as string | undefined) ?? null,
				attempts: deliveryPolicyOf(this)?.attemptsOf(itemIndex) || 1,
			},
		},
	];
}
