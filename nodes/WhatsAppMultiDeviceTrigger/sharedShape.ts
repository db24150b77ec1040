import type { IBinaryData, IDataObject } from 'n8n-workflow';

import type { DeliveryStatus, EventMedia, InboundEvent, InboundEventKind, ReplyChoice } from '../shared/inboundEvent';
import { resolveMimeType } from '../WhatsAppMultiDevice/helpers/media';
import { baseName, findMedia } from './media';
import type { GowaEvent } from './normalize';

/**
 * Version 1.1 output: the event shape both triggers share (nodes/shared/inboundEvent.ts, README "One event shape for
 * both providers"), followed by every field version 1 has, unchanged, except `event`: GOWA's own name is `gowaEvent`.
 */

const KIND_BY_EVENT: Record<string, InboundEventKind> = {
	message: 'message',
	'message.reaction': 'reaction',
	'message.edited': 'edited',
	'message.revoked': 'revoked',
	'message.deleted': 'deleted',
	'message.ack': 'status',
	'call.offer': 'call',
	chat_presence: 'presence',
};

const KIND_BY_PREFIX: Array<[string, InboundEventKind]> = [
	['group.', 'group'],
	['label.', 'label'],
	['newsletter.', 'newsletter'],
];

/** The shared kind of a GOWA event name (already lower-cased); `other` for names GOWA may add later. */
export function eventKindOf(gowaEvent: string): InboundEventKind {
	if (Object.prototype.hasOwnProperty.call(KIND_BY_EVENT, gowaEvent)) return KIND_BY_EVENT[gowaEvent];
	return KIND_BY_PREFIX.find(([prefix]) => gowaEvent.startsWith(prefix))?.[1] ?? 'other';
}

/** Receipt types that report the delivery of an outbound message; `read-self` (read on another own device) is none. */
const STATUS_BY_RECEIPT: Record<string, DeliveryStatus> = { delivered: 'delivered', read: 'read', played: 'played' };

/** The delivery status a `message.ack` reports; null for other events and other receipt types. */
export function deliveryStatusOf(event: GowaEvent): DeliveryStatus | null {
	if (event.event !== 'message.ack' || typeof event.payload.receipt_type !== 'string') return null;
	const receipt = event.payload.receipt_type.trim().toLowerCase();
	return Object.prototype.hasOwnProperty.call(STATUS_BY_RECEIPT, receipt) ? STATUS_BY_RECEIPT[receipt] : null;
}

/** A downloaded file of the event: the binary property it went to, and n8n's record of it. */
export interface DownloadedMedia {
	property: string;
	binary: IBinaryData;
}

/**
 * The media of a `message` event. Downloaded: the binary property with its MIME type and file name. Not downloaded:
 * the file name GOWA gave (or its stored file's name) and the MIME type that name implies; null when unknown.
 */
export function mediaOf(event: GowaEvent, downloaded?: DownloadedMedia): EventMedia | null {
	const media = event.event === 'message' ? findMedia(event.payload) : undefined;
	if (media === undefined) return null;
	if (downloaded !== undefined) {
		return { binaryProperty: downloaded.property, mimeType: downloaded.binary.mimeType ?? null, fileName: downloaded.binary.fileName ?? null };
	}
	const fileName = media.fileName ?? (media.path !== undefined ? baseName(media.path) : undefined) ?? null;
	const mimeType = fileName === null ? null : resolveMimeType(undefined, fileName);
	return { binaryProperty: null, mimeType: mimeType === 'application/octet-stream' ? null : mimeType, fileName };
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * Builds the version 1.1 item from the version 1 fields (`flat`, from flattenEvent) and the envelope as posted.
 * `tenant` is the device slot id GOWA sends as `session_id` (what a send's `tenant` and X-Device-Id name), else the
 * receiving account's JID (`device_id`).
 */
export function toInboundEvent(event: GowaEvent, posted: IDataObject, flat: IDataObject, downloaded?: DownloadedMedia): IDataObject {
	const status = deliveryStatusOf(event);
	const media = event.event === 'message' ? findMedia(event.payload) : undefined;
	const shared: Omit<InboundEvent, 'raw'> = {
		provider: 'gowa',
		tenant: stringOrNull(flat.sessionId) ?? stringOrNull(flat.deviceId),
		event: eventKindOf(event.event),
		messageId: stringOrNull(flat.messageId),
		chatId: stringOrNull(flat.chatId),
		from: stringOrNull(flat.sender),
		fromName: stringOrNull(flat.senderName),
		// A receipt reports on a message this account sent.
		fromMe: status !== null || flat.isFromMe === true,
		isGroup: flat.isGroup === true,
		type: stringOrNull(flat.messageType),
		text: stringOrNull(flat.text),
		caption: media?.caption ?? null,
		replyTo: stringOrNull(flat.repliedToId),
		reply: (flat.reply as ReplyChoice | null | undefined) ?? null,
		media: mediaOf(event, downloaded),
		status,
		error: null,
		timestamp: stringOrNull(flat.timestamp),
	};
	const { event: gowaEvent, ...gowaFields } = flat;
	return { ...(shared as unknown as IDataObject), gowaEvent, ...gowaFields, raw: posted };
}
