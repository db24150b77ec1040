'use strict';
/**
 * Device model (NOTES §1.3, §8): slots with an operator-chosen id that can be paired to one WhatsApp account.
 *
 * Simulator states (what `/devices` reports in brackets):
 *   'new'          slot created, login never started: no WhatsApp client → device-scoped WA calls 500 INVALID_WA_CLI [disconnected]
 *   'disconnected' client exists but not connected → 401 "you are not connect to services server, please reconnect"
 *   'connecting'   same as disconnected for API calls [connecting]
 *   'connected'    connected, not paired (QR shown / pairing code issued) → 401 "you are not logged in"
 *   'logged_in'    paired and connected
 */

const errors = require('./errors');
const { goTimeJson, jidUser, nonAdJid } = require('./util');

const STATES = ['new', 'disconnected', 'connecting', 'connected', 'logged_in'];

function normaliseWebhook(input) {
	if (!input) return null;
	if (typeof input === 'string') return { webhook_url: input, webhook_secret: '', webhook_events: '', webhook_insecure_skip_verify: false };
	return {
		webhook_url: String(input.webhook_url ?? input.url ?? ''),
		webhook_secret: String(input.webhook_secret ?? input.secret ?? ''),
		webhook_events: Array.isArray(input.webhook_events ?? input.events)
			? (input.webhook_events ?? input.events).join(',')
			: String(input.webhook_events ?? input.events ?? ''),
		webhook_insecure_skip_verify: Boolean(input.webhook_insecure_skip_verify ?? input.insecureSkipVerify ?? false),
	};
}

/** A stable phone JID derived from the slot id (so tests can predict it). */
function generatedJid(id) {
	let hash = 0;
	for (const character of String(id)) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
	return `6281${String(hash % 1_000_000_000).padStart(9, '0')}@s.whatsapp.net`;
}

class Device {
	constructor(spec = {}) {
		this.id = String(spec.id || '');
		this.state = STATES.includes(spec.state) ? spec.state : 'logged_in';
		this.displayName = spec.displayName ?? spec.display_name ?? '';
		this.createdAt = spec.createdAt ? new Date(spec.createdAt) : new Date();
		this.webhook = normaliseWebhook(spec.webhook);
		this.jid = '';
		this.adJid = '';
		this.phoneNumber = '';
		this.pendingPairCode = '';
		this.passkey = spec.passkey || null;
		const jid = spec.jid || (this.state === 'logged_in' || this.state === 'disconnected' ? generatedJid(this.id) : '');
		if (jid) this.setJid(jid);
		if (spec.phoneNumber) this.phoneNumber = String(spec.phoneNumber);
	}

	setJid(jid) {
		const text = String(jid);
		const withServer = text.includes('@') ? text : `${text}@s.whatsapp.net`;
		this.jid = nonAdJid(withServer);
		this.adJid = /:\d+@/.test(withServer) ? withServer : `${jidUser(withServer)}:12@${withServer.split('@')[1]}`;
		this.phoneNumber = jidUser(withServer);
	}

	clearSession() {
		this.jid = '';
		this.adJid = '';
		this.phoneNumber = '';
		this.pendingPairCode = '';
		this.passkey = null;
	}

	get hasClient() {
		return this.state !== 'new';
	}

	get isConnected() {
		return this.state === 'connected' || this.state === 'logged_in';
	}

	get isLoggedIn() {
		return this.state === 'logged_in';
	}

	/** State as GOWA reports it. */
	get apiState() {
		return this.state === 'new' ? 'disconnected' : this.state;
	}

	/** The `/devices` list item (domain Device, omitempty fields dropped). */
	toApi() {
		const item = { id: this.id };
		if (this.phoneNumber) item.phone_number = this.phoneNumber;
		if (this.displayName) item.display_name = this.displayName;
		item.state = this.apiState;
		if (this.jid) item.jid = this.jid;
		item.created_at = goTimeJson(this.createdAt);
		return item;
	}

	/** Plain snapshot for tests (sim.devices). */
	snapshot() {
		return {
			id: this.id,
			jid: this.jid,
			adJid: this.adJid,
			phoneNumber: this.phoneNumber,
			displayName: this.displayName,
			state: this.state,
			apiState: this.apiState,
			createdAt: this.createdAt.toISOString(),
			webhook: this.webhook ? { ...this.webhook } : null,
			pendingPairCode: this.pendingPairCode,
		};
	}

	/**
	 * The usecase checks in order: ErrWaCLI (no client) then MustLogin.
	 * Throws the GowaError the real server answers with, or returns nothing.
	 */
	requireClient() {
		if (!this.hasClient) throw errors.waCliError();
	}

	requireLogin() {
		this.requireClient();
		if (!this.isConnected) throw errors.notConnected();
		if (!this.isLoggedIn) throw errors.notLoggedIn();
	}
}

class DeviceRegistry {
	constructor(specs) {
		this.map = new Map();
		this.replace(specs);
	}

	replace(specs) {
		this.map.clear();
		for (const spec of specs || []) {
			const device = spec instanceof Device ? spec : new Device(spec);
			if (!device.id) throw new Error('every simulator device needs an id');
			this.map.set(device.id, device);
		}
	}

	list() {
		return [...this.map.values()];
	}

	get size() {
		return this.map.size;
	}

	get(id) {
		return this.map.get(id);
	}

	/** DeviceManager.GetDevice → getDeviceByJID (exact AD JID first, then bare JID). */
	find(value) {
		const text = String(value || '').trim();
		if (!text) return undefined;
		if (this.map.has(text)) return this.map.get(text);
		for (const device of this.map.values()) if (device.adJid && device.adJid === text) return device;
		for (const device of this.map.values()) if (device.jid && device.jid === text) return device;
		return undefined;
	}

	/**
	 * The device middleware: X-Device-Id (trimmed, URL-unescaped) → device_id query → the only device.
	 * Returns { device } or { error: GowaError }.
	 */
	resolve(headerValue, queryValue) {
		let wanted = String(headerValue || '').trim();
		try {
			wanted = decodeQueryComponent(wanted);
		} catch {
			// url.QueryUnescape failed: Go keeps the raw value
		}
		if (wanted === '') wanted = String(queryValue || '').trim();
		if (wanted !== '') {
			const device = this.find(wanted);
			if (device) return { device };
			return {
				error: new errors.GowaError(404, 'DEVICE_NOT_FOUND', 'device not found; create a device first from /api/devices or provide a valid X-Device-Id', {
					results: { device_id: wanted },
					kind: 'device',
				}),
			};
		}
		if (this.map.size === 1) return { device: this.list()[0] };
		return {
			error: new errors.GowaError(400, 'DEVICE_ID_REQUIRED', 'device_id is required via X-Device-Id header or device_id query', { kind: 'device' }),
		};
	}

	add(id, options = {}) {
		const device = new Device({ id, state: 'new', ...options });
		this.map.set(device.id, device);
		return device;
	}

	remove(id) {
		return this.map.delete(id);
	}
}

/** Go's url.QueryUnescape: `+` is a space; a malformed escape throws. */
function decodeQueryComponent(text) {
	if (/%(?![0-9a-fA-F]{2})/.test(text)) throw new Error('invalid URL escape');
	return decodeURIComponent(text.replace(/\+/g, ' '));
}

module.exports = { Device, DeviceRegistry, STATES, generatedJid, normaliseWebhook };
