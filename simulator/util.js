'use strict';
/** Small helpers shared by the simulator: Go-compatible JSON and time formatting, ids, a seeded PRNG. */

const crypto = require('node:crypto');

/** JSON the way Go's encoding/json writes it: `<`, `>`, `&`, U+2028 and U+2029 escaped, no trailing newline. */
function goJson(value) {
	const text = JSON.stringify(value === undefined ? null : value);
	return text.replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Deep copy with object keys sorted, as json.Marshal does for Go maps. Arrays keep their order. */
function sortKeysDeep(value) {
	if (Array.isArray(value)) return value.map(sortKeysDeep);
	if (value && typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof Date)) {
		const sorted = {};
		for (const key of Object.keys(value).sort()) {
			if (value[key] !== undefined) sorted[key] = sortKeysDeep(value[key]);
		}
		return sorted;
	}
	return value;
}

/** Object with keys sorted (Go `map[string]any` results), shallow. */
function goMap(object) {
	const sorted = {};
	for (const key of Object.keys(object).sort()) sorted[key] = object[key];
	return sorted;
}

/** time.Time JSON form (RFC3339Nano, trailing zeros of the fraction trimmed). */
function goTimeJson(date) {
	const iso = new Date(date).toISOString(); // 2026-08-20T10:00:00.120Z
	return iso.replace(/\.(\d*?)0*Z$/, (_, digits) => (digits ? `.${digits}Z` : 'Z'));
}

/** time.Format(time.RFC3339) in UTC. */
function rfc3339(date) {
	return new Date(date).toISOString().replace(/\.\d+Z$/, 'Z');
}

/** time.Time.String() in UTC, e.g. `2026-08-20 10:00:00 +0000 UTC`. */
function goTimeString(date) {
	const iso = new Date(date).toISOString();
	const fraction = iso.slice(20, 23).replace(/0+$/, '');
	return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''} +0000 UTC`;
}

/** WhatsApp-style message id (whatsmeow GenerateMessageID: `3EB0` + 18 upper-case hex digits). */
function messageId() {
	return `3EB0${crypto.randomBytes(9).toString('hex').toUpperCase()}`;
}

function uuid() {
	return crypto.randomUUID();
}

/** Deterministic PRNG (mulberry32). Returns a function giving floats in [0, 1). */
function prng(seed) {
	let state = (Number(seed) >>> 0) || 0x9e3779b9;
	return function next() {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Go's strconv.ParseBool (plus gorilla/schema's "on"). Returns undefined when not a boolean. */
function parseGoBool(text) {
	if (['1', 't', 'T', 'TRUE', 'true', 'True', 'on'].includes(text)) return true;
	if (['0', 'f', 'F', 'FALSE', 'false', 'False', 'off'].includes(text)) return false;
	return undefined;
}

/** Go's strconv.Atoi. Returns undefined when not an integer. */
function parseGoInt(text) {
	if (!/^[+-]?\d+$/.test(String(text))) return undefined;
	const value = Number(text);
	return Number.isSafeInteger(value) ? value : undefined;
}

/** utils.SanitizePhone: bare ids get `@s.whatsapp.net` (≤ 15 chars) or `@g.us` (longer). */
function sanitizePhone(phone) {
	if (typeof phone !== 'string' || phone === '' || phone.includes('@')) return phone;
	return phone.length <= 15 ? `${phone}@s.whatsapp.net` : `${phone}@g.us`;
}

/** utils.ParseJID: drops a leading `+`, bare values become user JIDs. */
function parseJid(value) {
	let text = String(value || '');
	if (text.startsWith('+')) text = text.slice(1);
	if (!text.includes('@')) return { user: text, server: 's.whatsapp.net', jid: `${text}@s.whatsapp.net` };
	const at = text.lastIndexOf('@');
	const user = text.slice(0, at);
	const server = text.slice(at + 1);
	return { user, server, jid: `${user}@${server}` };
}

/** The user part of a JID without an AD suffix (`628…:12@s.whatsapp.net` → `628…`). */
function jidUser(jid) {
	return String(jid || '').split('@')[0].split(':')[0];
}

/** Bare JID (AD suffix removed). */
function nonAdJid(jid) {
	const text = String(jid || '');
	if (!text.includes('@')) return text;
	return `${jidUser(text)}@${text.split('@')[1]}`;
}

function humanBytes(bytes) {
	// go-humanize Bytes (SI) for the two values the server prints.
	if (bytes >= 1e6) return `${Math.round((bytes / 1e6) * 10) / 10} MB`.replace('.0 ', ' ');
	return `${bytes} B`;
}

module.exports = {
	goJson,
	goMap,
	goTimeJson,
	goTimeString,
	humanBytes,
	jidUser,
	messageId,
	nonAdJid,
	parseGoBool,
	parseGoInt,
	parseJid,
	prng,
	rfc3339,
	sanitizePhone,
	sleep,
	sortKeysDeep,
	uuid,
};
