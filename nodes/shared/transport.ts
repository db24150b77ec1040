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
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { DailyLimitReached, backoffMs, deliveryPolicyOf, isMessageSend, shouldRetry } from './delivery';
import type { GowaFailure } from './errors';
import { credentialSecrets, gowaApiError, gowaFailureOf, quoteRedacted, redactSecretValues } from './errors';
import { bodyBuffer, decodeFileName, dispositionFileName, networkCodeOf, retryAfterMs } from './http';
import { hasDotSegment } from './path';

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
	/**
	 * A scheduled send (GOWA v9.5): its answer carries no message id. Every other message send must carry one,
	 * or it is not counted as sent (see checkSendAnswer).
	 */
	scheduledSend?: boolean;
	/**
	 * Secrets this request carries besides the credential's (e.g. the trigger's generated webhook secret in a
	 * registration): removed, like the credential's, from any answer text quoted in an output or error.
	 */
	secrets?: string[];
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

/** A 2xx answer: GOWA's envelope, or (plain-text `/health`) its text with secrets removed, cut to 300 characters. */
export type GowaAnswer = GowaRawResponse & { envelope?: GowaEnvelope; text?: string };

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

/**
 * Device IDs may be non-ASCII; GOWA URL-unescapes the header (query rules: `+` becomes a space), so percent-encode
 * what HTTP headers cannot carry, `%` and `+`.
 */
export function encodeDeviceHeader(deviceId: string): string {
	return deviceId.replace(/[^\x21-\x7e]|[%+]/g, (character) => encodeURIComponent(character));
}

interface ResolvedCredentials {
	connection: GowaConnection;
	credentials: ICredentialDataDecryptedObject;
	/** The credential's secrets in every form they may come back in (see credentialSecrets). */
	secrets: string[];
}

interface CredentialCache {
	/** One resolution per item (or one for the context when no item is given). */
	byItem: Map<number, Promise<ResolvedCredentials>>;
	/** Resolutions with the same values share one object: the common static credential is prepared once. */
	byValues: Map<string, ResolvedCredentials>;
}

const NO_ITEM = -1;

/**
 * Credentials are resolved per item, as n8n evaluates credential fields that hold expressions per item
 * (`getCredentials(type, itemIndex)`): one workflow may serve many tenants. Each item resolves once, however many
 * requests it makes, and the request helper is handed the decrypted data (it does not decrypt again per request).
 */
const credentialCaches = new WeakMap<object, CredentialCache>();

function credentialCacheOf(context: GowaContext): CredentialCache {
	let cache = credentialCaches.get(context);
	if (cache === undefined) {
		cache = { byItem: new Map(), byValues: new Map() };
		credentialCaches.set(context, cache);
	}
	return cache;
}

function prepareCredentials(cache: CredentialCache, credentials: ICredentialDataDecryptedObject): ResolvedCredentials {
	const key = JSON.stringify(Object.keys(credentials).sort().map((name) => [name, credentials[name]]));
	let resolved = cache.byValues.get(key);
	if (resolved === undefined) {
		resolved = {
			credentials,
			secrets: credentialSecrets(credentials),
			connection: {
				baseUrl: stringField(credentials, 'baseUrl').replace(/\/+$/, ''),
				defaultDeviceId: stringField(credentials, 'deviceId'),
				defaultCountryCode: stringField(credentials, 'defaultCountryCode'),
			},
		};
		cache.byValues.set(key, resolved);
	}
	return resolved;
}

async function resolveCredentials(context: GowaContext, itemIndex?: number): Promise<ResolvedCredentials> {
	const cache = credentialCacheOf(context);
	const key = itemIndex ?? NO_ITEM;
	let pending = cache.byItem.get(key);
	if (pending === undefined) {
		pending = context.getCredentials(CREDENTIAL_TYPE, itemIndex).then((credentials) => prepareCredentials(cache, credentials));
		cache.byItem.set(key, pending);
		pending.catch(() => cache.byItem.delete(key));
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
	const fallbackName = decodeFileName(target.pathname.split('/').pop() ?? '') || undefined;
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

/** A server's text, secrets removed before it is cut to 300 characters, for quoting in an output or error. */
function plainText(body: unknown, secrets: readonly string[]): string | undefined {
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : undefined;
	if (text === undefined) return undefined;
	const trimmed = text.trim();
	return trimmed === '' ? undefined : quoteRedacted(trimmed, secrets, 300);
}

/** The first bytes of an answer that is not GOWA's, as one line: enough to recognise a login or maintenance page. */
function firstBytes(body: Buffer, secrets: readonly string[]): string | undefined {
	const text = body.subarray(0, 4096).toString('utf8').replace(/\s+/g, ' ').trim();
	return text === '' ? undefined : quoteRedacted(text, secrets, 80);
}

/** Where a redirect pointed, as origin and path only (a query may carry tokens), secrets removed. */
function redirectTarget(headers: IDataObject, from: string, secrets: readonly string[]): string | undefined {
	const location = headers.location;
	if (typeof location !== 'string' || location === '') return undefined;
	let target: string;
	try {
		const url = new URL(location, from);
		target = `${url.origin}${url.pathname}`;
	} catch {
		target = location.split(/[?#]/)[0];
	}
	return quoteRedacted(target, secrets, 200);
}

/** The human-readable texts of a 2xx answer, which outputs quote (`message`, `results.status`, `results.message`). */
const QUOTED_TEXTS = ['status', 'message'];

/**
 * GOWA's texts of a 2xx answer are quoted in outputs: without secrets a server may have echoed. Data fields are
 * left as they are (a device's webhook configuration is read to be restored, secret included).
 */
function redactEnvelope(envelope: GowaEnvelope | undefined, secrets: readonly string[]): GowaEnvelope | undefined {
	if (envelope === undefined || secrets.length === 0) return envelope;
	const redacted: GowaEnvelope = { ...envelope };
	if (typeof envelope.message === 'string') redacted.message = redactSecretValues(envelope.message, secrets);
	const results = envelope.results;
	if (results && typeof results === 'object' && !Array.isArray(results)) {
		const copy: IDataObject = { ...(results as IDataObject) };
		for (const key of QUOTED_TEXTS) {
			if (typeof copy[key] === 'string') copy[key] = redactSecretValues(copy[key] as string, secrets);
		}
		redacted.results = copy;
	}
	return redacted;
}

interface PreparedRequest {
	options: IHttpRequestOptions;
	credentials: ICredentialDataDecryptedObject;
	secrets: string[];
	host: string;
	deviceId: string;
	timeoutMs: number;
}

async function sendOnce(
	context: GowaContext,
	request: GowaRequest,
	prepared: PreparedRequest,
): Promise<GowaAnswer> {
	const { options, host, deviceId, timeoutMs, credentials, secrets } = prepared;
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
	const headers = response.headers ?? {};
	const base: GowaFailure = { host, deviceId: deviceId || undefined, httpCode: response.statusCode };
	const envelope = request.binary && response.statusCode < 300 ? undefined : parseEnvelope(body);
	if (response.statusCode >= 300) {
		const failure: GowaFailure = {
			...base,
			code: typeof envelope?.code === 'string' ? envelope.code : undefined,
			// Quoted in the error: never let a server echo the credential's secrets back to the user.
			serverMessage: typeof envelope?.message === 'string' ? quoteRedacted(envelope.message, secrets, 300) : plainText(body, secrets),
			retryAfterMs: retryAfterMs(headers),
			location: response.statusCode < 400 ? redirectTarget(headers, options.url, secrets) : undefined,
		};
		// A proxy's error page is HTML: never quoted.
		if (envelope === undefined && /html/i.test(String(headers['content-type'] ?? ''))) failure.serverMessage = undefined;
		throw gowaApiError(context.getNode(), failure, request.itemIndex);
	}
	// Every GOWA route answers a JSON envelope, except `/health` at the server root (plain-text "OK").
	if (!request.binary && !request.atServerRoot && envelope === undefined) {
		const contentType = typeof headers['content-type'] === 'string' ? headers['content-type'].split(';')[0].trim() : undefined;
		throw gowaApiError(context.getNode(), { ...base, notGowa: 'notJson', contentType: contentType || 'no content type', serverMessage: firstBytes(body, secrets) }, request.itemIndex);
	}
	checkSendAnswer(context, request, envelope, base, secrets);
	const text = envelope === undefined && !request.binary ? plainText(body, secrets) : undefined;
	return { statusCode: response.statusCode, headers, body, envelope: redactEnvelope(envelope, secrets), text };
}

/** A message send answered 2xx counts as sent only with a message id; a scheduled send (v9.5) has none. */
function checkSendAnswer(context: GowaContext, request: GowaRequest, envelope: GowaEnvelope | undefined, base: GowaFailure, secrets: readonly string[]): void {
	if (request.binary || request.scheduledSend === true || !isMessageSend(request.method, request.path)) return;
	const results = envelope?.results;
	const messageId = results && typeof results === 'object' && !Array.isArray(results) ? (results as IDataObject).message_id : undefined;
	if ((typeof messageId === 'string' && messageId.trim() !== '') || typeof messageId === 'number') return;
	const message = typeof envelope?.message === 'string' ? quoteRedacted(envelope.message, secrets, 300) : undefined;
	throw gowaApiError(context.getNode(), { ...base, notGowa: 'noMessageId', code: envelope?.code, serverMessage: message }, request.itemIndex);
}

function dailyLimitError(context: GowaContext, reached: DailyLimitReached, deviceId: string, itemIndex?: number): NodeOperationError {
	const error = new NodeOperationError(context.getNode(), `Limit of ${reached.limit} messages per execution reached for device ${deviceId === '' ? '(default)' : `"${deviceId}"`}`, {
		itemIndex,
		description: 'Nothing was sent for this item. Raise Max Messages per Execution in Sending options, or send the rest in a later execution; choose "Return Unsent" to get these items back with status skipped instead of failing.',
	});
	Object.assign(error, { dailyLimitReached: true });
	return error;
}

/**
 * Sends one request and returns the full answer. Non-2xx answers and network failures become a NodeApiError with an
 * actionable message (see errors.ts). Inside the action node a delivery policy (delivery.ts) paces message sends per
 * device and retries transient failures with backoff; a send whose outcome is unknown is not repeated unless allowed.
 */
export async function gowaRawRequest(this: GowaContext, request: GowaRequest): Promise<GowaAnswer> {
	const policy = deliveryPolicyOf(this);
	const resolved = await resolveCredentials(this, request.itemIndex);
	const { connection, credentials } = resolved;
	const secrets = request.secrets?.length ? [...resolved.secrets, ...request.secrets.filter((secret) => secret !== '')] : resolved.secrets;
	if (hasDotSegment(request.path)) {
		throw new NodeOperationError(this.getNode(), 'An ID of "." or ".." cannot be used: it would change the address of the request', {
			itemIndex: request.itemIndex,
			description: 'Device, message and chat IDs are never "." or "..". Check the field (or the expression) that gave this value.',
		});
	}
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
		// Redirects are never followed: a 30x is reported (class "redirect"), so the credential cannot reach another
		// origin, and a send cannot be replayed or turned into a GET by a hop. n8n's helper would re-send Basic auth to
		// any host by default; both switches are set in case one of them is ignored by some n8n version.
		disableFollowRedirect: true,
		maxRedirects: 0,
		sendCredentialsOnCrossOriginRedirect: false,
	};
	if (request.body !== undefined) {
		if (request.body instanceof FormData) {
			options.body = request.body;
		} else {
			headers['Content-Type'] = 'application/json';
			options.body = JSON.stringify(request.body);
		}
	}

	const prepared: PreparedRequest = { options, credentials, secrets, host, deviceId, timeoutMs };
	const paced = policy !== undefined && isMessageSend(request.method, request.path);
	const idempotent = request.method === 'GET';
	const deviceKey = `${connection.baseUrl}#${deviceId}`;
	for (let attempt = 1; ; attempt++) {
		try {
			// Cancelled execution or the router's validation pass: no request starts.
			policy?.beforeRequest(request.itemIndex);
			if (paced) await policy.pacer.acquire(deviceKey);
		} catch (error) {
			if (error instanceof DailyLimitReached) throw dailyLimitError(this, error, deviceId, request.itemIndex);
			// Cancelled, or held by the router's validation pass (which knows the item reached its request).
			throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex: request.itemIndex });
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
		const retrying = policy !== undefined && request.noRetry !== true && gowa !== undefined && shouldRetry(policy.settings, gowa, attempt, idempotent, retryAfter);
		const delayMs = policy === undefined ? 0 : backoffMs(policy.settings, attempt, retryAfter);
		if (paced) policy.afterFailedSend(deviceKey, gowa, retrying, delayMs);
		if (!retrying) {
			Object.assign(failed, { attempts: attempt });
			throw failed;
		}
		// A 429 paused the whole device queue: the retry waits for its slot in acquire(), like every other item.
		if (!(paced && gowa?.failure.httpCode === 429)) {
			try {
				await policy.waitBeforeRetry(delayMs);
			} catch {
				Object.assign(failed, { attempts: attempt });
				throw failed;
			}
		}
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
	if (response.envelope === undefined) return { success: true, code: 'SUCCESS', message: response.text ?? '' };
	return resultsAsObject(response.envelope);
}

/** Sends a request and returns the whole envelope `{code, message, results}` (for lists whose `results` may be null). */
export async function gowaEnvelopeRequest(this: GowaContext, request: GowaRequest): Promise<GowaEnvelope> {
	const response = await gowaRawRequest.call(this, request);
	return response.envelope ?? { code: 'SUCCESS', message: response.text ?? '' };
}

/** Only what GOWA serves as files may be downloaded with the credential: `{base}/statics/…`, nothing above it. */
const ENCODED_SEPARATOR = /%(?:2f|5c|2e)|\\/i;

function downloadRefused(context: GowaContext, itemIndex: number | undefined, location: string, secrets: readonly string[]): NodeOperationError {
	return new NodeOperationError(context.getNode(), `GOWA pointed to "${quoteRedacted(location, secrets, 200)}", which is not a file below its statics folder`, {
		itemIndex,
		description: 'Only files GOWA serves under {Base URL}/statics/ are downloaded with the credential. A link to any other address (an API route, another host) is refused.',
	});
}

/**
 * Downloads a file GOWA serves (statics/… paths, `file_url`, `qr_link`): only below `{base}/statics/`, so a hostile
 * event (`"image": "app/logout"`) cannot make the node call an API route. Basic auth is only ever sent to the
 * credential's own server: a link naming another host (GOWA behind a proxy builds links from the Host header it
 * saw) is re-rooted onto the credential's Base URL from its `/statics/` part.
 */
export async function gowaDownload(
	this: GowaContext,
	urlOrPath: string,
	itemIndex?: number,
): Promise<{ body: Buffer; mimeType?: string; fileName?: string }> {
	const { connection, secrets } = await resolveCredentials(this, itemIndex);
	const base = new URL(`${connection.baseUrl}/`);
	// A lone `%` (`Diskon 50%.pdf`) is a literal percent sign, not an escape.
	const location = urlOrPath.trim().replace(/%(?![0-9A-Fa-f]{2})/g, '%25');
	let target: URL;
	try {
		target = /^[a-z][a-z0-9+.-]*:/i.test(location) ? new URL(location) : new URL(location.replace(/^\/+/, ''), base);
	} catch {
		throw downloadRefused(this, itemIndex, urlOrPath, secrets);
	}
	if (target.origin !== base.origin) {
		const staticsAt = target.pathname.indexOf('/statics/');
		if ((target.protocol !== 'http:' && target.protocol !== 'https:') || staticsAt < 0) throw downloadRefused(this, itemIndex, urlOrPath, secrets);
		target = new URL(`${target.pathname.slice(staticsAt + 1)}${target.search}`, base);
	}
	const statics = `${base.pathname}statics/`;
	if (!target.pathname.startsWith(statics) || target.pathname.length === statics.length || ENCODED_SEPARATOR.test(target.pathname.slice(statics.length))) {
		throw downloadRefused(this, itemIndex, urlOrPath, secrets);
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
	if (target !== undefined && target.origin === new URL(connection.baseUrl).origin) return await gowaDownload.call(this, url, itemIndex);
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
