import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { isDuplicate, dedupKey } from './dedup';
import { filterOut } from './filters';
import { downloadMedia, findMedia } from './media';
import type { GowaEvent } from './normalize';
import { asGowaEvent, chatIdOf, eventTimeMs, flattenEvent, parseJsonBody } from './normalize';
import { expectedSecret } from './registration';
import type { TriggerSettings, VerificationSettings } from './settings';
import { readFilter, readSettings, readVerificationSettings } from './settings';
import type { DownloadedMedia } from './sharedShape';
import { toInboundEvent } from './sharedShape';
import { describeSignatureFailure, SIGNATURE_HEADER, verifySignature } from './signature';
import { answerWithoutExecution as answer, rawBodyOf } from '../shared/webhookRequest';

async function secretFor(context: IWebhookFunctions, settings: VerificationSettings): Promise<string> {
	try {
		return await expectedSecret(context, settings);
	} catch (error) {
		context.logger.warn(`WhatsApp MultiDevice Trigger: the webhook secret could not be read (${(error as Error).message})`);
		return '';
	}
}

/** Adds the message's media as binary data; a failed download keeps the event, with `mediaError`. */
async function attachMedia(
	context: IWebhookFunctions,
	event: GowaEvent,
	item: INodeExecutionData,
	settings: TriggerSettings,
): Promise<DownloadedMedia | undefined> {
	const media = event.event === 'message' ? findMedia(event.payload) : undefined;
	if (media === undefined) return undefined;
	try {
		const binary = await downloadMedia.call(context, event, media, chatIdOf(event) ?? '');
		item.binary = { [settings.binaryPropertyName]: binary };
		return { property: settings.binaryPropertyName, binary };
	} catch (error) {
		(item.json as IDataObject).mediaError = (error as Error).message;
		return undefined;
	}
}

/**
 * One GOWA delivery: verify the signature over the raw bytes, parse, filter, drop duplicates, flatten,
 * optionally fetch the media — and start one execution with one item, or answer without starting any.
 * A forged post costs only what verification needs: at most four parameters and one credential read.
 */
export async function receiveEvent(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const verification = readVerificationSettings(this);
	const rawBody = await rawBodyOf(this.getRequestObject());

	if (verification.verifySignature) {
		const secret = await secretFor(this, verification);
		const check = verifySignature(rawBody ?? Buffer.alloc(0), this.getHeaderData()[SIGNATURE_HEADER], secret);
		if (!check.valid) {
			const reason = describeSignatureFailure(check.reason);
			if (check.reason === 'noSecret') this.logger.warn(`WhatsApp MultiDevice Trigger: request refused, ${reason}`);
			else this.logger.debug(`WhatsApp MultiDevice Trigger: request refused, ${reason}`);
			return answer(this, 401, 'Invalid or missing X-Hub-Signature-256');
		}
	}

	const settings = readSettings(this, verification);
	const posted = rawBody !== undefined ? parseJsonBody(rawBody) : this.getBodyData();
	const event = asGowaEvent(posted);
	if (event === undefined) return answer(this, 400, 'The body is not a GOWA webhook event');

	const ignored = filterOut(event, await readFilter(this, settings));
	if (ignored !== undefined) return { webhookResponse: { received: true, ignored } };

	const now = Date.now();
	if (isTooOld(event, now, settings.maxEventAgeMs)) {
		return { webhookResponse: { received: true, ignored: 'older than the maximum event age' } };
	}

	const key = dedupKey(event, rawBody ?? Buffer.from(JSON.stringify(event)));
	// A test listener takes exactly one call, so retries can only reach the production URL.
	if (this.getMode() !== 'manual') {
		const scope = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
		if (isDuplicate(scope, key, now, settings.dedupWindowMs)) {
			return { webhookResponse: { received: true, duplicate: true } };
		}
	}

	const item: INodeExecutionData = { json: flattenEvent(event, { dedupKey: key }) };
	const downloaded = settings.downloadMedia ? await attachMedia(this, event, item, settings) : undefined;
	// 1.1: the event shape both triggers share; version 1 keeps its output as it was.
	if (this.getNode().typeVersion >= 1.1) item.json = toInboundEvent(event, posted as IDataObject, item.json, downloaded);
	// The answer GOWA gets: n8n sends `webhookResponse` because the webhook description's responseData is empty.
	return { workflowData: [[item]], webhookResponse: { received: true } };
}

/** Whether the event's own timestamp is older than the maximum age (a replay of an old signed event). */
function isTooOld(event: GowaEvent, nowMs: number, maxAgeMs: number): boolean {
	const time = eventTimeMs(event);
	return maxAgeMs > 0 && time !== undefined && nowMs - time > maxAgeMs;
}
