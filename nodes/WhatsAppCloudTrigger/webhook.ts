import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { SIGNATURE_HEADER, verifySignature } from '../shared/hubSignature';
import { isDuplicate } from '../shared/seenKeys';
import { ignoredBecause } from './filters';
import { toCloudEvent } from './mapping';
import { attachMedia } from './media';
import { parseDelivery, walkDelivery } from './payload';
import { credentialText, readSettings } from './settings';
import { answerWithoutExecution as answer, rawBodyOf } from '../shared/webhookRequest';

async function appSecretOf(context: IWebhookFunctions): Promise<string> {
	try {
		return await credentialText(context, 'appSecret');
	} catch (error) {
		context.logger.warn(`WhatsApp Cloud Trigger: the credential could not be read (${(error as Error).message})`);
		return '';
	}
}

/**
 * One Meta delivery: verify `X-Hub-Signature-256` over the raw bytes with the App Secret (401 and nothing started
 * otherwise), parse (400 when it is not a Cloud webhook), split into one item per message, status and error, filter,
 * drop redeliveries, optionally fetch media — then start one execution with the remaining items, or none.
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const rawBody = (await rawBodyOf(this.getRequestObject())) ?? Buffer.alloc(0);
	const secret = await appSecretOf(this);
	const check = verifySignature(rawBody, this.getHeaderData()[SIGNATURE_HEADER], secret);
	if (!check.valid) {
		if (check.reason === 'noSecret') this.logger.warn('WhatsApp Cloud Trigger: request refused, the credential has no App Secret');
		else this.logger.debug(`WhatsApp Cloud Trigger: request refused (${check.reason})`);
		return answer(this, 401, 'Invalid or missing X-Hub-Signature-256');
	}

	// Parameters only after verification: a forged post costs one credential read and no parameter.
	const settings = readSettings(this);
	const delivery = parseDelivery(rawBody);
	if (delivery === undefined) return answer(this, 400, 'The body is not a WhatsApp Cloud webhook');
	const { updates, dropped } = walkDelivery(delivery);
	if (dropped > 0) this.logger.warn(`WhatsApp Cloud Trigger: ${dropped} updates of one delivery were dropped (malformed or beyond 1,000)`);

	const now = Date.now();
	// A test listener takes exactly one call, so redeliveries can only reach the production URL.
	const scope = this.getMode() === 'manual' ? undefined : `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
	const items: INodeExecutionData[] = [];
	const ignored: IDataObject = {};
	let duplicates = 0;
	for (const update of updates) {
		const event = toCloudEvent(update);
		const reason = ignoredBecause(event, settings, now);
		if (reason !== undefined) {
			ignored[reason] = ((ignored[reason] as number | undefined) ?? 0) + 1;
			continue;
		}
		if (scope !== undefined && isDuplicate(scope, event.dedupKey as string, now, settings.dedupWindowMs)) {
			duplicates++;
			continue;
		}
		items.push({ json: event });
	}
	const summary: IDataObject = { received: true, items: items.length };
	if (duplicates > 0) summary.duplicates = duplicates;
	if (Object.keys(ignored).length > 0) summary.ignored = ignored;
	if (dropped > 0) summary.dropped = dropped;
	if (items.length === 0) return { webhookResponse: summary };
	if (settings.downloadMedia) await attachMedia(this, items, settings.binaryPropertyName);
	return { workflowData: [items], webhookResponse: summary };
}

