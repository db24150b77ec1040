import type { ICredentialDataDecryptedObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

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
	| 'connectionRefused'
	| 'dns'
	| 'timeout'
	| 'connectionReset'
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

/** GOWA answers 500 for lookups that will never succeed on a retry (unknown device, duplicate id, nothing pending). */
const PERMANENT_500 = /not found|already exists|no pending|not implemented|invalid|is empty|not registered|has no /i;

function said(failure: GowaFailure): string {
	return failure.serverMessage ? ` GOWA said: "${failure.serverMessage}".` : '';
}

function status(failure: GowaFailure): string {
	return [failure.httpCode, failure.code].filter((part) => part !== undefined && part !== '').join(' ');
}

/** Classifies a failure and writes what happened and how to fix it. */
export function describeFailure(failure: GowaFailure): DescribedFailure {
	const host = failure.host ?? 'the GOWA server';
	const device = failure.deviceId ? `"${failure.deviceId}"` : 'the selected device';
	const build = (
		cls: FailureClass,
		message: string,
		description: string,
		transient = false,
		deliveryUnknown = false,
	): DescribedFailure => ({ class: cls, message, description, transient, deliveryUnknown });

	if (failure.httpCode === undefined) {
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
		return build(
			'network',
			`Could not reach ${host}${code ? ` (${code})` : ''}`,
			'Check the Base URL in the credential, the network between n8n and GOWA, and TLS settings.',
			true,
		);
	}

	const http = failure.httpCode;
	const code = failure.code ?? '';
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
			`WhatsApp device ${device} is not logged in or not connected`,
			`Pair the device (Device → Log In With QR Code or Log In With Pairing Code) or reconnect it (Device → Reconnect), then run again.${said(failure)}`,
		);
	}
	if (code === 'DEVICE_NOT_FOUND') {
		return build(
			'unknownDevice',
			`GOWA has no device ${device}`,
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
			`WhatsApp device ${device} has never been paired`,
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
	const error = new NodeApiError(node, cause, {
		message: described.message,
		description: described.description,
		httpCode: failure.httpCode !== undefined ? String(failure.httpCode) : undefined,
		itemIndex,
	});
	// NodeApiError may rewrite messages of "well-known" codes; keep ours, they say what to fix.
	error.message = described.message;
	error.description = described.description;
	Object.assign(error, { gowa: { ...described, failure } });
	return error;
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

/**
 * Removes the credential's secrets from text a server sent back (a proxy error page or a debugging server may echo
 * the request, Authorization header included), before it is quoted in an error: the password and webhook secret
 * as typed, URL-encoded and base64-encoded, and the Basic auth token. Secrets shorter than 4 characters are left
 * alone, as redacting them would garble ordinary words. `fields` names other secret fields (other credential types).
 */
export function redactSecrets(text: string | undefined, credentials: ICredentialDataDecryptedObject, fields: string[] = SECRET_FIELDS): string | undefined {
	if (text === undefined) return undefined;
	const forms = new Set<string>();
	const username = typeof credentials.username === 'string' ? credentials.username : '';
	for (const field of fields) {
		const secret = credentials[field];
		if (typeof secret !== 'string' || secret.length < 4) continue;
		forms.add(secret);
		forms.add(encodeURIComponent(secret));
		forms.add(Buffer.from(secret).toString('base64').replace(/=+$/, ''));
		if (field === 'password') forms.add(Buffer.from(`${username}:${secret}`).toString('base64').replace(/=+$/, ''));
	}
	let redacted = text;
	// Longest first, so a token is replaced whole rather than around a shorter form inside it.
	for (const form of [...forms].sort((a, b) => b.length - a.length)) redacted = redacted.split(form).join(REDACTED);
	return redacted;
}
