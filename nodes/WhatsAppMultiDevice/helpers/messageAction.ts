import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { GowaEnvelope } from '../../shared/transport';
import { gowaEnvelopeRequest } from '../../shared/transport';
import { deviceOverride } from './device';
import { getRecipient } from './recipient';

/** Reads the Message ID field: a WhatsApp message id, no spaces or slashes. */
export function getMessageId(context: IExecuteFunctions, itemIndex: number, parameterName = 'messageId'): string {
	const raw = context.getNodeParameter(parameterName, itemIndex, '') as unknown;
	const messageId = typeof raw === 'string' ? raw.trim() : raw === undefined || raw === null ? '' : String(raw).trim();
	if (messageId === '') {
		throw new NodeOperationError(context.getNode(), 'Message ID is empty', {
			itemIndex,
			description: 'Enter the WhatsApp ID of the message, e.g. the message_id a send returned or payload.id of a webhook.',
		});
	}
	if (/[\s/?#]/.test(messageId)) {
		throw new NodeOperationError(context.getNode(), `Message ID "${messageId}" is not a WhatsApp message ID`, {
			itemIndex,
			description: 'WhatsApp message IDs are letters and digits only, e.g. 3EB089B9D6ADD58153C561.',
		});
	}
	return messageId;
}

/** `/message/{id}/{action}` with the id URL-encoded. */
export function messagePath(messageId: string, action: string): string {
	return `/message/${encodeURIComponent(messageId)}/${action}`;
}

export interface MessageActionResult {
	messageId: string;
	chat: string;
	envelope: GowaEnvelope;
	/** GOWA's `results` when it is an object (`{message_id, status}`), else empty. */
	results: IDataObject;
}

/**
 * The flow every per-message action shares: read Message ID and Chat (normalised like a recipient), then
 * POST `/message/{id}/{action}` with `{phone: <chat JID>, ...fields}` for the item's device.
 */
export async function postMessageAction(
	this: IExecuteFunctions,
	itemIndex: number,
	action: string,
	fields: IDataObject = {},
): Promise<MessageActionResult> {
	const messageId = getMessageId(this, itemIndex);
	const chat = await getRecipient.call(this, itemIndex, 'chat', 'Chat');
	const envelope = await gowaEnvelopeRequest.call(this, {
		method: 'POST',
		path: messagePath(messageId, action),
		body: { phone: chat.jid, ...fields },
		deviceScoped: true,
		deviceId: deviceOverride(this, itemIndex),
		itemIndex,
	});
	const results = envelope.results && typeof envelope.results === 'object' && !Array.isArray(envelope.results) ? (envelope.results as IDataObject) : {};
	return { messageId, chat: chat.jid, envelope, results };
}

/** GOWA's human-readable outcome (`results.status`, else the envelope message). */
export function serverStatus(result: MessageActionResult): string | null {
	const status = result.results.status ?? result.envelope.message;
	return typeof status === 'string' && status !== '' ? status : null;
}
