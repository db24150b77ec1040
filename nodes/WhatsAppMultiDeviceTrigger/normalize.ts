import type { IDataObject } from 'n8n-workflow';

import { phoneFromJid } from '../shared/phone';
import { findMedia } from './media';
import { pollVoteOf, replyOf } from './pollVote';

/** One webhook delivery as GOWA posts it (v8+): `{event, device_id, session_id?, timestamp?, payload}`. */
export interface GowaEvent {
	event: string;
	device_id: string;
	session_id?: string;
	timestamp?: string;
	payload: IDataObject;
}

/** The raw body as JSON; undefined when it is not JSON. */
export function parseJsonBody(rawBody: Buffer | string): unknown {
	try {
		return JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
	} catch {
		return undefined;
	}
}

/** Parses the raw body; undefined when it is not JSON of the GOWA envelope shape. */
export function parseGowaEvent(rawBody: Buffer | string): GowaEvent | undefined {
	return asGowaEvent(parseJsonBody(rawBody));
}

/** Checks an already parsed body for the GOWA envelope shape. */
export function asGowaEvent(value: unknown): GowaEvent | undefined {
	if (!isObject(value)) return undefined;
	const { event, payload } = value;
	if (typeof event !== 'string' || event.trim() === '' || !isObject(payload)) return undefined;
	return {
		...value,
		event: event.trim().toLowerCase(),
		device_id: typeof value.device_id === 'string' ? value.device_id : '',
		payload,
	} as GowaEvent;
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The chat the event belongs to: the chat, or the channel, the group of a group call, the caller of a 1:1 call. */
export function chatIdOf(event: GowaEvent): string | undefined {
	const payload = event.payload;
	return (
		text(payload.chat_id) ??
		text(payload.newsletter_id) ??
		text(payload.group_jid) ??
		(event.event === 'call.offer' ? text(payload.from) : undefined) ??
		text(payload.revoked_chat)
	);
}

export function isGroupEvent(event: GowaEvent): boolean {
	if (typeof event.payload.is_group === 'boolean') return event.payload.is_group;
	return (chatIdOf(event) ?? '').toLowerCase().endsWith('@g.us');
}

/** What kind of message a `message*` event carries; null for other events. Media wins over a caption's body. */
export function messageTypeOf(event: GowaEvent): string | null {
	const payload = event.payload;
	switch (event.event) {
		case 'message.reaction':
			return 'reaction';
		case 'message.revoked':
			return 'revoked';
		case 'message.edited':
			return 'edited';
		case 'message.deleted':
			return 'deleted';
		case 'message':
			break;
		default:
			return null;
	}
	const media = findMedia(payload);
	if (media) return media.kind;
	const byKey: Array<[string, string]> = [
		['location', 'location'],
		['live_location', 'liveLocation'],
		['contact', 'contact'],
		['contacts_array', 'contacts'],
		['list', 'list'],
		['order', 'order'],
		['interactive', 'interactive'],
	];
	for (const [key, type] of byKey) if (payload[key] !== undefined && payload[key] !== null) return type;
	if (typeof payload.body === 'string') return 'text';
	if (pollVoteOf(payload) !== undefined) return 'pollVote';
	// GOWA forwards polls, templates and other kinds it does not decode (and votes before v9.5) without content.
	return 'unknown';
}

/** Message text: the body (GOWA puts captions there too), a media caption, or the emoji of a reaction. */
function textOf(event: GowaEvent): string | null {
	const payload = event.payload;
	if (typeof payload.body === 'string') return payload.body;
	if (event.event === 'message.reaction' && typeof payload.reaction === 'string') return payload.reaction;
	const caption = findMedia(payload)?.caption;
	return caption ?? null;
}

/** The id of the event's own message; for deletions the deleted one, for receipts the first acknowledged one. */
function messageIdOf(event: GowaEvent): string | null {
	const payload = event.payload;
	if (text(payload.id)) return payload.id as string;
	if (event.event === 'message.deleted') return text(payload.deleted_message_id) ?? null;
	if (Array.isArray(payload.ids)) return text(payload.ids[0]) ?? null;
	if (event.event === 'newsletter.message' && Array.isArray(payload.messages)) {
		const first = payload.messages[0];
		return isObject(first) ? (text(first.message_id) ?? null) : null;
	}
	return null;
}

/** The earlier message the event acts on: reacted to, edited, revoked or deleted. */
function targetMessageIdOf(event: GowaEvent): string | null {
	const payload = event.payload;
	const key: Record<string, string> = {
		'message.reaction': 'reacted_message_id',
		'message.edited': 'original_message_id',
		'message.revoked': 'revoked_message_id',
		'message.deleted': 'deleted_message_id',
	};
	return key[event.event] ? (text(payload[key[event.event]]) ?? null) : null;
}

/** The event's own time as GOWA wrote it: RFC 3339, top level for most events, in the payload for messages. */
function rawTimestampOf(event: GowaEvent): string | undefined {
	return text(event.timestamp) ?? text(event.payload.timestamp);
}

/** The event's own time in ms since the epoch; undefined when it has none or it is not a date. */
export function eventTimeMs(event: GowaEvent): number | undefined {
	const raw = rawTimestampOf(event);
	const millis = raw === undefined ? Number.NaN : Date.parse(raw);
	return Number.isNaN(millis) ? undefined : millis;
}

/** The event's time as an ISO-8601 UTC string (GOWA's text when it is not a date). */
function timestampOf(event: GowaEvent): string | null {
	const millis = eventTimeMs(event);
	return millis !== undefined ? new Date(millis).toISOString() : (rawTimestampOf(event) ?? null);
}

/**
 * The flat fields of one event, ready for the next node: who, which chat, what was said, then `extra` (e.g. the
 * deduplication key). The untouched `payload` follows them so nothing GOWA sent is lost.
 */
export function flattenEvent(event: GowaEvent, extra: IDataObject = {}): IDataObject {
	const payload = event.payload;
	const senderJid = text(payload.from) ?? null;
	// Poll votes (GOWA v9.5+): the vote, and the chosen option as a generic reply; absent on other events.
	const vote = event.event === 'message' ? pollVoteOf(payload) : undefined;
	const poll = vote !== undefined ? { pollVote: vote as unknown as IDataObject, reply: replyOf(vote) } : {};
	return {
		event: event.event,
		deviceId: event.device_id || null,
		sessionId: text(event.session_id) ?? null,
		chatId: chatIdOf(event) ?? null,
		isGroup: isGroupEvent(event),
		sender: phoneFromJid(senderJid) ?? null,
		senderJid,
		senderName: text(payload.sender_display_name) ?? text(payload.from_name) ?? null,
		messageId: messageIdOf(event),
		messageType: messageTypeOf(event),
		text: textOf(event),
		timestamp: timestampOf(event),
		isFromMe: payload.is_from_me === true,
		repliedToId: text(payload.replied_to_id) ?? null,
		targetMessageId: targetMessageIdOf(event),
		...poll,
		...extra,
		payload,
	};
}
