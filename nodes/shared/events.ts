import type { INodePropertyOptions } from 'n8n-workflow';

/** Every event GOWA v8+ posts to a webhook (its `event` field): one catalogue for the trigger and Device → webhooks. */
export const GOWA_EVENT_OPTIONS: INodePropertyOptions[] = [
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

export const GOWA_EVENTS: ReadonlySet<string> = new Set(GOWA_EVENT_OPTIONS.map((option) => option.value as string));
