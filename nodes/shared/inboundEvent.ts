import type { IDataObject } from 'n8n-workflow';

/**
 * One event shape for both triggers (GOWA and WhatsApp Cloud), so one downstream workflow serves tenants on either
 * provider. Each trigger maps its provider's payload onto these top-level fields (the README has the mapping table);
 * provider-specific fields may follow them, and `raw` keeps what the provider posted, untouched.
 */

export type Provider = 'gowa' | 'cloud';

/** What happened. Providers' own event names are mapped onto these; anything else is `other`. */
export type InboundEventKind =
	| 'message'
	| 'status'
	| 'reaction'
	| 'edited'
	| 'revoked'
	| 'deleted'
	| 'call'
	| 'group'
	| 'presence'
	| 'label'
	| 'newsletter'
	| 'error'
	| 'other';

/** Delivery status of an outbound message, as both providers report it. */
export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'played' | 'failed';

/** A choice the sender made: a button or list reply (Cloud), a poll vote or a numbered option (GOWA). */
export interface ReplyChoice {
	id: string | null;
	title: string | null;
}

/** Media of an inbound message; `binaryProperty` is set when the file was downloaded into the item's binary data. */
export interface EventMedia {
	binaryProperty: string | null;
	mimeType: string | null;
	fileName: string | null;
}

export interface EventError {
	code: string | number | null;
	title: string | null;
	message: string | null;
}

export interface InboundEvent {
	provider: Provider;
	/** GOWA: the device id; Cloud: the business phone number id. */
	tenant: string | null;
	event: InboundEventKind;
	/** The event's own message (for statuses: the outbound message whose status this is, as the send output gave it). */
	messageId: string | null;
	/** The chat: a JID on GOWA, the customer's wa_id on Cloud. */
	chatId: string | null;
	/** The sender as a bare phone number (no JID suffix, no +) when known. */
	from: string | null;
	fromName: string | null;
	fromMe: boolean;
	isGroup: boolean;
	/** Message type: text, image, audio, video, document, sticker, location, contact(s), reaction, pollVote, button, interactive, … */
	type: string | null;
	text: string | null;
	caption: string | null;
	/** The quoted message's id, when the message replies to another. */
	replyTo: string | null;
	reply: ReplyChoice | null;
	media: EventMedia | null;
	status: DeliveryStatus | null;
	error: EventError | null;
	/** ISO-8601 UTC. */
	timestamp: string | null;
	/** What the provider posted for this event, untouched. */
	raw: IDataObject;
}

/** The shared fields every outcome item of a message send carries (both action nodes): the inbox feed's outbound row. */
export interface SendTracking {
	provider: Provider;
	tenant: string | null;
	messageId: string | null;
	status: 'sent';
}
