import type { ICredentialDataDecryptedObject, INode, JsonObject } from 'n8n-workflow';
import type { NodeApiError } from 'n8n-workflow';

import { credentialSecrets, describedApiError, redactSecretValues } from '../../shared/errors';

/** What went wrong talking to the Graph API, without anything secret (no headers, no token, no request config). */
export interface CloudFailure {
	httpCode?: number;
	/** Graph `error.code` (branch on this, not on the HTTP status). */
	code?: number;
	subcode?: number;
	/** Graph `error.message`, e.g. "(#131047) Re-engagement message". */
	graphMessage?: string;
	/** `error.error_data.details`: Meta's explanation, the part worth reading. */
	details?: string;
	fbtraceId?: string;
	isTransient?: boolean;
	userMessage?: string;
	/** Network-level code (ECONNREFUSED, ETIMEDOUT, ECONNRESET…) when nothing was answered. */
	networkCode?: string;
	host?: string;
	timeoutMs?: number;
	retryAfterMs?: number;
	/** The request delivers a message (its outcome matters when the answer is lost). */
	messageSend?: boolean;
}

export type CloudFailureClass =
	| 'token'
	| 'permission'
	| 'appRateLimit'
	| 'accountRateLimit'
	| 'throughput'
	| 'pairRateLimit'
	| 'outsideWindow'
	| 'undeliverable'
	| 'ecosystemLimit'
	| 'marketingOptOut'
	| 'blockedByBusiness'
	| 'media'
	| 'templateParameters'
	| 'templateUnavailable'
	| 'templatePaused'
	| 'notRegistered'
	| 'accountRestricted'
	| 'invalidRequest'
	| 'temporary'
	| 'redirect'
	| 'rejected'
	| 'network'
	| 'timeout';

export interface DescribedCloudFailure {
	class: CloudFailureClass;
	message: string;
	description: string;
	/** Worth trying again with the same request (rate limits, throughput, Meta-side hiccups). */
	retryable: boolean;
	/** Meta may have accepted the message although no answer arrived. */
	deliveryUnknown: boolean;
}

/** Codes that never succeed on a retry whatever `is_transient` says (NOTES §5.2). */
const NEVER_RETRIED = new Set([131047, 131026, 131049, 131050, 131051, 131053, 133010, 131045, 368, 131031, 130497, 190, 0, 104, 10, 200]);

function trailer(failure: CloudFailure): string {
	const parts: string[] = [];
	if (failure.details) parts.push(`Meta said: "${failure.details}"`);
	else if (failure.graphMessage) parts.push(`Meta said: "${failure.graphMessage}"`);
	if (failure.userMessage && failure.userMessage !== failure.details) parts.push(failure.userMessage);
	const ids = [failure.code !== undefined ? `code ${failure.code}` : '', failure.subcode !== undefined ? `subcode ${failure.subcode}` : '', failure.httpCode !== undefined ? `HTTP ${failure.httpCode}` : '', failure.fbtraceId ? `fbtrace_id ${failure.fbtraceId}` : '']
		.filter((part) => part !== '')
		.join(', ');
	if (ids !== '') parts.push(`(${ids})`);
	return parts.length > 0 ? ` ${parts.join(' ')}` : '';
}

type Row = [CloudFailureClass, string, string, boolean?];

/** One class and one actionable message per row of NOTES §5.2. */
function rowFor(code: number): Row | undefined {
	if (code === 190 || code === 0 || code === 104) {
		return ['token', 'Meta rejected the access token (expired, revoked or missing)', 'Generate a new system-user token in Business Settings → System Users and paste it into Access Token of the WhatsApp Cloud API credential.'];
	}
	if (code === 3 || code === 10 || (code >= 200 && code <= 299) || code === 131005) {
		return ['permission', 'The access token lacks a permission or access to this asset', 'Give the system user the whatsapp_business_messaging and whatsapp_business_management permissions and assign it this WhatsApp account and phone number (Business Settings → System Users → Assign assets).'];
	}
	if (code === 4) return ['appRateLimit', 'Meta’s API call limit for this app was reached (error 4)', 'Too many calls in a short time. Retried with backoff; slow down with Sending → Messages per Minute if it keeps happening.', true];
	if (code === 80007) return ['accountRateLimit', 'Meta’s rate limit for this WhatsApp Business Account was reached (error 80007)', 'Retried with backoff. Spread the sends out (Sending → Messages per Minute) or try again later.', true];
	if (code === 130429) return ['throughput', 'The phone number’s message throughput was exceeded (error 130429)', 'Meta allows about 80 messages per second per number by default. Retried with backoff; lower Sending → Parallel Requests or set Messages per Minute.', true];
	if (code === 131056) return ['pairRateLimit', 'Too many messages to this recipient in a short time (error 131056, pair rate limit)', 'Meta limits how fast one business number may message the same person (about one message every 6 seconds). Retried with backoff; wait before sending to this recipient again. Other recipients are not affected.', true];
	if (code === 131047) {
		return ['outsideWindow', 'More than 24 hours have passed since the recipient last wrote to this number (error 131047)', 'Free-form messages (text, media, interactive…) can only be sent within 24 hours of the customer’s last message. Send an approved template instead: Message → Send with Message Type "Template" (list them with Template → Get Many).'];
	}
	if (code === 131026) return ['undeliverable', 'The message could not be delivered to this recipient (error 131026)', 'The number may not be on WhatsApp, may not have accepted the latest terms, or uses an old WhatsApp version. Check the number and reach the person another way.'];
	if (code === 131049) return ['ecosystemLimit', 'Meta did not deliver this marketing message to keep engagement healthy (error 131049)', 'This person has received several marketing messages recently. Do not retry within 24 hours.'];
	if (code === 131050) return ['marketingOptOut', 'The recipient stopped marketing messages from this business (error 131050)', 'Do not send marketing templates to this person; utility and service messages still work.'];
	if (code === 130403) return ['blockedByBusiness', 'This business blocked the recipient (error 130403)', 'Unblock the user first (Block → Unblock) if you want to message them.'];
	if (code === 131052 || code === 131053) return ['media', 'Meta could not process the media file (error ' + code + ')', 'The file type or size is not accepted, or its MIME type does not match its content. Use JPEG/PNG images up to 5 MB, MP4 video and audio up to 16 MB, documents up to 100 MB, WebP stickers up to 100 KB.'];
	if (code === 132000 || code === 132012 || code === 132005 || code === 132007) {
		return ['templateParameters', 'The template parameters do not match the template (error ' + code + ')', code === 132000 ? 'The number of parameters differs from the template’s variables. Add one body parameter per {{n}} in the body, and header/button parameters where the template has them (Template → Get shows its components).' : 'A parameter has the wrong format (e.g. a text where the header expects an IMAGE) or is too long. Compare the parameters with the template’s components (Template → Get).'];
	}
	if (code === 132001) return ['templateUnavailable', 'The template does not exist in this language or is not approved (error 132001)', 'Check Template and Language Code: only APPROVED templates can be sent (Template → Get Many lists them with their status and language).'];
	if (code === 132015 || code === 132016) return ['templatePaused', code === 132015 ? 'The template is paused for low quality (error 132015)' : 'The template is permanently disabled (error 132016)', 'Edit the template or create a new one in WhatsApp Manager, then send that instead.'];
	if (code === 133010 || code === 131045) return ['notRegistered', 'The business phone number is not registered with the Cloud API (error ' + code + ')', 'Register the number (POST /{phone-number-id}/register with its PIN) in the Meta app before sending.'];
	if (code === 368 || code === 131031 || code === 130497) return ['accountRestricted', 'The WhatsApp Business Account is restricted or blocked (error ' + code + ')', 'Meta restricted this account for a policy violation or the recipient’s country. Check Account Quality in WhatsApp Manager; retries will not help.'];
	if (code === 100 || code === 131008 || code === 131009 || code === 135000 || code === 131021 || code === 33 || code === 131051) {
		return ['invalidRequest', 'Meta rejected a parameter of the request (error ' + code + ')', code === 131021 ? 'The recipient is this business number itself; send to another number.' : 'Fix the field Meta names and run again. An unknown ID (phone number, media, template) also gives this error.'];
	}
	if (code === 1 || code === 2 || code === 131000 || code === 131016 || code === 133004 || code === 131057) return ['temporary', 'Meta could not carry out the request right now (error ' + code + ')', 'A temporary problem on Meta’s side. Retried with backoff; if it persists, check the WhatsApp Business status page.', true];
	return undefined;
}

/** Classifies a Graph failure and writes what happened and how to fix it. */
export function describeCloudFailure(failure: CloudFailure): DescribedCloudFailure {
	const host = failure.host ?? 'the Graph API';
	const build = (cls: CloudFailureClass, message: string, description: string, retryable = false, deliveryUnknown = false): DescribedCloudFailure => ({ class: cls, message, description, retryable, deliveryUnknown });

	if (failure.httpCode === undefined) {
		const code = failure.networkCode ?? '';
		if (code === 'ETIMEDOUT' || code === 'ECONNABORTED' || code === 'ECONNRESET' || code === 'EPIPE') {
			const seconds = failure.timeoutMs && code !== 'ECONNRESET' && code !== 'EPIPE' ? ` within ${Math.round(failure.timeoutMs / 1000)} s` : '';
			return build('timeout', `${host} did not answer${seconds}${code === 'ECONNRESET' || code === 'EPIPE' ? ' (connection closed)' : ''}`, failure.messageSend ? 'The message may or may not have been sent. Check before sending again (Retry Sends With Unknown Outcome is off).' : 'Try again; check the network between n8n and Meta.', true, failure.messageSend === true);
		}
		return build('network', `Could not reach ${host}${code ? ` (${code})` : ''}`, 'Check Graph Base URL in the WhatsApp Cloud API credential (default https://graph.facebook.com) and that this n8n instance can reach it.', code !== 'ENOTFOUND');
	}
	if (failure.code !== undefined) {
		const row = rowFor(failure.code);
		if (row !== undefined) {
			const [cls, message, description, retryable = false] = row;
			return build(cls, message, `${description}${trailer(failure)}`, retryable || (failure.isTransient === true && !NEVER_RETRIED.has(failure.code) && !(failure.code >= 132000 && failure.code < 133000)));
		}
		const retryable = failure.isTransient === true && !NEVER_RETRIED.has(failure.code) && !(failure.code >= 132000 && failure.code < 133000);
		return build(retryable ? 'temporary' : 'rejected', `Meta rejected the request (error ${failure.code})`, `Check the values of this item.${trailer(failure)}`, retryable);
	}
	if (failure.httpCode >= 300 && failure.httpCode < 400) {
		return build('redirect', `${host} redirected the request to another address (HTTP ${failure.httpCode}); it was not followed`, 'The access token is only sent to the Graph Base URL’s own host. Set Graph Base URL in the credential to the final address (normally https://graph.facebook.com).');
	}
	if (failure.httpCode === 502 || failure.httpCode === 503 || failure.httpCode === 504) {
		return build('temporary', `${host} answered HTTP ${failure.httpCode} without a Graph error`, failure.messageSend && failure.httpCode !== 503 ? 'A proxy or Meta’s edge failed; the message may or may not have been sent. Check before sending again.' : 'A proxy or Meta’s edge failed. Try again later.', true, failure.messageSend === true && failure.httpCode !== 503);
	}
	if (failure.httpCode === 429) return build('appRateLimit', `${host} is rate limiting (HTTP 429)`, 'Retried with backoff; slow the sends down with Sending → Messages per Minute.', true);
	if (failure.httpCode === 404) return build('rejected', `No Graph API answered at this path on ${host} (HTTP 404)`, 'Check Graph Base URL and Graph API Version in the WhatsApp Cloud API credential.');
	return build('rejected', `${host} rejected the request (HTTP ${failure.httpCode})`, `Check the values of this item.${trailer(failure)}`, failure.httpCode >= 500);
}

/** Builds the NodeApiError the node throws; its cause holds only the sanitised failure. */
export function cloudApiError(node: INode, failure: CloudFailure, itemIndex?: number): NodeApiError {
	const described = describeCloudFailure(failure);
	const cause: JsonObject = {
		failure: described.class,
		httpCode: failure.httpCode ?? null,
		code: failure.code ?? null,
		details: failure.details ?? null,
		fbtrace_id: failure.fbtraceId ?? null,
		networkCode: failure.networkCode ?? null,
	};
	return describedApiError(node, described, cause, failure.httpCode, itemIndex, 'cloud', { ...described, failure });
}

/** The classification attached by cloudApiError, if any. */
export function cloudFailureOf(error: unknown): (DescribedCloudFailure & { failure: CloudFailure }) | undefined {
	if (error && typeof error === 'object' && 'cloud' in error) return (error as { cloud: DescribedCloudFailure & { failure: CloudFailure } }).cloud;
	return undefined;
}

/** The Cloud credential's secret fields (the shared redactor removes them as typed, URL- and base64-encoded). */
const CLOUD_SECRET_FIELDS = ['accessToken', 'appSecret', 'verifyToken'];

/** Removes the credential's secrets from text a server sent back, before it is quoted. */
export function redactCloudSecrets(text: string | undefined, credentials: ICredentialDataDecryptedObject): string | undefined {
	return redactSecretValues(text, credentialSecrets(credentials, CLOUD_SECRET_FIELDS));
}
