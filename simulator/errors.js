'use strict';
/** Errors as the real server writes them (pkg/error + middleware.Recovery). */

const REACHOUT_TIMELOCK_MESSAGE =
	"WhatsApp rejected this send with error 463 (reach-out timelock). This is WhatsApp's server-side anti-spam restriction on starting new chats and cannot be bypassed by the API. It usually means there is no prior conversation with this recipient, or the sending account is temporarily restricted from reaching new contacts. To get through: ask the recipient to message you first, reply within an already-established conversation, or open and send the chat once from the phone linked to this session, then reduce your sending rate and wait for the restriction to clear. Newly-linked or low-activity numbers are affected most.";

class GowaError extends Error {
	/**
	 * @param {number} status HTTP status
	 * @param {string} code envelope `code`
	 * @param {string} message envelope `message`
	 * @param {object} [extra] { results, plain (plain-text body instead of the envelope), kind ('validation'|'device'|'server') }
	 */
	constructor(status, code, message, extra = {}) {
		super(message);
		this.status = status;
		this.code = code;
		this.results = extra.results;
		this.plain = extra.plain === true;
		this.kind = extra.kind || 'server';
		this.headers = extra.headers;
	}
}

const validationError = (message) => new GowaError(400, 'VALIDATION_ERROR', message, { kind: 'validation' });
/** A binder error re-panicked by the handler: 500 INTERNAL_SERVER_ERROR with the binder's message. */
const bindError = (message) => new GowaError(500, 'INTERNAL_SERVER_ERROR', message, { kind: 'validation' });
const badRequest = (message) => new GowaError(400, 'BAD_REQUEST', message, { kind: 'validation' });
const internalError = (message) => new GowaError(500, 'INTERNAL_SERVER_ERROR', message);
const invalidJid = (message) => new GowaError(400, 'INVALID_JID', message, { kind: 'validation' });
const waCliError = () => new GowaError(500, 'INVALID_WA_CLI', 'your WhatsApp CLI is invalid or empty', { kind: 'device' });
const notConnected = () => new GowaError(401, 'AUTHENTICATION_ERROR', 'you are not connect to services server, please reconnect', { kind: 'device' });
const notLoggedIn = () => new GowaError(401, 'AUTHENTICATION_ERROR', 'you are not logged in', { kind: 'device' });
const alreadyLoggedIn = () => new GowaError(400, 'ALREADY_LOGGED_IN', 'you are already logged in.', { kind: 'device' });
const deviceNotFoundWebhook = () => new GowaError(404, 'NOT_FOUND', 'device not found', { kind: 'device' });

/** Default envelope for an injected failure of the given status. */
function injectedFailure(status, code, message) {
	const defaults = {
		400: ['VALIDATION_ERROR', 'injected validation failure'],
		401: ['AUTHENTICATION_ERROR', 'you are not logged in'],
		404: ['DEVICE_NOT_FOUND', 'device not found; create a device first from /api/devices or provide a valid X-Device-Id'],
		408: ['CONTEXT_ERROR', 'context deadline exceeded'],
		429: ['WA_REACHOUT_TIMELOCK', REACHOUT_TIMELOCK_MESSAGE],
		500: ['INTERNAL_SERVER_ERROR', 'injected failure: websocket not connected'],
		503: ['DEVICE_MANAGER_UNAVAILABLE', 'Device manager is not initialized'],
		504: ['GATEWAY_TIMEOUT', 'Request timed out waiting for WhatsApp server response'],
	};
	const [defaultCode, defaultMessage] = defaults[status] || ['INTERNAL_SERVER_ERROR', `injected failure (${status})`];
	return new GowaError(status, code || defaultCode, message || defaultMessage, { kind: 'injected' });
}

module.exports = {
	GowaError,
	REACHOUT_TIMELOCK_MESSAGE,
	alreadyLoggedIn,
	badRequest,
	bindError,
	deviceNotFoundWebhook,
	injectedFailure,
	internalError,
	invalidJid,
	notConnected,
	notLoggedIn,
	validationError,
	waCliError,
};
