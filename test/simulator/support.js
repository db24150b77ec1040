'use strict';
/** Small HTTP helpers for the simulator tests (global fetch, FormData, Blob of Node 20). */

const { startSimulator } = require('../../simulator');

/**
 * call(sim, 'POST', '/send/message', { json, form, text, headers, device, auth, root }) →
 * { status, headers, text, json, buffer }. `form` = { field: value | { bytes, type, name } }.
 */
async function call(sim, method, path, options = {}) {
	const headers = { ...(options.headers || {}) };
	let body;
	if (options.json !== undefined) {
		headers['Content-Type'] ||= 'application/json';
		body = typeof options.json === 'string' ? options.json : JSON.stringify(options.json);
	} else if (options.form !== undefined) {
		const data = new FormData();
		for (const [name, value] of Object.entries(options.form)) {
			for (const item of Array.isArray(value) ? value : [value]) {
				if (item && typeof item === 'object' && item.bytes) data.append(name, new Blob([item.bytes], item.type === undefined ? {} : { type: item.type }), item.name || 'file.bin');
				else data.append(name, String(item));
			}
		}
		body = data;
	} else if (options.urlencoded !== undefined) {
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
		body = new URLSearchParams(options.urlencoded).toString();
	} else if (options.text !== undefined) {
		body = options.text;
	}
	if (options.device) headers['X-Device-Id'] = options.device;
	if (options.auth) headers.Authorization = `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`;
	const base = options.root ? sim.origin : sim.url;
	const response = await fetch(`${base}${path}`, { method, headers, body });
	const buffer = Buffer.from(await response.arrayBuffer());
	const text = buffer.toString('utf8');
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json, buffer };
}

/** Starts a simulator for a describe block and closes it afterwards. */
function useSimulator(options = {}) {
	const holder = {};
	beforeAll(async () => {
		holder.sim = await startSimulator(options);
	});
	afterAll(async () => {
		if (holder.sim) await holder.sim.close();
	});
	return holder;
}

const PNG_BYTES = require('../../simulator/media').samplePng(4, 4);
const JPEG_BYTES = require('../../simulator/media').MEDIA_SAMPLES.image.bytes;

module.exports = { JPEG_BYTES, PNG_BYTES, call, useSimulator };
