import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import * as call from './call/Call.resource';
import * as chat from './chat/Chat.resource';
import * as device from './device/Device.resource';
import * as group from './group/Group.resource';
import * as message from './message/Message.resource';
import * as newsletter from './newsletter/Newsletter.resource';
import type { OperationMap } from './operation.types';
import * as scheduledSend from './scheduledSend/ScheduledSend.resource';
import * as send from './send/Send.resource';
import * as session from './session/Session.resource';
import * as user from './user/User.resource';

/** Every resource of the node: its operations (for the router) and its description (for the editor). */
export const resources: Record<string, { operations: OperationMap; description: INodeProperties[] }> = {
	call,
	chat,
	device,
	group,
	message,
	newsletter,
	send,
	scheduledSend,
	session,
	user,
};

const resourceOptions: INodePropertyOptions[] = [
	{ name: 'Call', value: 'call', description: 'Reject incoming WhatsApp calls' },
	{ name: 'Chat', value: 'chat', description: 'List chats and their messages; request older history; pin, archive, set disappearing messages' },
	{ name: 'Device', value: 'device', description: 'Add, pair, list and remove the WhatsApp accounts (devices) of the server, and their webhooks' },
	{ name: 'Group', value: 'group', description: 'Create and manage groups, participants, join requests and invite links' },
	{ name: 'Message', value: 'message', description: 'React to, edit, revoke, delete, star, forward, mark read or played a message; download its media' },
	{ name: 'Newsletter', value: 'newsletter', description: 'Channels: read their latest messages, download their media, unfollow' },
	{ name: 'Scheduled Send', value: 'scheduledSend', description: 'Messages the GOWA server sends later (v9.5+): list, get, pause, resume or cancel them' },
	{ name: 'Send', value: 'send', description: 'Send messages of every kind, now or scheduled: text, media, contact, link, location, poll, presence' },
	{ name: 'Session', value: 'session', description: 'Log the device in or out, check its status and the server’s health' },
	{ name: 'User', value: 'user', description: 'Profiles, avatars, contacts, groups, channels and privacy of the account and of other users' },
];

export const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'send',
	// Only resources that already have operations are offered.
	options: resourceOptions.filter((option) => Object.keys(resources[option.value as string].operations).length > 0),
};
