'use strict';
/**
 * What the real GOWA v9.2 server enforces beyond the OpenAPI spec (NOTES.md §1.4, §2, §3, §4, §10; Go source
 * src/validations/*, src/ui/rest/*): request binding (Fiber v3 `c.Bind()`, Go types) and the ozzo-validation rules.
 *
 *   const rules = require('./simulator/realServerRules');
 *   const request = rules.bindRequest('sendMessage', input);   // throws GowaError (500 bind error / 400 BAD_REQUEST)
 *   const error = rules.validateRequest('sendMessage', request); // GowaError (400 VALIDATION_ERROR …) or null
 *
 * `input` = { contentType, rawBody, json, jsonError, form: { fields: {name: string[]}, files: {name: file} },
 *             query: {name: string[]}, params: {name: string} }.
 */

const { GowaError, badRequest, bindError, validationError } = require('./errors');
const { humanBytes, parseGoBool, parseGoInt, sanitizePhone } = require('./util');

// ---------------------------------------------------------------------------------------------------------------
// ozzo-validation helpers

const isEmpty = (value) =>
	value === undefined || value === null || value === '' || value === 0 || value === false || (Array.isArray(value) && value.length === 0);

/** ozzo `validation.Errors.Error()`: `key: message; key2: message2.` with keys sorted. */
function ozzoMessage(fieldErrors) {
	const keys = Object.keys(fieldErrors)
		.filter((key) => fieldErrors[key])
		.sort();
	if (keys.length === 0) return null;
	return `${keys.map((key) => `${key}: ${fieldErrors[key]}`).join('; ')}.`;
}

function ozzo(fieldErrors) {
	const message = ozzoMessage(fieldErrors);
	return message ? validationError(message) : null;
}

const required = (value) => (isEmpty(value) ? 'cannot be blank' : undefined);

/** govalidator IsURL, approximated: optional scheme, a host name or IP, no white space. */
function isGoUrl(text) {
	if (typeof text !== 'string' || text.length <= 3 || text.length >= 2083 || text.startsWith('.') || /\s/.test(text)) return false;
	const withScheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`;
	try {
		const url = new URL(withScheme);
		if (!/^(https?|ftp|wss?|rtmp|irc|ftps|file)?:$/.test(url.protocol)) return false;
		return /^[a-zA-Z0-9\u00a1-\uffff.-]+$/.test(url.hostname) || /^\[[0-9a-fA-F:]+\]$/.test(url.hostname);
	} catch {
		return false;
	}
}

const LATITUDE = /^[-+]?([1-8]?\d(\.\d+)?|90(\.0+)?)$/;
const LONGITUDE = /^[-+]?(180(\.0+)?|((1[0-7]\d)|([1-9]?\d))(\.\d+)?)$/;
const DURATIONS = [0, 86400, 604800, 7776000];

/** validatePhoneNumber from send_validation.go. */
function phoneFormatError(phone) {
	let text = String(phone ?? '').trim();
	if (text === '') return 'phone number cannot be empty';
	if (text.startsWith('+')) text = text.slice(1);
	if (text === '') return 'phone number cannot be empty';
	if (text.startsWith('0')) {
		return 'phone number must be in international format (should not start with 0). For Indonesian numbers, use 62xxx format instead of 08xxx';
	}
	return undefined;
}

function checkPhone(phone) {
	const message = phoneFormatError(phone);
	return message ? validationError(message) : null;
}

function checkDuration(duration) {
	if (duration === undefined || duration === null) return null;
	if (DURATIONS.includes(duration)) return null;
	return validationError('duration must be one of: 0 (no expiry), 86400 (24h), 604800 (7d), 7776000 (90d)');
}

const firstError = (...checks) => {
	for (const check of checks) {
		const error = typeof check === 'function' ? check() : check;
		if (error) return error;
	}
	return null;
};

// ---------------------------------------------------------------------------------------------------------------
// Binding (Fiber v3 c.Bind().Body / c.Bind().Query into Go structs)

/*
 * Field types: 's' string, 's*' *string, 'i' int, 'i*' *int, 'u32' uint32, 'b' bool, 's[]' []string,
 * 'f' *multipart.FileHeader (filled from the multipart part of that name), 'o' nested object (passkey).
 */
const GO_TYPE = { s: 'string', 's*': 'string', i: 'int', 'i*': 'int', u32: 'uint32', b: 'bool', 's[]': '[]string', f: 'multipart.FileHeader', o: 'struct' };
const ZERO = { s: '', 's*': undefined, i: 0, 'i*': undefined, u32: 0, b: false, 's[]': null, f: undefined, o: undefined };

const BASE = { phone: 's', duration: 'i*', is_forwarded: 'b' };

/** Go JSON kind names for type errors. */
function jsonKind(value) {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return 'number';
	if (typeof value === 'boolean') return 'bool';
	if (typeof value === 'string') return 'string';
	return 'object';
}

function jsonTypeError(struct, field, type, value) {
	const kind = jsonKind(value);
	const shown = kind === 'number' && (type === 'i' || type === 'i*' || type === 'u32') ? `number ${value}` : kind;
	return bindError(`json: cannot unmarshal ${shown} into Go struct field ${struct}.${field} of type ${GO_TYPE[type].replace('[]', '')}`);
}

function convertJsonField(struct, field, type, value) {
	if (value === null) return ZERO[type];
	switch (type) {
		case 's':
		case 's*':
			if (typeof value !== 'string') throw jsonTypeError(struct, field, type, value);
			return value;
		case 'i':
		case 'i*':
		case 'u32':
			if (typeof value !== 'number' || !Number.isInteger(value) || (type === 'u32' && value < 0)) throw jsonTypeError(struct, field, type, value);
			return value;
		case 'b':
			if (typeof value !== 'boolean') throw jsonTypeError(struct, field, type, value);
			return value;
		case 's[]':
			if (!Array.isArray(value)) throw jsonTypeError(struct, field, type, value);
			return value.map((item) => {
				if (item === null) return '';
				if (typeof item !== 'string') throw jsonTypeError(struct, field, 's', item);
				return item;
			});
		case 'f':
			if (typeof value !== 'object' || Array.isArray(value)) throw jsonTypeError(struct, field, type, value);
			return undefined; // a JSON object never carries an uploaded file
		case 'o':
			if (typeof value !== 'object' || Array.isArray(value)) throw jsonTypeError(struct, field, type, value);
			return value;
		default:
			return value;
	}
}

/** encoding/json matches keys case-insensitively (exact match preferred). */
function lookupKey(object, name) {
	if (Object.prototype.hasOwnProperty.call(object, name)) return name;
	const lower = name.toLowerCase();
	return Object.keys(object).find((key) => key.toLowerCase() === lower);
}

/** Go's JSON syntax error text for a body JSON.parse rejected. */
function goJsonSyntaxMessage(text) {
	const trimmed = text.trim();
	if (trimmed === '') return 'unexpected end of JSON input';
	try {
		JSON.parse(text);
		return undefined;
	} catch (error) {
		const position = /position (\d+)/.exec(error.message);
		const index = position ? Number(position[1]) : text.search(/\S/);
		if (index >= text.length) return 'unexpected end of JSON input';
		const character = text[index] === undefined ? trimmed[0] : text[index];
		return `invalid character '${character}' looking for beginning of value`;
	}
}

/** Returns only the fields the JSON body sets (absent keys leave the Go struct untouched). */
function bindJson(definition, input) {
	const text = input.rawBody ? input.rawBody.toString('utf8') : '';
	let value = input.json;
	if (value === undefined) {
		const syntax = goJsonSyntaxMessage(text);
		if (syntax) throw bindError(syntax);
		value = JSON.parse(text);
	}
	const present = {};
	if (value === null) return present;
	if (typeof value !== 'object' || Array.isArray(value)) {
		throw bindError(`json: cannot unmarshal ${jsonKind(value)} into Go value of type ${definition.goPackage || 'domain'}.${definition.struct}`);
	}
	for (const [field, type] of Object.entries(definition.fields)) {
		const key = lookupKey(value, field);
		if (key === undefined) continue;
		present[field] = convertJsonField(definition.struct, field, type, value[key]);
	}
	return present;
}

function schemaError(field) {
	return bindError(`schema: error converting value for "${field}"`);
}

/** gofiber/schema: keys matched case-insensitively, empty values ignored (ZeroEmpty=false). Returns the set fields. */
function bindValues(definition, values, files) {
	const present = {};
	const lowerIndex = {};
	for (const key of Object.keys(values)) lowerIndex[key.toLowerCase()] = key;
	for (const [field, type] of Object.entries(definition.fields)) {
		if (type === 'f') {
			if (files && files[field]) present[field] = files[field];
			continue;
		}
		const key = values[field] !== undefined ? field : lowerIndex[field.toLowerCase()];
		if (key === undefined) continue;
		const list = values[key];
		if (type === 's[]') {
			present[field] = list.slice();
			continue;
		}
		const raw = list[0];
		if (raw === '') continue;
		switch (type) {
			case 'i':
			case 'i*':
			case 'u32': {
				const number = parseGoInt(raw);
				if (number === undefined || (type === 'u32' && number < 0)) throw schemaError(field);
				present[field] = number;
				break;
			}
			case 'b': {
				const flag = parseGoBool(raw);
				if (flag === undefined) throw schemaError(field);
				present[field] = flag;
				break;
			}
			default:
				present[field] = raw;
		}
	}
	return present;
}

function bindBody(definition, input) {
	const mediaType = (input.contentType || '').split(';')[0].trim().toLowerCase();
	if (mediaType === 'application/json' || /^application\/[a-z0-9.+-]*\+json$/.test(mediaType)) return bindJson(definition, input);
	if (mediaType === 'application/x-www-form-urlencoded' || mediaType === 'multipart/form-data') {
		if (input.formError) throw bindError(input.formError);
		const form = input.form || { fields: {}, files: {} };
		return bindValues(definition, form.fields, form.files);
	}
	throw bindError('Unprocessable Entity');
}

// ---------------------------------------------------------------------------------------------------------------
// Per-operation definitions

const MIME = {
	image: ['image/jpeg', 'image/jpg', 'image/png'],
	video: ['video/mp4', 'video/x-matroska', 'video/avi', 'video/x-msvideo'],
	sticker: ['image/jpeg', 'image/jpg', 'image/png', 'image/webp', 'image/gif'],
	audio: [
		'audio/aac',
		'audio/amr',
		'audio/flac',
		'audio/m4a',
		'audio/m4r',
		'audio/mp3',
		'audio/mpeg',
		'audio/ogg',
		'audio/wma',
		'audio/x-ms-wma',
		'audio/wav',
		'audio/vnd.wav',
		'audio/vnd.wave',
		'audio/wave',
		'audio/x-pn-wav',
		'audio/x-wav',
	],
	groupPhoto: ['image/jpeg', 'image/jpg', 'image/png', 'image/gif', 'image/webp'],
};
const MAX_FILE_SIZE = 50_000_000;
const MAX_VIDEO_SIZE = 100_000_000;

/** The part's own Content-Type header, exactly as Go reads it (`file.Header.Get("Content-Type")`). */
const partType = (file) => (file && typeof file.contentType === 'string' ? file.contentType : '');

function urlField(label, value) {
	if (value === undefined || value === null) return null;
	if (value === '') return validationError(`${label} cannot be empty`);
	if (!isGoUrl(value)) return validationError(`${label} must be a valid URL`);
	return null;
}

function mediaSend({ file, url, label, urlLabel, mimes, mimeMessage, maxSize, sizeLabel }) {
	return (request) =>
		firstError(
			() => ozzo({ phone: required(request.phone) }),
			() => checkPhone(request.phone),
			() =>
				!request[file] && (request[url] === undefined || request[url] === null || request[url] === '')
					? validationError(`either ${label} or ${urlLabel} must be provided`)
					: null,
			() => (request[file] && mimes && !mimes.includes(partType(request[file])) ? validationError(mimeMessage) : null),
			() =>
				request[file] && maxSize && request[file].size > maxSize
					? validationError(
							`max ${sizeLabel} upload is ${humanBytes(maxSize)}, please upload in cloud and send via text if your file is higher than ${humanBytes(maxSize)}`,
						)
					: null,
			() => urlField(urlLabel, request[url]),
			() => checkDuration(request.duration),
		);
}

const audioMimeList = [...MIME.audio].sort().map((mime) => `${mime},`).join('');

const OPERATIONS = {
	// --- app ---------------------------------------------------------------------------------------------------
	appLoginWithCode: {
		bind: 'none',
		validate: (request, input) => {
			const phone = firstQuery(input, 'phone');
			let problem;
			if (phone === '') problem = 'cannot be blank';
			else if (!/^\+?[0-9]{1,15}$/.test(phone)) problem = 'must be in a valid format';
			return problem ? validationError(`phone_number(${phone}): ${problem}`) : null;
		},
	},
	appPasskeyResponse: {
		bind: 'body',
		struct: 'WebAuthnResponse',
		goPackage: 'types',
		bindErrorMode: 'plain400',
		fields: { id: 's', rawId: 's', type: 's', response: 'o', authenticatorAttachment: 's', clientExtensionResults: 'o' },
		validate: (request) => {
			const error = ozzo({ id: required(request.id), type: required(request.type) || (['public-key'].includes(request.type) ? undefined : 'must be a valid value') });
			if (error) return error;
			const response = request.response || {};
			if (!request.rawId) return validationError('rawId: cannot be blank');
			if (!response.clientDataJSON) return validationError('response.clientDataJSON: cannot be blank');
			if (!response.authenticatorData) return validationError('response.authenticatorData: cannot be blank');
			if (!response.signature) return validationError('response.signature: cannot be blank');
			return null;
		},
	},

	// --- device ------------------------------------------------------------------------------------------------
	addDevice: {
		bind: 'body',
		struct: 'AddDeviceRequest',
		bindErrorMode: 'badRequest',
		fields: { device_id: 's', webhook_url: 's', webhook_secret: 's', webhook_events: 's', webhook_insecure_skip_verify: 'b' },
	},
	updateDeviceWebhook: {
		bind: 'body',
		struct: 'UpdateDeviceWebhookRequest',
		bindErrorMode: 'badRequest',
		fields: { webhook_url: 's*', webhook_secret: 's', webhook_events: 's', webhook_insecure_skip_verify: 'b' },
		validate: (request) => (request.webhook_url === undefined ? badRequest('webhook_url is required') : null),
	},
	loginDeviceWithCode: { bind: 'none', validate: (request, input) => OPERATIONS.appLoginWithCode.validate(request, input) },

	// --- user --------------------------------------------------------------------------------------------------
	userInfo: { bind: 'query', struct: 'InfoRequest', sanitize: ['phone'], fields: { phone: 's' }, validate: (r) => ozzo({ phone: required(r.phone) }) },
	userAvatar: {
		sanitize: ['phone'],
		bind: 'query',
		struct: 'AvatarRequest',
		fields: { phone: 's', is_preview: 'b', is_community: 'b' },
		validate: (r) => ozzo({ phone: required(r.phone) }),
	},
	userChangeAvatar: {
		bind: 'body',
		struct: 'ChangeAvatarRequest',
		fields: { avatar: 'f' },
		validate: (request, input) => {
			if (!request.avatar) {
				const mediaType = (input.contentType || '').split(';')[0].trim().toLowerCase();
				return bindError(
					mediaType === 'multipart/form-data' ? 'there is no uploaded file associated with the given key' : 'request has no multipart/form-data Content-Type',
				);
			}
			return null;
		},
	},
	userChangePushName: { bind: 'body', struct: 'ChangePushNameRequest', fields: { push_name: 's' } },
	userCheck: { bind: 'query', struct: 'CheckRequest', fields: { phone: 's' } },
	userBusinessProfile: {
		sanitize: ['phone'],
		bind: 'query',
		struct: 'BusinessProfileRequest',
		fields: { phone: 's' },
		validate: (r) => ozzo({ phone: required(r.phone) }),
	},

	// --- send --------------------------------------------------------------------------------------------------
	sendMessage: {
		sanitize: ['phone'],
		bind: 'body',
		struct: 'MessageRequest',
		fields: { ...BASE, message: 's', reply_message_id: 's*', mentions: 's[]' },
		validate: (r) =>
			firstError(
				() => ozzo({ phone: required(r.phone), message: required(r.message) }),
				() => checkPhone(r.phone),
				() => checkDuration(r.duration),
				() => {
					for (const mention of r.mentions || []) {
						if (mention === '@everyone') continue;
						if (phoneFormatError(mention)) return validationError(`mention ${mention}: phone number must be in international format`);
					}
					return null;
				},
			),
	},
	sendImage: {
		sanitize: ['phone'],
		bind: 'body',
		struct: 'ImageRequest',
		fields: { ...BASE, caption: 's', reply_message_id: 's*', image: 'f', image_url: 's*', view_once: 'b', compress: 'b', hd: 'b' },
		defaults: { compress: true },
		validate: mediaSend({ file: 'image', url: 'image_url', label: 'Image', urlLabel: 'ImageURL', mimes: MIME.image, mimeMessage: 'your image is not allowed. please use jpg/jpeg/png' }),
	},
	sendAudio: {
		sanitize: ['phone'],
		bind: 'body',
		struct: 'AudioRequest',
		fields: { ...BASE, audio: 'f', audio_url: 's*', reply_message_id: 's*', ptt: 'b' },
		validate: mediaSend({
			file: 'audio',
			url: 'audio_url',
			label: 'Audio',
			urlLabel: 'AudioURL',
			mimes: MIME.audio,
			mimeMessage: `your audio type is not allowed. please use (${audioMimeList})`,
		}),
	},
	sendFile: {
		sanitize: ['phone'],
		bind: 'body',
		struct: 'FileRequest',
		fields: { ...BASE, file: 'f', file_url: 's*', caption: 's', reply_message_id: 's*' },
		validate: mediaSend({ file: 'file', url: 'file_url', label: 'File', urlLabel: 'FileURL', maxSize: MAX_FILE_SIZE, sizeLabel: 'file' }),
	},
	sendVideo: {
		sanitize: ['phone'],
		bind: 'body',
		struct: 'VideoRequest',
		fields: { ...BASE, caption: 's', reply_message_id: 's*', video: 'f', view_once: 'b', compress: 'b', hd: 'b', gif_playback: 'b', video_url: 's*' },
		validate: mediaSend({
			file: 'video',
			url: 'video_url',
			label: 'Video',
			urlLabel: 'VideoURL',
			mimes: MIME.video,
			mimeMessage: 'your video type is not allowed. please use mp4/mkv/avi/x-msvideo',
			maxSize: MAX_VIDEO_SIZE,
			sizeLabel: 'video',
		}),
	},
	sendSticker: {
		sanitize: ['phone'],
		bind: 'body',
		struct: 'StickerRequest',
		fields: { ...BASE, sticker: 'f', sticker_url: 's*' },
		validate: (r) =>
			firstError(
				() => ozzo({ phone: required(r.phone) }),
				() => checkPhone(r.phone),
				() => (!r.sticker && !r.sticker_url ? validationError('either Sticker or StickerURL must be provided') : null),
				() => (r.sticker && r.sticker_url ? validationError('cannot provide both Sticker file and StickerURL') : null),
				() => (r.sticker && !MIME.sticker.includes(partType(r.sticker)) ? validationError('your sticker is not allowed. please use jpg/jpeg/png/webp/gif') : null),
				() => (r.sticker_url && !isGoUrl(r.sticker_url) ? validationError('StickerURL must be a valid URL') : null),
				() => checkDuration(r.duration),
			),
	},
	sendContact: {
		sanitize: ['phone'],
		bind: 'body',
		struct: 'ContactRequest',
		fields: { ...BASE, contact_name: 's', contact_phone: 's' },
		validate: (r) =>
			firstError(
				() => ozzo({ phone: required(r.phone), contact_phone: required(r.contact_phone), contact_name: required(r.contact_name) }),
				() => checkPhone(r.phone),
				() => {
					const message = phoneFormatError(r.contact_phone);
					return message ? validationError(`contact ${message}`) : null;
				},
				() => checkDuration(r.duration),
			),
	},
	sendLink: {
		sanitize: ['phone'],
		bind: 'body',
		struct: 'LinkRequest',
		fields: { ...BASE, caption: 's', link: 's' },
		validate: (r) =>
			firstError(
				() =>
					ozzo({
						phone: required(r.phone),
						link: required(r.link) || (isGoUrl(r.link) ? undefined : 'must be a valid URL'),
						caption: required(r.caption),
					}),
				() => checkPhone(r.phone),
				() => checkDuration(r.duration),
			),
	},
	sendLocation: {
		sanitize: ['phone'],
		bind: 'body',
		struct: 'LocationRequest',
		fields: { ...BASE, latitude: 's', longitude: 's' },
		validate: (r) =>
			firstError(
				() =>
					ozzo({
						phone: required(r.phone),
						latitude: required(r.latitude) || (LATITUDE.test(r.latitude) ? undefined : 'must be a valid latitude'),
						longitude: required(r.longitude) || (LONGITUDE.test(r.longitude) ? undefined : 'must be a valid longitude'),
					}),
				() => checkPhone(r.phone),
				() => checkDuration(r.duration),
			),
	},
	sendPoll: {
		sanitize: ['phone'],
		bind: 'body',
		struct: 'PollRequest',
		fields: { ...BASE, question: 's', options: 's[]', max_answer: 'i' },
		validate: (r) => {
			const options = r.options || [];
			if (options.length === 0) return validationError('options: cannot be blank.');
			const blank = {};
			options.forEach((option, index) => {
				if (option === '') blank[String(index)] = 'cannot be blank';
			});
			const blankMessage = ozzoMessage(blank);
			let maxAnswer;
			if (isEmpty(r.max_answer)) maxAnswer = 'cannot be blank';
			else if (r.max_answer < 1) maxAnswer = 'must be no less than 1';
			else if (r.max_answer > options.length) maxAnswer = `must be no greater than ${options.length}`;
			return firstError(
				() => ozzo({ phone: required(r.phone), question: required(r.question), options: blankMessage ? `(${blankMessage})` : undefined, max_answer: maxAnswer }),
				() => checkPhone(r.phone),
				() => checkDuration(r.duration),
				() => (new Set(options).size !== options.length ? validationError('options should be unique') : null),
			);
		},
	},
	sendPresence: {
		bind: 'body',
		struct: 'PresenceRequest',
		fields: { type: 's', is_forwarded: 'b' },
		validate: (r) => ozzo({ type: r.type === '' || ['available', 'unavailable'].includes(r.type) ? undefined : 'must be a valid value' }),
	},
	sendChatPresence: {
		sanitize: ['phone'],
		bind: 'body',
		struct: 'ChatPresenceRequest',
		fields: { ...BASE, action: 's' },
		validate: (r) =>
			firstError(
				() => ozzo({ phone: required(r.phone), action: required(r.action) || (['start', 'stop'].includes(r.action) ? undefined : 'must be a valid value') }),
				() => checkPhone(r.phone),
			),
	},

	// --- message -----------------------------------------------------------------------------------------------
	revokeMessage: messageOp('RevokeRequest', {}, (r) => ozzo({ phone: required(r.phone), message_id: required(r.message_id) })),
	deleteMessage: messageOp('DeleteRequest', {}, (r) => ozzo({ phone: required(r.phone), message_id: required(r.message_id) })),
	reactMessage: messageOp('ReactionRequest', { emoji: 's' }, (r) => ozzo({ phone: required(r.phone), message_id: required(r.message_id) })),
	updateMessage: messageOp('UpdateMessageRequest', { message: 's' }, (r) =>
		ozzo({ phone: required(r.phone), message_id: required(r.message_id), message: required(r.message) }),
	),
	readMessage: messageOp('MarkAsReadRequest', {}, (r) => ozzo({ message_id: required(r.message_id), phone: required(r.phone) })),
	starMessage: messageOp('StarRequest', { is_starred: 'b' }, (r) => ozzo({ phone: required(r.phone), message_id: required(r.message_id) })),
	unstarMessage: messageOp('StarRequest', { is_starred: 'b' }, (r) => ozzo({ phone: required(r.phone), message_id: required(r.message_id) })),
	forwardMessage: messageOp('ForwardRequest', { duration: 'i*', force_reupload: 'b' }, (r) =>
		firstError(
			() => ozzo({ message_id: required(r.message_id), phone: required(r.phone) }),
			() => checkPhone(r.phone),
			() => checkDuration(r.duration),
		),
	),
	downloadMessageMedia: {
		sanitize: ['phone'],
		bind: 'none',
		validate: (r) => ozzo({ phone: required(r.phone), message_id: required(r.message_id) }),
		prepare: (input) => ({ message_id: input.params.message_id || '', phone: firstQuery(input, 'phone') }),
	},

	// --- call --------------------------------------------------------------------------------------------------
	rejectCall: {
		bind: 'body',
		struct: 'RejectCallRequest',
		fields: { caller_jid: 's', call_id: 's' },
		validate: (r) => ozzo({ caller_jid: required(String(r.caller_jid).trim()), call_id: required(String(r.call_id).trim()) }),
	},

	// --- chat --------------------------------------------------------------------------------------------------
	listChats: {
		bind: 'none',
		prepare: (input) => ({
			limit: fiberQueryInt(input, 'limit', 25),
			offset: fiberQueryInt(input, 'offset', 0),
			search: firstQuery(input, 'search'),
			has_media: fiberQueryBool(input, 'has_media', false),
			archived: firstQuery(input, 'archived') !== '' ? fiberQueryBool(input, 'archived', false) : undefined,
		}),
		validate: (r) => {
			if (r.limit === 0) r.limit = 25;
			return ozzo({
				limit: r.limit < 1 ? 'must be no less than 1' : r.limit > 100 ? 'must be no greater than 100' : undefined,
				offset: r.offset < 0 ? 'must be no less than 0' : undefined,
			});
		},
	},
	getChatMessages: {
		bind: 'none',
		prepare: (input) => ({
			chat_jid: input.params.chat_jid,
			limit: fiberQueryInt(input, 'limit', 50),
			offset: fiberQueryInt(input, 'offset', 0),
			media_only: fiberQueryBool(input, 'media_only', false),
			search: firstQuery(input, 'search'),
			start_time: firstQuery(input, 'start_time') || undefined,
			end_time: firstQuery(input, 'end_time') || undefined,
			is_from_me: firstQuery(input, 'is_from_me') !== '' ? fiberQueryBool(input, 'is_from_me', false) : undefined,
		}),
		validate: (r) => {
			if (r.limit === 0) r.limit = 50;
			return ozzo({
				chat_jid: required(r.chat_jid),
				limit: r.limit < 1 ? 'must be no less than 1' : r.limit > 100 ? 'must be no greater than 100' : undefined,
				offset: r.offset < 0 ? 'must be no less than 0' : undefined,
			});
		},
	},
	pinChat: chatOp('PinChatRequest', { pinned: 'b' }),
	archiveChat: chatOp('ArchiveChatRequest', { archived: 'b' }),
	setDisappearingTimer: chatOp('SetDisappearingTimerRequest', { timer_seconds: 'u32' }, (r) =>
		ozzo({
			chat_jid: required(r.chat_jid),
			timer_seconds: DURATIONS.includes(r.timer_seconds) ? undefined : 'timer_seconds must be one of: 0 (off), 86400 (24h), 604800 (7d), 7776000 (90d)',
		}),
	),

	// --- group -------------------------------------------------------------------------------------------------
	groupInfo: groupQueryOp('GroupInfoRequest', {}),
	createGroup: {
		bind: 'body',
		struct: 'CreateGroupRequest',
		fields: { title: 's', participants: 's[]' },
		validate: (r) => ozzo({ title: required(r.title), participants: participantsError(r.participants) }),
	},
	getGroupParticipants: groupQueryOp('GetGroupParticipantsRequest', {}, { emptyGroupCode: true }),
	exportGroupParticipants: groupQueryOp('GetGroupParticipantsRequest', {}, { emptyGroupCode: true }),
	addParticipantToGroup: participantsOp('ParticipantRequest'),
	removeParticipantFromGroup: participantsOp('ParticipantRequest'),
	promoteParticipantToAdmin: participantsOp('ParticipantRequest'),
	demoteParticipantToMember: participantsOp('ParticipantRequest'),
	joinGroupWithLink: { bind: 'body', struct: 'JoinGroupWithLinkRequest', fields: { link: 's' }, validate: (r) => ozzo({ link: required(r.link) }) },
	getGroupInfoFromLink: { bind: 'query', struct: 'GetGroupInfoFromLinkRequest', fields: { link: 's' }, validate: (r) => ozzo({ link: required(r.link) }) },
	getGroupParticipantRequests: groupQueryOp('GetGroupRequestParticipantsRequest', {}, { emptyGroupCode: true }),
	approveGroupParticipantRequest: participantsOp('GroupRequestParticipantsRequest'),
	rejectGroupParticipantRequest: participantsOp('GroupRequestParticipantsRequest'),
	leaveGroup: groupBodyOp('LeaveGroupRequest', {}),
	setGroupPhoto: groupBodyOp('SetGroupPhotoRequest', { photo: 'f' }, (r) =>
		firstError(
			() => ozzo({ group_id: required(r.group_id) }),
			() => (r.photo && partType(r.photo) !== '' && !MIME.groupPhoto.includes(partType(r.photo)) ? validationError('uploaded file must be an image') : null),
		),
	),
	setGroupName: groupBodyOp('SetGroupNameRequest', { name: 's' }, (r) =>
		ozzo({
			group_id: required(r.group_id),
			name: required(r.name) || ([...r.name].length > 25 ? 'the length must be between 1 and 25' : undefined),
		}),
	),
	setGroupLocked: groupBodyOp('SetGroupLockedRequest', { locked: 'b' }),
	setGroupAnnounce: groupBodyOp('SetGroupAnnounceRequest', { announce: 'b' }),
	setGroupTopic: groupBodyOp('SetGroupTopicRequest', { topic: 's' }),
	groupInviteLink: groupQueryOp('GetGroupInviteLinkRequest', { reset: 'b' }),

	// --- newsletter --------------------------------------------------------------------------------------------
	unfollowNewsletter: {
		bind: 'body',
		struct: 'UnfollowRequest',
		fields: { newsletter_id: 's' },
		validate: (r) => ozzo({ newsletter_id: required(r.newsletter_id) }),
	},
	getNewsletterMessages: {
		bind: 'query',
		struct: 'GetMessagesRequest',
		fields: { newsletter_id: 's', count: 'i', before: 'i' },
		validate: (r) => {
			if (r.count === 0) r.count = 50;
			return ozzo({
				newsletter_id: required(r.newsletter_id) || (r.newsletter_id.endsWith('@newsletter') ? undefined : 'must end with @newsletter'),
				count: r.count < 1 ? 'must be no less than 1' : r.count > 100 ? 'must be no greater than 100' : undefined,
				before: r.before < 0 ? 'must be no less than 0' : undefined,
			});
		},
	},
};

function firstQuery(input, name) {
	const list = input.query && input.query[name];
	return list && list.length ? list[0] : '';
}

/** fiber.Query[int](c, key, default): invalid or missing → default. */
function fiberQueryInt(input, name, fallback) {
	const value = parseGoInt(firstQuery(input, name));
	return value === undefined ? fallback : value;
}

function fiberQueryBool(input, name, fallback) {
	const text = firstQuery(input, name);
	const value = ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text) ? true : ['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text) ? false : undefined;
	return value === undefined ? fallback : value;
}

function messageOp(struct, extraFields, validate) {
	return {
		bind: 'body',
		struct,
		fields: { message_id: 's', phone: 's', ...extraFields },
		sanitize: ['phone'],
		afterBind: (request, input) => {
			request.message_id = input.params.message_id || '';
		},
		validate,
	};
}

function chatOp(struct, extraFields, validate) {
	return {
		bind: 'body',
		struct,
		bindErrorMode: 'badRequest',
		fields: { chat_jid: 's', ...extraFields },
		beforeBind: (request, input) => {
			request.chat_jid = input.params.chat_jid;
		},
		validate: validate || ((r) => ozzo({ chat_jid: required(r.chat_jid) })),
	};
}

function groupQueryOp(struct, extraFields, options = {}) {
	return {
		bind: 'query',
		struct,
		sanitize: ['group_id'],
		fields: { group_id: 's', ...extraFields },
		preValidate: options.emptyGroupCode
			? (r) => (r.group_id === '' ? new GowaError(400, 'INVALID_GROUP_ID', 'Group ID cannot be empty', { kind: 'validation' }) : null)
			: undefined,
		validate: (r) => ozzo({ group_id: required(r.group_id) }),
	};
}

function groupBodyOp(struct, extraFields, validate) {
	return {
		bind: 'body',
		struct,
		sanitize: ['group_id'],
		fields: { group_id: 's', ...extraFields },
		validate: validate || ((r) => ozzo({ group_id: required(r.group_id) })),
	};
}

function participantsError(participants) {
	if (isEmpty(participants)) return 'cannot be blank';
	const blank = {};
	participants.forEach((participant, index) => {
		if (participant === '') blank[String(index)] = 'cannot be blank';
	});
	const message = ozzoMessage(blank);
	return message ? `(${message})` : undefined;
}

function participantsOp(struct) {
	return {
		bind: 'body',
		struct,
		sanitize: ['group_id'],
		fields: { group_id: 's', participants: 's[]', action: 's' },
		validate: (r) => ozzo({ group_id: required(r.group_id), participants: participantsError(r.participants) }),
	};
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

/** Binds the request like the Go handler (zero values, then handler defaults/path values, then what the body sets). */
function bindRequest(operationId, input) {
	const definition = OPERATIONS[operationId];
	if (!definition) return {};
	const request = {};
	for (const [field, type] of Object.entries(definition.fields || {})) request[field] = ZERO[type];
	if (definition.defaults) Object.assign(request, definition.defaults);
	if (definition.prepare) Object.assign(request, definition.prepare(input));
	if (definition.beforeBind) definition.beforeBind(request, input);
	try {
		if (definition.bind === 'body') Object.assign(request, bindBody(definition, input));
		else if (definition.bind === 'query') Object.assign(request, bindValues(definition, input.query || {}, undefined));
	} catch (error) {
		if (!(error instanceof GowaError)) throw error;
		if (definition.bindErrorMode === 'badRequest') throw badRequest('Invalid request body');
		if (definition.bindErrorMode === 'plain400') {
			throw new GowaError(400, 'BAD_REQUEST', `invalid WebAuthn assertion payload: ${error.message}`, { plain: true, kind: 'validation' });
		}
		throw error;
	}
	if (definition.afterBind) definition.afterBind(request, input);
	return request;
}

/** utils.SanitizePhone on the fields the handler sanitizes before calling the usecase. */
function sanitizeRequest(operationId, request) {
	const definition = OPERATIONS[operationId];
	for (const field of (definition && definition.sanitize) || []) request[field] = sanitizePhone(request[field]);
	return request;
}

/** Handler-level checks that run before the usecase validation (e.g. INVALID_GROUP_ID). */
function preValidateRequest(operationId, request, input) {
	const definition = OPERATIONS[operationId];
	return definition && definition.preValidate ? definition.preValidate(request, input) : null;
}

/** The usecase validation (validations/*.go). Returns a GowaError or null. */
function validateRequest(operationId, request, input = {}) {
	const definition = OPERATIONS[operationId];
	if (!definition || !definition.validate) return null;
	return definition.validate(request, input);
}

/** bind + preValidate + validate in one go: { request, error }. */
function checkRequest(operationId, input) {
	let request;
	try {
		request = bindRequest(operationId, input);
	} catch (error) {
		if (error instanceof GowaError) return { request: undefined, error };
		throw error;
	}
	const preError = preValidateRequest(operationId, request, input);
	if (preError) return { request, error: preError };
	sanitizeRequest(operationId, request);
	return { request, error: validateRequest(operationId, request, input) };
}

/**
 * Group participants must be bare phone numbers: the server appends `@s.whatsapp.net` and checks each on WhatsApp,
 * so JIDs, LIDs and local numbers fail with INVALID_JID "user is not registered".
 */
function isBareParticipant(participant) {
	return /^\+?[1-9][0-9]{4,14}$/.test(String(participant));
}

module.exports = {
	DURATIONS,
	MIME,
	OPERATIONS,
	bindRequest,
	checkRequest,
	isBareParticipant,
	isGoUrl,
	ozzoMessage,
	phoneFormatError,
	preValidateRequest,
	sanitizeRequest,
	validateRequest,
};
