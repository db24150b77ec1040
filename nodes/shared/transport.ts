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
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { DailyLimitReached, backoffMs, deliveryPolicyOf, isMessageSend, shouldRetry } from './delivery';
import type { GowaFailure } from './errors';
import { gowaApiError, gowaFailureOf, redactSecrets } from './errors';
import { bodyBuffer, dispositionFileName, networkCodeOf, retryAfterMs } from './http';

/** The one place that talks HTTP to GOWA. Every node and operation goes through here. */

export const CREDENTIAL_TYPE = 'whatsAppMultiDeviceApi';

export type GowaContext = IExecuteFunctions | IHookFunctions | IWebhookFunctions | ILoadOptionsFunctions;

export const DEFAULT_TIMEOUT_MS = 60_000;

export interface GowaRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, e.g. `/send/message`. */
	path: string;
	/** JSON object, or a native FormData for multipart uploads. */
	body?: IDataObject | FormData;
	qs?: IDataObject;
	/** Send `X-Device-Id` (item override, else the credential's Default Device ID). */
	deviceScoped?: boolean;
	/** Device chosen on the item; empty means the credential default. */
	deviceId?: string;
	itemIndex?: number;
	timeoutMs?: number;
	/** `/health` lives at the server root, outside any base path. */
	atServerRoot?: boolean;
	/** Return the raw bytes of the answer instead of the JSON envelope. */
	binary?: boolean;
	/** Never retry (probes such as health checks report a failure at once instead of backing off). */
	noRetry?: boolean;
}

export interface GowaEnvelope {
	code?: string;
	message?: string;
	results?: unknown;
}

export interface GowaRawResponse {
	statusCode: number;
	headers: IDataObject;
	body: Buffer;
}

export interface GowaConnection {
	baseUrl: string;
	defaultDeviceId: string;
	defaultCountryCode: string;
}

function stringField(credentials: ICredentialDataDecryptedObject, key: string): string {
	const value = credentials[key];
	return typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value).trim();
}

/** Base URL without trailing slashes, validated. Never contains the password (user-info is rejected). */
export function parseBaseUrl(context: GowaContext, raw: string, itemIndex?: number): URL {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new NodeOperationError(context.getNode(), 'The Base URL of the credential is not a valid URL', {
			itemIndex,
			description: 'Set Base URL to the address of the GOWA server, e.g. https://wa.tenant-a.example/gowa.',
		});
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new NodeOperationError(context.getNode(), 'The Base URL of the credential must start with http:// or https://', { itemIndex });
	}
	if (url.username !== '' || url.password !== '') {
		throw new NodeOperationError(context.getNode(), 'The Base URL of the credential must not contain a user name or password', {
			itemIndex,
			description: 'Remove "user:password@" from Base URL and fill in Username and Password instead.',
		});
	}
	return url;
}

/** Joins the base URL (with or without base path, any trailing slashes) and an API path. */
export function joinUrl(baseUrl: string, path: string, atServerRoot = false): string {
	const base = baseUrl.replace(/\/+$/, '');
	const cleanPath = `/${path.replace(/^\/+/, '')}`;
	if (atServerRoot) return `${new URL(base).origin}${cleanPath}`;
	return `${base}${cleanPath}`;
}

/** Device IDs may be non-ASCII; GOWA URL-unescapes the header, so percent-encode what HTTP headers cannot carry. */
export function encodeDeviceHeader(deviceId: string): string {
	return deviceId.replace(/[^\x21-\x7e]|%/g, (character) => encodeURIComponent(character));
}

interface ResolvedCredentials {
	connection: GowaConnection;
	credentials: ICredentialDataDecryptedObject;
}

/** Credentials are read and decrypted once per execution context, not once per item and request. */
const resolvedCredentials = new WeakMap<object, Promise<ResolvedCredentials>>();

async function resolveCredentials(context: GowaContext, itemIndex?: number): Promise<ResolvedCredentials> {
	let pending = resolvedCredentials.get(context);
	if (pending === undefined) {
		pending = (async () => {
			const credentials = await context.getCredentials(CREDENTIAL_TYPE, itemIndex);
			const baseUrl = stringField(credentials, 'baseUrl').replace(/\/+$/, '');
			return {
				credentials,
				connection: {
					baseUrl,
					defaultDeviceId: stringField(credentials, 'deviceId'),
					defaultCountryCode: stringField(credentials, 'defaultCountryCode'),
				},
			};
		})();
		resolvedCredentials.set(context, pending);
		pending.catch(() => resolvedCredentials.delete(context));
	}
	const resolved = await pending;
	parseBaseUrl(context, resolved.connection.baseUrl, itemIndex);
	return resolved;
}

export async function getConnection(this: GowaContext, itemIndex?: number): Promise<GowaConnection> {
	return (await resolveCredentials(this, itemIndex)).connection;
}

/** MIME type and file name of a download: from Content-Type and Content-Disposition, else the URL's last segment. */
function downloadedFileInfo(headers: IDataObject, target: URL): { mimeType?: string; fileName?: string } {
	const contentType = headers['content-type'];
	const fallbackName = decodeURIComponent(target.pathname.split('/').pop() ?? '') || undefined;
	return {
		mimeType: typeof contentType === 'string' ? contentType.split(';')[0].trim() : undefined,
		fileName: dispositionFileName(headers) ?? fallbackName,
	};
}

function parseEnvelope(body: unknown): GowaEnvelope | undefined {
	let parsed: unknown = body;
	if (Buffer.isBuffer(parsed)) parsed = parsed.toString('utf8');
	if (typeof parsed === 'string') {
		const text = parsed.trim();
		if (!text.startsWith('{')) return undefined;
		try {
			parsed = JSON.parse(text);
		} catch {
			return undefined;
		}
	}
	if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as GowaEnvelope;
	return undefined;
}

function plainText(body: unknown): string | undefined {
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : undefined;
	if (text === undefined) return undefined;
	const trimmed = text.trim();
	return trimmed === '' ? undefined : trimmed.slice(0, 300);
}

interface PreparedRequest {
	options: IHttpRequestOptions;
	credentials: ICredentialDataDecryptedObject;
	host: string;
	deviceId: string;
	timeoutMs: number;
}

async function sendOnce(
	context: GowaContext,
	request: GowaRequest,
	prepared: PreparedRequest,
): Promise<GowaRawResponse & { envelope?: GowaEnvelope }> {
	const { options, host, deviceId, timeoutMs, credentials } = prepared;
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, { ...options, headers: { ...options.headers } }, {
			credentialsDecrypted: { id: '', name: '', type: CREDENTIAL_TYPE, data: { ...credentials } },
		})) as IN8nHttpFullResponse;
	} catch (error) {
		if (error instanceof NodeOperationError) {
			throw new NodeOperationError(context.getNode(), error, { itemIndex: request.itemIndex });
		}
		const failure: GowaFailure = { networkCode: networkCodeOf(error) ?? 'UNKNOWN', host, deviceId: deviceId || undefined, timeoutMs };
		throw gowaApiError(context.getNode(), failure, request.itemIndex);
	}

	const body = bodyBuffer(response.body);
	const envelope = request.binary && response.statusCode < 300 ? undefined : parseEnvelope(body);
	if (response.statusCode >= 300) {
		const failure: GowaFailure = {
			httpCode: response.statusCode,
			code: typeof envelope?.code === 'string' ? envelope.code : undefined,
			// Quoted in the error: never let a server echo the credential's secrets back to the user.
			serverMessage: redactSecrets(typeof envelope?.message === 'string' ? envelope.message : plainText(body), credentials),
			host,
			deviceId: deviceId || undefined,
			retryAfterMs: retryAfterMs(response.headers ?? {}),
		};
		throw gowaApiError(context.getNode(), failure, request.itemIndex);
	}
	return { statusCode: response.statusCode, headers: response.headers ?? {}, body, envelope };
}

function dailyLimitError(context: GowaContext, reached: DailyLimitReached, deviceId: string, itemIndex?: number): NodeOperationError {
	const error = new NodeOperationError(context.getNode(), `Daily limit of ${reached.limit} messages reached for device ${deviceId === '' ? '(default)' : `"${deviceId}"`}`, {
		itemIndex,
		description: 'Nothing was sent for this item. Raise Messages per Day in Sending options, or send the rest tomorrow; choose "Return Unsent" to get these items back with status skipped instead of failing.',
	});
	Object.assign(error, { dailyLimitReached: true });
	return error;
}

/**
 * Sends one request and returns the full answer. Non-2xx answers and network failures become a NodeApiError with an
 * actionable message (see errors.ts). Inside the action node a delivery policy (delivery.ts) paces message sends per
 * device and retries transient failures with backoff; a send whose outcome is unknown is not repeated unless allowed.
 */
export async function gowaRawRequest(this: GowaContext, request: GowaRequest): Promise<GowaRawResponse & { envelope?: GowaEnvelope }> {
	const policy = deliveryPolicyOf(this);
	const { connection, credentials } = await resolveCredentials(this, request.itemIndex);
	const url = joinUrl(connection.baseUrl, request.path, request.atServerRoot);
	const host = new URL(url).host;
	const deviceId = request.deviceScoped ? (request.deviceId ?? '').trim() || connection.defaultDeviceId : '';
	const headers: IDataObject = {};
	if (deviceId !== '') headers['X-Device-Id'] = encodeDeviceHeader(deviceId);
	if (!request.binary) headers.Accept = 'application/json';
	const timeoutMs = request.timeoutMs ?? policy?.settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;

	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		headers,
		qs: request.qs,
		timeout: timeoutMs,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
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

	const prepared: PreparedRequest = { options, credentials, host, deviceId, timeoutMs };
	const paced = policy !== undefined && isMessageSend(request.method, request.path);
	const idempotent = request.method === 'GET';
	for (let attempt = 1; ; attempt++) {
		if (paced) {
			try {
				await policy.pacer.acquire(`${connection.baseUrl}#${deviceId}`);
			} catch (error) {
				if (error instanceof DailyLimitReached) throw dailyLimitError(this, error, deviceId, request.itemIndex);
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: request.itemIndex });
			}
		}
		policy?.recordAttempt(request.itemIndex);
		let failed: NodeApiError | NodeOperationError;
		try {
			return await sendOnce(this, request, prepared);
		} catch (error) {
			failed = error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(this.getNode(), error as Error, { itemIndex: request.itemIndex });
		}
		const gowa = gowaFailureOf(failed);
		const retryAfter = gowa?.failure.retryAfterMs;
		if (policy === undefined || request.noRetry === true || gowa === undefined || !shouldRetry(policy.settings, gowa, attempt, idempotent, retryAfter)) {
			Object.assign(failed, { attempts: attempt });
			throw failed;
		}
		await sleep(backoffMs(policy.settings, attempt, retryAfter));
	}
}

/** Turns GOWA's `results` into an object: never an empty string, never undefined. */
export function resultsAsObject(envelope: GowaEnvelope | undefined): IDataObject | IDataObject[] {
	const results = envelope?.results;
	if (Array.isArray(results)) return results as IDataObject[];
	if (results && typeof results === 'object') return results as IDataObject;
	const base: IDataObject = { success: true, code: envelope?.code ?? 'SUCCESS', message: envelope?.message ?? '' };
	if (results !== undefined && results !== null && results !== '') base.result = results as string;
	return base;
}

/** Sends a request and returns GOWA's `results` unwrapped (see resultsAsObject). */
export async function gowaRequest(this: GowaContext, request: GowaRequest): Promise<IDataObject | IDataObject[]> {
	const response = await gowaRawRequest.call(this, request);
	if (response.envelope === undefined) {
		const text = plainText(response.body);
		return { success: true, code: 'SUCCESS', message: text ?? '' };
	}
	return resultsAsObject(response.envelope);
}

/** Sends a request and returns the whole envelope `{code, message, results}` (for lists whose `results` may be null). */
export async function gowaEnvelopeRequest(this: GowaContext, request: GowaRequest): Promise<GowaEnvelope> {
	const response = await gowaRawRequest.call(this, request);
	return response.envelope ?? { code: 'SUCCESS', message: plainText(response.body) ?? '' };
}

/**
 * Downloads a file GOWA serves (statics/… paths, `file_url`, `qr_link`). Basic auth is only ever sent to the
 * credential's own server: a link naming another host (GOWA behind a proxy builds links from the Host header it
 * saw) is re-rooted onto the credential's Base URL from its `/statics/` part.
 */
export async function gowaDownload(
	this: GowaContext,
	urlOrPath: string,
	itemIndex?: number,
): Promise<{ body: Buffer; mimeType?: string; fileName?: string }> {
	const connection = await getConnection.call(this, itemIndex);
	const base = new URL(`${connection.baseUrl}/`);
	let target = /^https?:\/\//i.test(urlOrPath) ? new URL(urlOrPath) : new URL(urlOrPath.replace(/^\/+/, ''), base);
	if (target.host !== base.host) {
		const staticsAt = target.pathname.indexOf('/statics/');
		if (staticsAt < 0) {
			throw new NodeOperationError(this.getNode(), `The file is on another host (${target.host}) than the GOWA server`, {
				itemIndex,
				description: 'Only files served by the GOWA server of this credential are downloaded.',
			});
		}
		target = new URL(`${target.pathname.slice(staticsAt + 1)}${target.search}`, base);
	}
	const response = await gowaRawRequest.call(this, {
		method: 'GET',
		path: `${target.pathname}${target.search}`,
		atServerRoot: true,
		itemIndex,
		binary: true,
	});
	return { body: response.body, ...downloadedFileInfo(response.headers, target) };
}

/**
 * Downloads a file from a public https address that GOWA hands out but does not serve itself, e.g. a profile picture
 * on WhatsApp's CDN (pps.whatsapp.net). No credentials are sent there. Links on the credential's own host go through
 * gowaDownload (with basic auth).
 */
export async function publicDownload(
	this: IExecuteFunctions,
	url: string,
	itemIndex?: number,
): Promise<{ body: Buffer; mimeType?: string; fileName?: string }> {
	const connection = await getConnection.call(this, itemIndex);
	let target: URL | undefined;
	try {
		target = new URL(url);
	} catch {
		target = undefined;
	}
	if (target !== undefined && target.host === new URL(connection.baseUrl).host) return await gowaDownload.call(this, url, itemIndex);
	if (target === undefined || target.protocol !== 'https:') {
		throw new NodeOperationError(this.getNode(), `GOWA returned a link that cannot be downloaded: "${url.slice(0, 200)}"`, {
			itemIndex,
			description: 'Only https links, or links on the GOWA server itself, are downloaded.',
		});
	}
	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequest({
			method: 'GET',
			url: target.toString(),
			encoding: 'arraybuffer',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: DEFAULT_TIMEOUT_MS,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		throw gowaApiError(this.getNode(), { networkCode: networkCodeOf(error) ?? 'UNKNOWN', host: target.host, timeoutMs: DEFAULT_TIMEOUT_MS }, itemIndex);
	}
	const body = bodyBuffer(response.body);
	if (response.statusCode >= 300) {
		throw new NodeApiError(this.getNode(), { httpCode: response.statusCode, host: target.host } as JsonObject, {
			message: `Could not download the file from ${target.host} (HTTP ${response.statusCode})`,
			description: 'Links to WhatsApp pictures expire after a while: fetch the link again and download it straight away.',
			httpCode: String(response.statusCode),
			itemIndex,
		});
	}
	return { body, ...downloadedFileInfo(response.headers ?? {}, target) };
}
