import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { DeliverySettings } from '../../shared/delivery';
import { DailyLimitReached, backoffMs, deliveryPolicyOf } from '../../shared/delivery';
import type { CloudFailure, DescribedCloudFailure } from './errors';
import { bodyBuffer, dispositionFileName, networkCodeOf, retryAfterMs } from '../../shared/http';
import { cloudApiError, cloudFailureOf, redactCloudSecrets } from './errors';

/** The one place that talks HTTP to Meta's Graph API (WhatsApp Cloud API). */

export const CLOUD_CREDENTIAL_TYPE = 'whatsAppCloudApi';
export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com';
export const DEFAULT_GRAPH_VERSION = 'v23.0';
/** Where Meta serves media files; the token is sent there only when the Graph Base URL is Meta's own. */
export const META_MEDIA_HOST = 'lookaside.fbsbx.com';
const DEFAULT_TIMEOUT_MS = 60_000;
const MAX_SAME_ORIGIN_REDIRECTS = 3;

export type CloudContext = IExecuteFunctions | IHookFunctions | IWebhookFunctions | ILoadOptionsFunctions;

export interface CloudConnection {
	/** Graph Base URL without trailing slash, e.g. https://graph.facebook.com. */
	baseUrl: string;
	origin: string;
	version: string;
	businessAccountId: string;
	phoneNumberId: string;
	defaultCountryCode: string;
}

export interface CloudRequest {
	method: IHttpRequestMethods;
	/** Path segments after the version, each encoded on its own, e.g. ['123', 'messages']. */
	path: string[];
	body?: IDataObject | FormData;
	qs?: IDataObject;
	itemIndex?: number;
	/** Phone number ID when the request delivers a message: paced per number, counted, retried only when safe. */
	messageSendFrom?: string;
	noRetry?: boolean;
}

function text(credentials: ICredentialDataDecryptedObject, key: string): string {
	const value = credentials[key];
	return typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value).trim();
}

interface Resolved {
	connection: CloudConnection;
	credentials: ICredentialDataDecryptedObject;
}

const resolved = new WeakMap<object, Promise<Resolved>>();

function configError(context: CloudContext, message: string, description: string, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, { itemIndex, description });
}

/** The credential, read and checked once per execution context. */
async function resolve(context: CloudContext, itemIndex?: number): Promise<Resolved> {
	let pending = resolved.get(context);
	if (pending === undefined) {
		pending = (async () => {
			const credentials = await context.getCredentials(CLOUD_CREDENTIAL_TYPE, itemIndex);
			const baseUrl = (text(credentials, 'graphBaseUrl') || DEFAULT_GRAPH_URL).replace(/\/+$/, '');
			return {
				credentials,
				connection: {
					baseUrl,
					origin: '',
					version: text(credentials, 'graphApiVersion') || DEFAULT_GRAPH_VERSION,
					businessAccountId: text(credentials, 'businessAccountId'),
					phoneNumberId: text(credentials, 'phoneNumberId'),
					defaultCountryCode: text(credentials, 'defaultCountryCode'),
				},
			};
		})();
		resolved.set(context, pending);
		pending.catch(() => resolved.delete(context));
	}
	const result = await pending;
	const { connection } = result;
	let url: URL;
	try {
		url = new URL(connection.baseUrl);
	} catch {
		throw configError(context, 'Graph Base URL of the credential is not a valid URL', 'Leave it at https://graph.facebook.com unless you use a proxy or test server.', itemIndex);
	}
	if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '' || url.search !== '') {
		throw configError(context, 'Graph Base URL of the credential must be a plain http(s) address', 'No user name, password or query, e.g. https://graph.facebook.com.', itemIndex);
	}
	if (!/^v\d+\.\d+$/.test(connection.version)) {
		throw configError(context, `Graph API Version "${connection.version}" is not a Graph version`, 'Use the form v23.0.', itemIndex);
	}
	connection.origin = url.origin;
	return result;
}

export async function getCloudConnection(this: CloudContext, itemIndex?: number): Promise<CloudConnection> {
	return (await resolve(this, itemIndex)).connection;
}

/** One path segment: never empty, never a dot segment; encoded so it cannot change the route. */
export function pathSegment(value: string): string {
	if (value === '' || value === '.' || value === '..') throw new Error(`"${value}" cannot be part of a Graph path`);
	return encodeURIComponent(value);
}

function parseJson(body: Buffer): unknown {
	const textBody = body.toString('utf8').trim();
	if (!textBody.startsWith('{') && !textBody.startsWith('[')) return undefined;
	try {
		return JSON.parse(textBody);
	} catch {
		return undefined;
	}
}

/** Reads Graph's error envelope `{error:{message,type,code,error_data:{details},error_subcode,fbtrace_id,is_transient}}`. */
function failureFrom(statusCode: number, headers: IDataObject, body: Buffer, host: string, credentials: ICredentialDataDecryptedObject, messageSend: boolean): CloudFailure {
	const parsed = parseJson(body) as { error?: IDataObject } | undefined;
	const error = parsed && typeof parsed === 'object' && parsed.error && typeof parsed.error === 'object' ? parsed.error : undefined;
	const errorData = error?.error_data && typeof error.error_data === 'object' ? (error.error_data as IDataObject) : undefined;
	const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? redactCloudSecrets(value.trim().slice(0, 500), credentials) : undefined);
	const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined);
	return {
		httpCode: statusCode,
		code: num(error?.code),
		subcode: num(error?.error_subcode),
		graphMessage: str(error?.message) ?? (error === undefined ? str(body.toString('utf8').slice(0, 300)) : undefined),
		details: str(errorData?.details),
		fbtraceId: str(error?.fbtrace_id),
		isTransient: error?.is_transient === true,
		userMessage: str(error?.error_user_msg),
		host,
		retryAfterMs: retryAfterMs(headers),
		messageSend,
	};
}

function shouldRetryCloud(settings: DeliverySettings, described: DescribedCloudFailure, attempt: number, retryAfter: number | undefined): boolean {
	if (attempt >= settings.maxAttempts || !described.retryable) return false;
	if (described.deliveryUnknown && !settings.retryUnknownDelivery) return false;
	return retryAfter === undefined || retryAfter <= settings.maxRetryAfterMs;
}

/**
 * Sends one request with the credential's Bearer token. Redirects are followed only within the Graph Base URL's
 * origin, so the token never reaches another host. Graph errors become one NodeApiError per class (errors.ts).
 */
async function sendOnce(context: CloudContext, url: string, options: IHttpRequestOptions, credentials: ICredentialDataDecryptedObject, request: CloudRequest, timeoutMs: number): Promise<{ headers: IDataObject; body: Buffer }> {
	let target = new URL(url);
	for (let redirects = 0; ; redirects++) {
		let response: IN8nHttpFullResponse;
		try {
			response = (await context.helpers.httpRequestWithAuthentication.call(context, CLOUD_CREDENTIAL_TYPE, { ...options, url: target.toString(), headers: { ...(options.headers as IDataObject) } }, {
				credentialsDecrypted: { id: '', name: '', type: CLOUD_CREDENTIAL_TYPE, data: { ...credentials } },
			})) as IN8nHttpFullResponse;
		} catch (error) {
			if (error instanceof NodeOperationError) throw new NodeOperationError(context.getNode(), error, { itemIndex: request.itemIndex });
			throw cloudApiError(context.getNode(), { networkCode: networkCodeOf(error) ?? 'UNKNOWN', host: target.host, timeoutMs, messageSend: request.messageSendFrom !== undefined }, request.itemIndex);
		}
		const headers = response.headers ?? {};
		const body = bodyBuffer(response.body);
		const location = headers.location;
		if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string' && redirects < MAX_SAME_ORIGIN_REDIRECTS) {
			const next = new URL(location, target);
			if (next.origin === target.origin) {
				target = next;
				continue;
			}
		}
		if (response.statusCode >= 300) {
			throw cloudApiError(context.getNode(), failureFrom(response.statusCode, headers, body, target.host, credentials, request.messageSendFrom !== undefined), request.itemIndex);
		}
		return { headers, body };
	}
}

/** Sends a Graph request (paced, counted and retried inside the action node) and returns the raw answer. */
export async function cloudRawRequest(this: CloudContext, request: CloudRequest, absoluteUrl?: string): Promise<{ headers: IDataObject; body: Buffer }> {
	const { connection, credentials } = await resolve(this, request.itemIndex);
	const policy = deliveryPolicyOf(this);
	let url: string;
	try {
		url = absoluteUrl ?? `${connection.baseUrl}/${connection.version}/${request.path.map(pathSegment).join('/')}`;
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex: request.itemIndex });
	}
	const timeoutMs = policy?.settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const headers: IDataObject = { Accept: absoluteUrl === undefined ? 'application/json' : '*/*' };
	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		headers,
		qs: request.qs,
		timeout: timeoutMs,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
		encoding: 'arraybuffer',
		json: false,
	};
	if (request.body !== undefined) {
		if (request.body instanceof FormData) {
			options.body = request.body;
		} else {
			headers['Content-Type'] = 'application/json';
			options.body = JSON.stringify(request.body);
		}
	}
	const paced = policy !== undefined && request.messageSendFrom !== undefined;
	const senderKey = `${connection.origin}#${request.messageSendFrom}`;
	for (let attempt = 1; ; attempt++) {
		if (policy !== undefined) {
			try {
				policy.beforeRequest(request.itemIndex);
			} catch (error) {
				throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex: request.itemIndex });
			}
		}
		if (paced) {
			try {
				await policy.pacer.acquire(senderKey);
			} catch (error) {
				if (error instanceof DailyLimitReached) {
					const limitError = new NodeOperationError(this.getNode(), `Limit of ${error.limit} messages per execution reached for phone number ID ${request.messageSendFrom}`, {
						itemIndex: request.itemIndex,
						description: 'Nothing was sent for this item. Raise Max Messages per Execution in Sending options, or send the rest in a later execution; choose "Return Unsent" to get these items back with status skipped.',
					});
					throw Object.assign(limitError, { dailyLimitReached: true });
				}
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: request.itemIndex });
			}
		}
		policy?.recordAttempt(request.itemIndex);
		let failed: NodeApiError | NodeOperationError;
		try {
			return await sendOnce(this, url, options, credentials, request, timeoutMs);
		} catch (error) {
			failed = error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(this.getNode(), error as Error, { itemIndex: request.itemIndex });
		}
		const cloud = cloudFailureOf(failed);
		const retryAfter = cloud?.failure.retryAfterMs;
		const retrying = policy !== undefined && request.noRetry !== true && cloud !== undefined && shouldRetryCloud(policy.settings, cloud, attempt, retryAfter);
		const delayMs = policy === undefined ? 0 : backoffMs(policy.settings, attempt, retryAfter);
		// A definite failure gives its cap count back; a 429 (pair rate, throughput) pauses every send of this number.
		if (paced) policy.afterFailedSend(senderKey, cloud, retrying, delayMs);
		if (!retrying) throw Object.assign(failed, { attempts: attempt });
		try {
			await policy.waitBeforeRetry(delayMs);
		} catch (error) {
			throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex: request.itemIndex });
		}
	}
}

/** Sends a Graph request and returns its JSON answer (an object; `{success:true}` for empty answers). */
export async function cloudRequest(this: CloudContext, request: CloudRequest): Promise<IDataObject> {
	const { body } = await cloudRawRequest.call(this, request);
	const parsed = parseJson(body);
	if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as IDataObject;
	if (Array.isArray(parsed)) return { data: parsed as IDataObject[] };
	const textBody = body.toString('utf8').trim();
	return textBody === '' || textBody === 'true' ? { success: true } : { success: true, response: textBody.slice(0, 300) };
}

/**
 * Downloads a media file from the URL Meta handed out (valid 5 minutes), with the same Bearer token. The token goes
 * only to the Graph Base URL's origin, or to Meta's media host when the base URL is Meta's own.
 */
export async function cloudDownload(this: CloudContext, url: string, itemIndex?: number): Promise<{ body: Buffer; mimeType?: string; fileName?: string }> {
	const connection = await getCloudConnection.call(this, itemIndex);
	let target: URL | undefined;
	try {
		target = new URL(url);
	} catch {
		target = undefined;
	}
	const metaHosted = connection.origin === DEFAULT_GRAPH_URL && target?.protocol === 'https:' && target.host === META_MEDIA_HOST;
	if (target === undefined || (target.origin !== connection.origin && !metaHosted)) {
		throw new NodeOperationError(this.getNode(), `The media URL is on another host (${target?.host ?? 'invalid URL'}) than the Graph API`, {
			itemIndex,
			description: `The access token is only sent to ${connection.origin}${connection.origin === DEFAULT_GRAPH_URL ? ` and ${META_MEDIA_HOST}` : ''}. Use Media → Download with the media ID instead of a URL.`,
		});
	}
	const { headers, body } = await cloudRawRequest.call(this, { method: 'GET', path: [], itemIndex }, target.toString());
	const contentType = headers['content-type'];
	return { body, mimeType: typeof contentType === 'string' ? contentType.split(';')[0].trim() : undefined, fileName: dispositionFileName(headers) };
}
