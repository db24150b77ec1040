import type { ICredentialDataDecryptedObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** What went wrong talking to GOWA, stripped of anything secret (no headers, no auth, no request config). */
export interface GowaFailure {
	/** HTTP status, when the server answered. */
	httpCode?: number;
	/** GOWA's `code` string from its JSON envelope (e.g. `VALIDATION_ERROR`); absent for plain-text answers. */
	code?: string;
	/** GOWA's `message`, or the plain-text body. */
	serverMessage?: string;
	/** Network-level error code (ECONNREFUSED, ENOTFOUND, ETIMEDOUT, ECONNRESET…) when nothing was answered. */
	networkCode?: string;
	/** Host (no credentials) the request went to, for messages. */
	host?: string;
	/** Device the request was scoped to, if any. */
	deviceId?: string;
	/** Request timeout in ms, for the timeout message. */
	timeoutMs?: number;
	/** `Retry-After` header, in ms, if the server sent one. */
	retryAfterMs?: number;
	/** A 3xx answer's target, reduced to origin and path (never followed, see transport.ts). */
	location?: string;
	/** Content-Type of an answer that is not a GOWA envelope. */
	contentType?: string;
	/** The answer was 2xx but not GOWA's: `notJson` (HTML page, captive portal…) or `noMessageId` (a send without id). */
	notGowa?: 'notJson' | 'noMessageId';
}

export type FailureClass =
	| 'credentials'
	| 'notLoggedIn'
	| 'unknownDevice'
	| 'deviceRequired'
	| 'validation'
	| 'notOnWhatsApp'
	| 'reachOutTimelock'
	| 'neverPaired'
	| 'serverError'
	| 'gatewayTimeout'
	| 'notFound'
	| 'tooLarge'
	| 'rejected'
	| 'redirect'
	| 'proxyError'
	| 'notGowaAnswer'
	| 'noMessageId'
	| 'connectionRefused'
	| 'dns'
	| 'tls'
	| 'timeout'
	| 'connectionReset'
	| 'responseCut'
	| 'network';

export interface DescribedFailure {
	class: FailureClass;
	message: string;
	description: string;
	/** Worth retrying later with the same request (server busy or unreachable). */
	transient: boolean;
	/** The server may have delivered the message even though we got no answer. */
	deliveryUnknown: boolean;
}

/**
 * Network failures that prove the request never reached the server: no connection (refused, unreachable), no
 * address (DNS), or a TLS handshake that failed before anything was written. Only these are safe to retry for a
 * message send; every other failure without an answer may have been delivered (see shouldRetry in delivery.ts).
 */
const NOTHING_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

/** Certificate and handshake failures (Node's TLS error codes): the request is only written after the handshake. */
const TLS_FAILURE = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_TLS_|ERR_SSL_|HOSTNAME_MISMATCH|EPROTO$)/;

/** Whether a network-level error code proves that nothing reached the server. */
export function provesNothingSent(networkCode: string | undefined): boolean {
	return networkCode !== undefined && (NOTHING_SENT.has(networkCode) || TLS_FAILURE.test(networkCode));
}

/** GOWA answers 500 for lookups that will never succeed on a retry (unknown device, duplicate id, nothing pending). */
const PERMANENT_500 = /not found|already exists|no pending|not implemented|invalid|is empty|not registered|has no /i;

function said(failure: GowaFailure): string {
	return failure.serverMessage ? ` GOWA said: "${failure.serverMessage}".` : '';
}

function status(failure: GowaFailure): string {
	return [failure.httpCode, failure.code].filter((part) => part !== undefined && part !== '').join(' ');
}

type Build = (cls: FailureClass, message: string, description: string, transient?: boolean, deliveryUnknown?: boolean) => DescribedFailure;

/** Failures without an HTTP answer. Only those that prove nothing was sent leave the delivery known. */
function describeNetworkFailure(failure: GowaFailure, host: string, build: Build): DescribedFailure {
	const code = failure.networkCode ?? '';
	if (code === 'ECONNREFUSED') {
		return build(
			'connectionRefused',
			`Could not connect to ${host}: the connection was refused`,
			'Nothing is listening at the Base URL. Check the host and port in the WhatsApp MultiDevice API credential and that the GOWA server is running.',
			true,
		);
	}
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return build(
			'dns',
			`The host name of ${host} could not be resolved`,
			'Check the spelling of the Base URL in the credential, and that this n8n instance can resolve that name (DNS).',
			code === 'EAI_AGAIN',
		);
	}
	if (TLS_FAILURE.test(code)) {
		return build(
			'tls',
			`The TLS connection to ${host} failed (${code})`,
			'Nothing was sent. Check the server’s certificate (expired, self-signed, wrong host name) or use the address its certificate is issued for.',
		);
	}
	if (code === 'ETIMEDOUT' || code === 'ECONNABORTED' || code === 'ESOCKETTIMEDOUT' || code === 'TIMEOUT') {
		const seconds = failure.timeoutMs ? ` within ${Math.round(failure.timeoutMs / 1000)} s` : '';
		return build(
			'timeout',
			`${host} did not answer${seconds}`,
			'The request may still have been carried out (a message may have been sent). Check the chat before sending again, raise Timeout in the options, or check the server’s load.',
			true,
			true,
		);
	}
	if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED_BY_PEER') {
		return build(
			'connectionReset',
			`The connection to ${host} was closed before GOWA answered`,
			'The request may or may not have been carried out. Check the chat before sending again; if it keeps happening, check proxies between n8n and GOWA.',
			true,
			true,
		);
	}
	if (code === 'ERR_BAD_RESPONSE' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ABORTED') {
		return build(
			'responseCut',
			`The connection to ${host} broke while GOWA’s answer was arriving`,
			'GOWA received the request and started to answer, so a message may have been sent. Check the chat before sending again; if it keeps happening, check proxies between n8n and GOWA.',
			true,
			true,
		);
	}
	return build(
		'network',
		`Could not reach ${host}${code ? ` (${code})` : ''}`,
		`Check the Base URL in the credential, the network between n8n and GOWA, and TLS settings.${provesNothingSent(code) ? '' : ' The request may or may not have reached GOWA: check the chat before sending again.'}`,
		true,
		!provesNothingSent(code),
	);
}

/** Classifies a failure and writes what happened and how to fix it. */
export function describeFailure(failure: GowaFailure): DescribedFailure {
	const host = failure.host ?? 'the GOWA server';
	// With no Device ID set GOWA picked the device itself: the sentences then name no device.
	const theDevice = failure.deviceId ? `WhatsApp device "${failure.deviceId}"` : 'The WhatsApp device';
	const build: Build = (cls, message, description, transient = false, deliveryUnknown = false) => ({
		class: cls,
		message,
		description,
		transient,
		deliveryUnknown,
	});

	if (failure.httpCode === undefined) return describeNetworkFailure(failure, host, build);

	const http = failure.httpCode;
	const code = failure.code ?? '';
	if (failure.notGowa === 'notJson') {
		return build(
			'notGowaAnswer',
			`${host} answered HTTP ${http}${failure.contentType ? ` with ${failure.contentType}` : ''}, which is not a GOWA answer${failure.serverMessage ? `: "${failure.serverMessage}"` : ''}`,
			'GOWA always answers JSON. Something else answered at this address: a Base URL missing its base path (APP_BASE_PATH), a maintenance page or a captive portal. Nothing is counted as sent; check Base URL in the credential.',
		);
	}
	if (failure.notGowa === 'noMessageId') {
		return build(
			'noMessageId',
			`GOWA answered the send without a message ID (HTTP ${http}), so it is not counted as sent`,
			`A GOWA send answer always carries results.message_id. Check the chat before sending again, and that Base URL points at GOWA itself.${said(failure)}`,
			false,
			true,
		);
	}
	if (http >= 300 && http < 400) {
		return build(
			'redirect',
			`${host} answered with a redirect (HTTP ${http})${failure.location ? ` to ${failure.location}` : ''}, which is not followed`,
			'Redirects are never followed for GOWA requests, so the username and password cannot reach another address. Set Base URL in the credential to the address GOWA really answers at (scheme, host, port and base path).',
		);
	}
	if ((http === 502 || http === 504) && code === '') {
		return build(
			'proxyError',
			`The proxy in front of GOWA could not reach it (HTTP ${http})`,
			'A reverse proxy answered instead of GOWA: GOWA is down, restarting or too slow behind it. The request may or may not have reached GOWA, so a message may have been sent: check the chat before sending again, then check GOWA and the proxy.',
			true,
			true,
		);
	}
	if (http === 401 && code === '') {
		return build(
			'credentials',
			'GOWA rejected the username or password (HTTP 401)',
			'Check Username and Password in the WhatsApp MultiDevice API credential: they must match one user:password pair of the server’s --basic-auth (APP_BASIC_AUTH) setting.',
		);
	}
	if (http === 401) {
		return build(
			'notLoggedIn',
			`${theDevice} is not logged in or not connected`,
			`Pair the device (Device → Log In With QR Code or Log In With Pairing Code) or reconnect it (Device → Reconnect), then run again.${said(failure)}`,
		);
	}
	if (code === 'DEVICE_NOT_FOUND') {
		return build(
			'unknownDevice',
			failure.deviceId ? `GOWA has no device "${failure.deviceId}"` : 'GOWA has no such device',
			'Check the Device field of the node or the Default Device ID of the credential. Device → Get Many lists the devices this server has; the ID may also be the device’s WhatsApp JID.',
		);
	}
	if (code === 'DEVICE_ID_REQUIRED') {
		return build(
			'deviceRequired',
			'GOWA needs to know which device to use',
			'The server has no device or several devices, and no Device ID was given. Set Default Device ID in the credential or the Device field of the node; on a fresh server create a device first (Device → Add) and pair it.',
		);
	}
	if (code === 'INVALID_JID') {
		return build(
			'notOnWhatsApp',
			'The recipient is not on WhatsApp',
			`Check the number: country code included, no leading 0, no extra digits.${said(failure)}`,
		);
	}
	if (http === 429 || code === 'WA_REACHOUT_TIMELOCK') {
		return build(
			'reachOutTimelock',
			'WhatsApp is temporarily blocking this number from messaging new contacts (error 463, reach-out timelock)',
			`WhatsApp limits how many people a number may contact first, especially new or fast-sending numbers. Wait before retrying, prefer contacts who have written to this number before, and slow bulk sends down with a rate limit.${said(failure)}`,
			true,
		);
	}
	if (code === 'VALIDATION_ERROR' || code === 'BAD_REQUEST' || code === 'INVALID_GROUP_ID' || code === 'INVALID_IMAGE_FORMAT' || code === 'ALREADY_LOGGED_IN') {
		const what = failure.serverMessage ?? code;
		return build(
			'validation',
			`GOWA rejected the request: ${what}`,
			`Fix the field the message names and run again (HTTP ${status(failure)}).`,
		);
	}
	if (code === 'INVALID_WA_CLI') {
		return build(
			'neverPaired',
			`${theDevice} has never been paired`,
			'Start a login for this device (Device → Log In With QR Code or Log In With Pairing Code) and scan the QR code or enter the pairing code on the phone.',
		);
	}
	if (http === 504 || code === 'GATEWAY_TIMEOUT') {
		return build(
			'gatewayTimeout',
			'GOWA gave up waiting for WhatsApp (HTTP 504, 45 s deadline)',
			'WhatsApp did not answer in time; the message may or may not have been sent. Check the chat before sending again.',
			true,
			true,
		);
	}
	if (http === 413) {
		return build(
			'tooLarge',
			'The upload is larger than GOWA accepts (HTTP 413)',
			'GOWA accepts request bodies up to 100 MB (files 50 MB, images 20 MB). Send a smaller file, or a link to it.',
		);
	}
	if (http === 404 && code === '') {
		return build(
			'notFound',
			`No GOWA API answered at this path on ${host} (HTTP 404)`,
			'Check Base URL in the credential, including the base path (APP_BASE_PATH) if the server has one, e.g. https://wa.example.com/gowa. GOWA before v8.11 also lacks some routes.',
		);
	}
	if (http >= 500) {
		return build(
			'serverError',
			`GOWA failed to carry out the request (HTTP ${status(failure)})`,
			`This is a problem on the GOWA server or WhatsApp’s side; retry later or check the server logs.${said(failure)}`,
			http !== 500 || ((code === 'INTERNAL_SERVER_ERROR' || code === '') && !PERMANENT_500.test(failure.serverMessage ?? '')),
		);
	}
	return build(
		'rejected',
		`GOWA rejected the request (HTTP ${status(failure)})${failure.serverMessage ? `: ${failure.serverMessage}` : ''}`,
		'Check the values of this item against the GOWA API documentation.',
	);
}

/**
 * A NodeApiError with our message and description (NodeApiError may rewrite messages of "well-known" codes; ours say
 * what to fix), a cause holding only the sanitised failure, and the classification attached under `tag` for the
 * router and the retry logic. Both provider transports build their errors with it.
 */
export function describedApiError(
	node: INode,
	described: { message: string; description: string },
	cause: JsonObject,
	httpCode: number | undefined,
	itemIndex: number | undefined,
	tag: string,
	classification: object,
): NodeApiError {
	const error = new NodeApiError(node, cause, {
		message: described.message,
		description: described.description,
		httpCode: httpCode !== undefined ? String(httpCode) : undefined,
		itemIndex,
	});
	error.message = described.message;
	error.description = described.description;
	Object.assign(error, { [tag]: classification });
	return error;
}

/** Builds the NodeApiError the nodes throw; its cause holds only the sanitised failure. */
export function gowaApiError(node: INode, failure: GowaFailure, itemIndex?: number): NodeApiError {
	const described = describeFailure(failure);
	const cause: JsonObject = {
		failure: described.class,
		httpCode: failure.httpCode ?? null,
		code: failure.code ?? null,
		message: failure.serverMessage ?? null,
		networkCode: failure.networkCode ?? null,
	};
	return describedApiError(node, described, cause, failure.httpCode, itemIndex, 'gowa', { ...described, failure });
}

/** Gives an error the item it belongs to: ours keep their context (itemIndex added), others are wrapped. */
export function withItemIndex(node: INode, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/** The classification attached to an error thrown by gowaApiError, if any. */
export function gowaFailureOf(error: unknown): (DescribedFailure & { failure: GowaFailure }) | undefined {
	if (error && typeof error === 'object' && 'gowa' in error) {
		return (error as { gowa: DescribedFailure & { failure: GowaFailure } }).gowa;
	}
	return undefined;
}

const SECRET_FIELDS = ['password', 'webhookSecret'];
const REDACTED = '[redacted]';
/** Below this length a secret is only redacted where it stands alone, so it does not garble ordinary words. */
const SHORT_SECRET = 4;

/** Every form in which a secret may come back in a server's answer: as typed, URL-encoded and base64-encoded. */
function formsOf(secret: string): string[] {
	const base64 = Buffer.from(secret).toString('base64');
	return [secret, encodeURIComponent(secret), base64, base64.replace(/=+$/, '')];
}

/**
 * The secrets of a credential: by default GOWA's password and webhook secret, and the Basic pair `user:password` (raw
 * and as token); `fields` names the secret fields of another credential type.
 */
export function credentialSecrets(credentials: ICredentialDataDecryptedObject, fields: readonly string[] = SECRET_FIELDS): string[] {
	const secrets: string[] = [];
	for (const field of fields) {
		const value = credentials[field];
		if (typeof value === 'string' && value !== '') secrets.push(value);
	}
	const username = typeof credentials.username === 'string' ? credentials.username : '';
	const password = typeof credentials.password === 'string' ? credentials.password : '';
	if (fields.includes('password') && (username !== '' || password !== '')) secrets.push(`${username}:${password}`);
	return secrets;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes secrets from text a server sent back (a proxy error page or a debugging server may echo the request,
 * Authorization header included) before it is quoted in an output or error. Each secret is removed as typed,
 * URL-encoded and base64-encoded; a `user:password` pair also as the Basic token. Secrets of 4 characters or more
 * are removed wherever they occur, shorter ones wherever they stand alone (not inside a longer word).
 * The trigger feeds its generated and previous webhook secrets in here too.
 */
export function redactSecretValues(text: string | undefined, secrets: ReadonlyArray<string | undefined>): string | undefined {
	if (text === undefined || text === '') return text;
	const forms = new Set<string>();
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret === '') continue;
		for (const form of formsOf(secret)) if (form !== '') forms.add(form);
	}
	let redacted = text;
	// Longest first, so a token is replaced whole rather than around a shorter form inside it.
	for (const form of [...forms].sort((a, b) => b.length - a.length)) {
		if (form.length >= SHORT_SECRET) redacted = redacted.split(form).join(REDACTED);
		else redacted = redacted.replace(new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(form)}(?![A-Za-z0-9])`, 'g'), REDACTED);
	}
	return redacted;
}

/** redactSecretValues with the credential's secrets (see credentialSecrets), plus any extra ones. */
export function redactSecrets(
	text: string | undefined,
	credentials: ICredentialDataDecryptedObject,
	extraSecrets: ReadonlyArray<string | undefined> = [],
): string | undefined {
	return redactSecretValues(text, [...credentialSecrets(credentials), ...extraSecrets]);
}

/** Longest form any of these secrets can take (see formsOf), for cutting text without cutting a secret in two. */
export function longestSecretForm(secrets: readonly string[]): number {
	return secrets.reduce((longest, secret) => Math.max(longest, ...formsOf(secret).map((form) => form.length)), 0);
}

/**
 * Text for quoting in an output or error: secrets removed first, then cut to `maxLength` characters — never the
 * other way round, which could leave part of a secret at the cut.
 */
export function quoteRedacted(text: string, secrets: readonly string[], maxLength: number): string {
	const window = text.slice(0, maxLength + longestSecretForm(secrets));
	return (redactSecretValues(window, secrets) ?? '').slice(0, maxLength);
}
