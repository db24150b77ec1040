import type { INodePropertyOptions } from 'n8n-workflow';

/** Value of the Events option that stands for every event (registered on GOWA as an empty `webhook_events`). */
export const ALL_EVENTS = '*';

/** Every event GOWA v8+ posts to a webhook (its `event` field), as offered in the Events multi-select. */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'All Events', value: ALL_EVENTS, description: 'Every event GOWA sends, including ones added in later versions' },
	{ name: 'Call Offer', value: 'call.offer', description: 'Incoming call (call.offer)' },
	{ name: 'Chat Presence', value: 'chat_presence', description: 'A contact is typing or recording a voice note (chat_presence)' },
	{ name: 'Group Joined', value: 'group.joined', description: 'This account was added to a group (group.joined)' },
	{ name: 'Group Participants', value: 'group.participants', description: 'Members joined, left, were promoted or demoted (group.participants)' },
	{ name: 'Label Association', value: 'label.association', description: 'A label was put on or taken off a chat (label.association)' },
	{ name: 'Label Edit', value: 'label.edit', description: 'A label was created, renamed or deleted (label.edit)' },
	{ name: 'Message', value: 'message', description: 'New message: text, media, contact, location… (message)' },
	{ name: 'Message Ack', value: 'message.ack', description: 'Delivered and read receipts of sent messages (message.ack)' },
	{ name: 'Message Deleted', value: 'message.deleted', description: 'A message was deleted for this account only (message.deleted)' },
	{ name: 'Message Edited', value: 'message.edited', description: 'A message was edited (message.edited)' },
	{ name: 'Message Reaction', value: 'message.reaction', description: 'A reaction was added or removed (message.reaction)' },
	{ name: 'Message Revoked', value: 'message.revoked', description: 'A message was deleted for everyone (message.revoked)' },
	{ name: 'Newsletter Joined', value: 'newsletter.joined', description: 'This account followed a channel (newsletter.joined)' },
	{ name: 'Newsletter Left', value: 'newsletter.left', description: 'This account unfollowed a channel (newsletter.left)' },
	{ name: 'Newsletter Message', value: 'newsletter.message', description: 'New posts in a followed channel (newsletter.message)' },
	{ name: 'Newsletter Mute', value: 'newsletter.mute', description: 'A channel was muted or unmuted (newsletter.mute)' },
];

export const KNOWN_EVENTS: ReadonlySet<string> = new Set(
	EVENT_OPTIONS.map((option) => option.value as string).filter((value) => value !== ALL_EVENTS),
);

/** The chosen events, lower-cased and de-duplicated; an empty list means every event. */
export function selectedEvents(value: unknown): string[] {
	const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	const events: string[] = [];
	for (const entry of list) {
		const name = String(entry ?? '').trim().toLowerCase();
		if (name === ALL_EVENTS) return [];
		if (name !== '' && !events.includes(name)) events.push(name);
	}
	return events;
}

/** GOWA's `webhook_events` value: a comma list, empty for every event (compared order-insensitively). */
export function eventsForGowa(events: string[]): string {
	return [...events].sort().join(',');
}

/** Normalises a `webhook_events` value read back from GOWA, for comparison. */
export function normaliseGowaEvents(value: unknown): string {
	return eventsForGowa(selectedEvents(typeof value === 'string' ? value : ''));
}
