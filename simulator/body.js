'use strict';
/** Request body decoding: JSON, application/x-www-form-urlencoded and multipart/form-data (buffered). */

const crypto = require('node:crypto');

/** Splits `type/subtype; a=b` into a lower-case media type and its parameters. */
function parseContentType(header) {
	if (!header) return { type: '', params: {} };
	const [type, ...rest] = String(header).split(';');
	const params = {};
	for (const part of rest) {
		const index = part.indexOf('=');
		if (index < 0) continue;
		const key = part.slice(0, index).trim().toLowerCase();
		let value = part.slice(index + 1).trim();
		if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
		params[key] = value;
	}
	return { type: type.trim().toLowerCase(), params };
}

function emptyForm() {
	return { fields: {}, files: {} };
}

function addField(form, name, value) {
	(form.fields[name] ||= []).push(value);
}

function parseUrlEncoded(buffer) {
	const form = emptyForm();
	const params = new URLSearchParams(buffer.toString('utf8'));
	for (const [name, value] of params) addField(form, name, value);
	return form;
}

function parsePartHeaders(text) {
	const headers = {};
	for (const line of text.split('\r\n')) {
		const index = line.indexOf(':');
		if (index < 0) continue;
		headers[line.slice(0, index).trim().toLowerCase()] = line.slice(index + 1).trim();
	}
	return headers;
}

function dispositionParams(header) {
	const result = {};
	if (!header) return result;
	const regex = /;\s*([a-zA-Z0-9_*-]+)=(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
	let match;
	while ((match = regex.exec(header))) {
		const key = match[1].toLowerCase();
		let value = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3].trim();
		if (key === 'filename*') {
			const encoded = /^[^']*'[^']*'(.*)$/.exec(value);
			if (encoded) value = decodeURIComponent(encoded[1]);
			result.filename = value;
			continue;
		}
		result[key] = value;
	}
	return result;
}

/**
 * Parses a buffered multipart/form-data body. Throws an Error with a Go-like message when malformed.
 * Files: { fileName, contentType (the part's own Content-Type, '' when absent), size, sha256, bytes }.
 */
function parseMultipart(buffer, boundary) {
	if (!boundary) throw new Error('mime: no media type');
	const form = emptyForm();
	const delimiter = Buffer.from(`--${boundary}`);
	let position = buffer.indexOf(delimiter);
	if (position < 0) throw new Error('multipart: NextPart: EOF');
	for (;;) {
		position += delimiter.length;
		if (buffer.slice(position, position + 2).toString() === '--') break; // closing delimiter
		if (buffer.slice(position, position + 2).toString() === '\r\n') position += 2;
		const headerEnd = buffer.indexOf('\r\n\r\n', position);
		if (headerEnd < 0) throw new Error('multipart: NextPart: EOF');
		const headers = parsePartHeaders(buffer.slice(position, headerEnd).toString('utf8'));
		const bodyStart = headerEnd + 4;
		const next = buffer.indexOf(Buffer.from(`\r\n--${boundary}`), bodyStart);
		if (next < 0) throw new Error('multipart: NextPart: EOF');
		const bytes = buffer.slice(bodyStart, next);
		const disposition = dispositionParams(headers['content-disposition']);
		const name = disposition.name;
		if (name !== undefined) {
			if (disposition.filename !== undefined) {
				if (!form.files[name]) {
					form.files[name] = {
						fileName: disposition.filename,
						contentType: headers['content-type'] || '',
						size: bytes.length,
						sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
						bytes: Buffer.from(bytes),
					};
				}
			} else {
				addField(form, name, bytes.toString('utf8'));
			}
		}
		position = next + 2;
	}
	return form;
}

module.exports = { emptyForm, parseContentType, parseMultipart, parseUrlEncoded };
