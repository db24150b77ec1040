import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import type { DeliveryStatus, EventError, EventMedia, InboundEvent, ReplyChoice } from '../shared/inboundEvent';
import type { CloudUpdate } from './payload';
import { isObject } from './payload';

/**
 * The Cloud column of the shared event mapping (README "WhatsApp Cloud Trigger"): one InboundEvent per message,
 * status or error, then the Cloud-specific fields. Every field is read defensively: a wrong type gives null.
 */

export type CloudEvent = InboundEvent & IDataObject;

export const MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker'];
const STATUSES: DeliveryStatus[] = ['sent', 'delivered', 'read', 'played', 'failed'];

function str(value: unknown): string | null {
	if (typeof value === 'string') return value;
	return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

function obj(value: unknown): IDataObject {
	return isObject(value) ? value : {};
}

/** ISO-8601 UTC from Meta's unix seconds (a string); null when it is not a plausible time. */
export function isoTime(value: unknown): string | null {
	const text = str(value);
	if (text === null || !/^\d{1,12}$/.test(text)) return null;
	const date = new Date(Number(text) * 1000);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function errorOf(value: unknown): EventError | null {
	if (!isObject(value)) return null;
	const code = typeof value.code === 'number' || typeof value.code === 'string' ? value.code : null;
	return { code, title: str(value.title), message: str(value.message) ?? str(obj(value.error_data).details) };
}

function shortHash(value: unknown): string {
	return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
}

/** `cloud:<wamid>` for messages, `cloud:<wamid>:<status>` for statuses; errors (no wamid) by tenant and content. */
export function cloudDedupKey(update: CloudUpdate, tenant: string | null): string {
	const id = str(update.raw.id);
	if (update.kind === 'message' && id !== null) return `cloud:${id}`;
	if (update.kind === 'status' && id !== null) return `cloud:${id}:${str(update.raw.status) ?? ''}`;
	return `cloud:${update.kind}:${shortHash([tenant, update.raw])}`;
}

function messageText(message: IDataObject, type: string | null): string | null {
	switch (type) {
		case 'text':
			return str(obj(message.text).body);
		case 'interactive': {
			const interactive = obj(message.interactive);
			return str(obj(interactive.button_reply).title) ?? str(obj(interactive.list_reply).title);
		}
		case 'button':
			return str(obj(message.button).text);
		case 'reaction':
			return str(obj(message.reaction).emoji);
		default:
			return null;
	}
}

function replyOf(message: IDataObject, type: string | null): ReplyChoice | null {
	if (type === 'interactive') {
		const interactive = obj(message.interactive);
		const choice = isObject(interactive.button_reply) ? interactive.button_reply : isObject(interactive.list_reply) ? interactive.list_reply : undefined;
		return choice ? { id: str(choice.id), title: str(choice.title) } : null;
	}
	if (type === 'button' && isObject(message.button)) return { id: str(message.button.payload), title: str(message.button.text) };
	return null;
}

function mediaOf(message: IDataObject, type: string | null): EventMedia | null {
	if (type === null || !MEDIA_TYPES.includes(type) || !isObject(message[type])) return null;
	const media = message[type] as IDataObject;
	return { binaryProperty: null, mimeType: str(media.mime_type), fileName: str(media.filename) };
}

function senderName(value: IDataObject, from: string | null): string | null {
	if (from === null || !Array.isArray(value.contacts)) return null;
	for (const contact of value.contacts.slice(0, 100)) {
		if (isObject(contact) && str(contact.wa_id) === from) return str(obj(contact.profile).name);
	}
	return null;
}

/** The shared fields in the order of InboundEvent (items read the same on both providers). */
const EMPTY = {
	provider: 'cloud' as const, tenant: null, event: 'other' as const, messageId: null, chatId: null, from: null, fromName: null, fromMe: false, isGroup: false, type: null, text: null,
	caption: null, replyTo: null, reply: null, media: null, status: null, error: null, timestamp: null, raw: {},
};

export function toCloudEvent(update: CloudUpdate): CloudEvent {
	const { raw, value } = update;
	const metadata = obj(value.metadata);
	const tenant = str(metadata.phone_number_id);
	const base = { provider: 'cloud' as const, tenant };
	let shared: InboundEvent;
	if (update.kind === 'message') {
		const type = str(raw.type);
		const from = str(raw.from);
		const media = mediaOf(raw, type);
		shared = {
			...EMPTY, ...base, event: type === 'reaction' ? 'reaction' : 'message', messageId: str(raw.id), chatId: from, from,
			fromName: senderName(value, from), type, text: messageText(raw, type),
			caption: media !== null && type !== 'audio' && type !== 'sticker' ? str(obj(raw[type as string]).caption) : null,
			replyTo: str(obj(raw.context).id), reply: replyOf(raw, type), media, timestamp: isoTime(raw.timestamp), raw,
		};
	} else if (update.kind === 'status') {
		const status = str(raw.status);
		shared = {
			...EMPTY, ...base, event: 'status', messageId: str(raw.id), chatId: str(raw.recipient_id), fromMe: true,
			isGroup: raw.recipient_type === 'group', status: STATUSES.includes(status as DeliveryStatus) ? (status as DeliveryStatus) : null,
			error: Array.isArray(raw.errors) ? errorOf(raw.errors[0]) : null, timestamp: isoTime(raw.timestamp), raw,
		};
	} else {
		shared = { ...EMPTY, ...base, event: 'error', error: errorOf(raw), raw };
	}
	const event: CloudEvent = { ...EMPTY, ...shared, displayPhoneNumber: str(metadata.display_phone_number), wabaId: update.wabaId, field: update.field };
	if (update.kind === 'status') {
		if (isObject(raw.conversation)) event.conversation = raw.conversation;
		if (isObject(raw.pricing)) event.pricing = raw.pricing;
	}
	if (shared.media !== null) event.mediaId = str(obj(raw[shared.type as string]).id);
	event.dedupKey = cloudDedupKey(update, tenant);
	return event;
}
