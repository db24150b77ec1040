'use strict';
/**
 * Builders for incoming webhook events with GOWA's shapes (docs/webhook-payload.md, NOTES §6.3–6.4).
 *
 *   buildPayload('message', { body: 'Hi' })                       → payload object
 *   buildPayload('message', {}, { media: 'image', caption: 'x' })  → image message (auto-download path form)
 *   buildEvent('message.ack', { ids: ['3EB0…'] }, { deviceJid, sessionId })
 *       → { event, device_id, session_id?, timestamp? (only for events that carry one), payload }
 *
 * `fields` override the defaults (a field set to undefined is removed). The envelope is delivered with keys sorted
 * (Go map marshalling) by sendWebhook().
 */

const { messageId, rfc3339, uuid } = require('./util');

const EVENTS = [
	'message',
	'message.reaction',
	'message.revoked',
	'message.edited',
	'message.deleted',
	'message.ack',
	'chat_presence',
	'group.participants',
	'group.joined',
	'label.edit',
	'label.association',
	'newsletter.joined',
	'newsletter.left',
	'newsletter.message',
	'newsletter.mute',
	'call.offer',
];

/** Events whose envelope has a top-level RFC3339 `timestamp`. */
const TIMESTAMPED = new Set(['message.ack', 'chat_presence', 'group.participants', 'group.joined', 'label.edit', 'label.association', 'newsletter.joined', 'newsletter.left', 'newsletter.message', 'newsletter.mute', 'call.offer']);

const DEFAULT_DEVICE_JID = '6281234567890@s.whatsapp.net';
const CUSTOMER_JID = '6289876543210@s.whatsapp.net';
const CUSTOMER_LID = '251556368777322@lid';
const GROUP_JID = '120363402106123456@g.us';

const MEDIA_EXTENSIONS = { image: '.jpeg', video: '.mp4', audio: '.ogg', document: '.pdf', sticker: '.webp', video_note: '.mp4' };

const RECEIPT_DESCRIPTIONS = {
	delivered: 'means the message was delivered to the device (but the user might not have noticed).',
	read: 'the user opened the chat and saw the message.',
	'read-self': 'the current user read a message from a different device, and has read receipts disabled in privacy settings.',
};

function mediaPath(kind, fileName) {
	const unix = Math.floor(Date.now() / 1000);
	if (kind === 'document' && fileName) return `statics/media/${unix}-${fileName}`;
	return `statics/media/${unix}-${uuid()}${MEDIA_EXTENSIONS[kind] || ''}`;
}

/** The media value of a `message` payload (auto-download on: path or {path, caption}; off: {url, …}). */
function mediaValue(kind, { caption, autoDownload = true, fileName, path } = {}) {
	if (autoDownload) {
		const file = path || mediaPath(kind, fileName);
		if (['image', 'video', 'document', 'video_note'].includes(kind) && caption) return { path: file, caption };
		return file;
	}
	const url = `https://mmg.whatsapp.net/v/t62.7118-24/${uuid().replace(/-/g, '').slice(0, 24)}.enc?ccb=11-4`;
	if (kind === 'document') return { url, filename: fileName || 'document.pdf' };
	if (['image', 'video', 'video_note'].includes(kind)) return caption ? { url, caption } : { url };
	return { url };
}

function common(options, now) {
	const group = Boolean(options.group);
	const payload = {
		id: messageId(),
		chat_id: group ? GROUP_JID : CUSTOMER_JID,
		from: CUSTOMER_JID,
		from_name: 'Budi Santoso',
		sender_display_name: 'Budi Santoso',
		timestamp: rfc3339(now),
		is_from_me: false,
	};
	if (options.fromLid || group) payload.from_lid = CUSTOMER_LID;
	return payload;
}

function defaults(event, options, now) {
	switch (event) {
		case 'message': {
			const payload = common(options, now);
			if (options.media) {
				if (options.caption) payload.body = options.caption;
				payload[options.media] = mediaValue(options.media, options);
			} else {
				payload.body = 'Hi! Can I book a haircut for Saturday at 10:00?';
			}
			return payload;
		}
		case 'message.reaction':
			return { ...common(options, now), reaction: '👍', reacted_message_id: messageId() };
		case 'message.revoked':
			return { ...common(options, now), is_from_me: false, revoked_message_id: messageId(), revoked_from_me: false, revoked_chat: CUSTOMER_JID };
		case 'message.edited':
			return { ...common(options, now), original_message_id: messageId(), body: 'Sorry, I meant 11:00' };
		case 'message.deleted':
			return {
				deleted_message_id: messageId(),
				timestamp: rfc3339(now),
				from: CUSTOMER_JID,
				sender_display_name: 'Budi Santoso',
				chat_id: CUSTOMER_JID,
				original_content: 'Hi! Can I book a haircut for Saturday at 10:00?',
				original_sender: CUSTOMER_JID,
				original_timestamp: rfc3339(now - 60_000),
				was_from_me: false,
			};
		case 'message.ack': {
			const type = options.receiptType || 'delivered';
			return {
				ids: [messageId()],
				chat_id: CUSTOMER_JID,
				from: CUSTOMER_JID,
				sender_display_name: 'Budi Santoso',
				receipt_type: type,
				receipt_type_description: RECEIPT_DESCRIPTIONS[type] || '',
			};
		}
		case 'chat_presence':
			return { from: CUSTOMER_JID, sender_display_name: 'Budi Santoso', chat_id: options.group ? GROUP_JID : CUSTOMER_JID, state: 'composing', media: '', is_group: Boolean(options.group) };
		case 'group.participants':
			return { chat_id: GROUP_JID, type: 'join', jids: [CUSTOMER_JID] };
		case 'group.joined':
			return { chat_id: GROUP_JID, type: 'join', jids: [options.deviceJid || DEFAULT_DEVICE_JID], reason: 'invite', group_name: 'Salon Ayu Staff' };
		case 'label.edit':
			return { label_id: '9', name: 'Important', color: 2, predefined_id: '1', deleted: false, order_index: 1, is_active: true, type: 'CUSTOM', is_immutable: false, mute_end_time_ms: 0 };
		case 'label.association':
			return { label_id: '9', labeled: true, chat_id: CUSTOMER_JID };
		case 'newsletter.joined':
			return { newsletter_id: '120363123456789012@newsletter', name: 'Salon Ayu News', description: 'Promos, tips and opening hours.' };
		case 'newsletter.left':
			return { newsletter_id: '120363123456789012@newsletter', role: 'subscriber' };
		case 'newsletter.message':
			return {
				newsletter_id: '120363123456789012@newsletter',
				messages: [{ server_id: 123, message_id: messageId(), type: 'text', timestamp: rfc3339(now), views_count: 1500, reaction_counts: { '👍': 50, '❤️': 25 } }],
			};
		case 'newsletter.mute':
			return { newsletter_id: '120363123456789012@newsletter', mute: 'on' };
		case 'call.offer':
			return { call_id: uuid().replace(/-/g, '').slice(0, 32).toUpperCase(), from: CUSTOMER_JID, sender_display_name: 'Budi Santoso', auto_rejected: false, remote_platform: 'android', remote_version: '2.24.1.5' };
		default:
			return {};
	}
}

/**
 * A realistic payload for `event`. options: { media: 'image'|'video'|'audio'|'document'|'sticker'|'video_note',
 * caption, autoDownload (true), fileName, group, fromLid, receiptType ('delivered'|'read'|'read-self'), now }.
 */
function buildPayload(event, fields = {}, options = {}) {
	const now = options.now ? new Date(options.now).getTime() : Date.now();
	const payload = { ...defaults(event, options, now), ...fields };
	for (const key of Object.keys(payload)) if (payload[key] === undefined) delete payload[key];
	return payload;
}

/**
 * The full envelope GOWA posts. options: { deviceJid, sessionId, timestamp, payload (use as-is) } plus the
 * buildPayload options.
 */
function buildEvent(event, fields = {}, options = {}) {
	const envelope = { event, device_id: options.deviceJid || DEFAULT_DEVICE_JID };
	if (options.sessionId) envelope.session_id = options.sessionId;
	if (TIMESTAMPED.has(event)) envelope.timestamp = options.timestamp || rfc3339(options.now ? new Date(options.now) : new Date());
	envelope.payload = options.payload !== undefined ? options.payload : buildPayload(event, fields || {}, options);
	return envelope;
}

module.exports = { EVENTS, TIMESTAMPED, buildEvent, buildPayload, mediaValue };
