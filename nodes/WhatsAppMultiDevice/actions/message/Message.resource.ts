import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../operation.types';
import * as deleteForMe from './delete.operation';
import * as downloadMedia from './downloadMedia.operation';
import * as edit from './edit.operation';
import * as forward from './forward.operation';
import * as handOffReply from './handOffReply.operation';
import * as markPlayed from './markPlayed.operation';
import * as markRead from './markRead.operation';
import * as react from './react.operation';
import * as revoke from './revoke.operation';
import * as star from './star.operation';
import * as unstar from './unstar.operation';

export const operations: OperationMap = {
	react,
	edit,
	revoke,
	delete: deleteForMe,
	markRead,
	markPlayed,
	star,
	unstar,
	forward,
	downloadMedia,
	handOffReply,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		default: 'react',
		options: [
			{
				name: 'Delete for Everyone',
				value: 'revoke',
				action: 'Delete a message for everyone',
				description: 'Revoke a message so nobody in the chat sees it any more. Destructive: cannot be undone. Admins can revoke other members’ messages in groups.',
			},
			{
				name: 'Delete for Me',
				value: 'delete',
				action: 'Delete a message for this account only',
				description: 'Remove a message from this account’s own view; the other people in the chat still see it. Destructive: cannot be undone.',
			},
			{
				name: 'Download Media',
				value: 'downloadMedia',
				action: 'Download the media of a message',
				description: 'Get the image, video, audio, document or sticker of a received message as a binary file',
			},
			{
				name: 'Edit',
				value: 'edit',
				action: 'Edit the text of a sent message',
				description: 'Replace the text of a message this account sent (within about 15 minutes of sending)',
			},
			{
				name: 'Forward',
				value: 'forward',
				action: 'Forward a message to another chat',
				description: 'Forward a stored message (text or media) to a phone number or group',
			},
			{
				name: 'Hand Reply to Waiting Execution',
				value: 'handOffReply',
				action: 'Hand a chat reply to the waiting execution',
				description: 'Put right after the trigger: resumes the execution of this chat waiting in Send and Wait for Response → Chat Reply, re-prompts a reply that matches no answer, lets other messages flow on',
			},
			{
				name: 'Mark as Played',
				value: 'markPlayed',
				action: 'Mark a voice note as played',
				description: 'Send the played receipt (blue microphone) for a received voice note or audio message (GOWA v9.5+)',
			},
			{
				name: 'Mark as Read',
				value: 'markRead',
				action: 'Mark a message as read',
				description: 'Send a read receipt (blue ticks) for a received message',
			},
			{
				name: 'React',
				value: 'react',
				action: 'React to a message with an emoji',
				description: 'Add an emoji reaction to a message, or remove this account’s reaction with an empty emoji',
			},
			{
				name: 'Star',
				value: 'star',
				action: 'Star a message',
				description: 'Mark a message as starred (favourite) for this account',
			},
			{
				name: 'Unstar',
				value: 'unstar',
				action: 'Unstar a message',
				description: 'Remove the star from a message for this account',
			},
		],
	},
	...react.description,
	...edit.description,
	...revoke.description,
	...deleteForMe.description,
	...markRead.description,
	...markPlayed.description,
	...star.description,
	...unstar.description,
	...forward.description,
	...downloadMedia.description,
	...handOffReply.description,
];
