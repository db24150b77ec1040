import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { deliveryPolicyOf, isMessageSend } from '../../shared/delivery';
import { gowaRequest } from '../../shared/transport';
import { requireFeature } from './capabilities';
import { deviceOverride } from './device';
import type { MediaKind } from './media';
import { checkMediaUrl, readUpload, toFormData } from './media';
import { scheduledOutcome, sendOrigin, sendOutcome } from './output';
import { getPhoneList, getRecipient } from './recipient';
import { keepSendOnceKey, releaseSendOnceKey, reserveSendOnceKey, sendOnceKeyOf } from './sendOnce';

/**
 * The flow every media send shares: recipient, then the file from a binary property (multipart upload
 * with its real MIME type) or a URL (`<kind>_url`), then one POST. Always multipart, as the spec defines it.
 */
export async function sendMedia(
	this: IExecuteFunctions,
	itemIndex: number,
	kind: Extract<MediaKind, 'image' | 'audio' | 'file' | 'video' | 'sticker'>,
	fields: IDataObject,
): Promise<INodeExecutionData[]> {
	const recipient = await getRecipient.call(this, itemIndex);
	if (Array.isArray(fields.mentions) && fields.mentions.length > 0) await requireFeature.call(this, itemIndex, 'captionMentions');
	const source = this.getNodeParameter('source', itemIndex, 'binary') as string;
	const body: IDataObject = { phone: recipient.jid, ...fields };
	let form: FormData;
	if (source === 'url') {
		const label = kind === 'file' ? 'File URL' : `${kind[0].toUpperCase()}${kind.slice(1)} URL`;
		body[`${kind}_url`] = checkMediaUrl(this, itemIndex, this.getNodeParameter('url', itemIndex, ''), label);
		form = toFormData(body);
	} else {
		const property = this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
		const upload = await readUpload.call(this, itemIndex, property, kind);
		form = toFormData(body, upload);
	}
	return await postSend.call(this, itemIndex, `/send/${kind}`, form, recipient.jid);
}

/** The Mentions option as bare phone numbers (and @everyone). */
export async function mentionsOf(this: IExecuteFunctions, itemIndex: number, options: IDataObject): Promise<string[]> {
	return await getPhoneList.call(this, itemIndex, options.mentions, 'Mentions', ['@everyone']);
}

/** Whether a send body asks GOWA to schedule the message (v9.5 `scheduled_at`, see helpers/schedule.ts). */
export function isScheduledSend(body: IDataObject | FormData): boolean {
	return body instanceof FormData ? body.has('scheduled_at') : body.scheduled_at !== undefined;
}

/**
 * POSTs one send request for the item (device override honoured) and returns its outcome item. A scheduled send is
 * only made to a server that announces scheduled sends (an older one would ignore the fields and send at once).
 * With Send Once per Key a message whose key is already recorded is not sent (status "skipped"); the key stays
 * recorded when the send may have been delivered (2xx or unknown outcome) and is released when it definitely was not.
 */
export async function postSend(
	this: IExecuteFunctions,
	itemIndex: number,
	path: string,
	body: IDataObject | FormData,
	recipient: string | undefined,
): Promise<INodeExecutionData[]> {
	const scheduled = isScheduledSend(body);
	if (scheduled) await requireFeature.call(this, itemIndex, 'scheduledSends');
	const key = isMessageSend('POST', path) ? sendOnceKeyOf(this, itemIndex) : undefined;
	if (key !== undefined && !(await reserveSendOnceKey(this, itemIndex, key))) {
		const origin = await sendOrigin.call(this, itemIndex);
		return [{ json: { status: 'skipped', ...origin, reason: 'A message with this Send Once per Key was already sent', sendOnceKey: key, recipient: recipient ?? null, attempts: 0 } }];
	}
	// Attempts of this send only (not the /app/info read before it).
	const earlierAttempts = deliveryPolicyOf(this)?.attemptsOf(itemIndex) ?? 0;
	const results = await gowaRequest
		.call(this, {
			method: 'POST',
			path,
			body,
			deviceScoped: true,
			deviceId: deviceOverride(this, itemIndex),
			itemIndex,
			scheduledSend: scheduled,
		})
		.catch(async (error: unknown) => {
			if (key !== undefined) await releaseSendOnceKey(this, key, error);
			throw error;
		});
	const origin = await sendOrigin.call(this, itemIndex);
	const outcome = scheduled ? scheduledOutcome(this, itemIndex, results, recipient, origin) : sendOutcome(results, recipient, origin);
	outcome.attempts = (deliveryPolicyOf(this)?.attemptsOf(itemIndex) ?? 0) - earlierAttempts || 1;
	if (key !== undefined) {
		await keepSendOnceKey(this, key);
		outcome.sendOnceKey = key;
	}
	return [{ json: outcome }];
}
