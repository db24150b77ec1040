import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../operation.types';
import * as archive from './archive.operation';
import * as getAll from './getAll.operation';
import * as getMessages from './getMessages.operation';
import * as pin from './pin.operation';
import * as requestHistory from './requestHistory.operation';
import * as setDisappearing from './setDisappearing.operation';

export const operations: OperationMap = {
	getAll,
	getMessages,
	pin,
	requestHistory,
	archive,
	setDisappearing,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chat'] } },
		default: 'getAll',
		options: [
			{
				name: 'Archive',
				value: 'archive',
				action: 'Archive or unarchive a chat',
				description: 'Move a chat into the archive, or back out of it',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many chats',
				description: 'List the chats GOWA has stored for the device, newest first, with search and archive filters',
			},
			{
				name: 'Get Messages',
				value: 'getMessages',
				action: 'Get messages of a chat',
				description: 'List stored messages of one chat, newest first, with time range, sender, media and text filters',
			},
			{
				name: 'Pin',
				value: 'pin',
				action: 'Pin or unpin a chat',
				description: 'Pin a chat to the top of the chat list, or unpin it',
			},
			{
				name: 'Request History',
				value: 'requestHistory',
				action: 'Request older messages of a chat from the phone',
				description: 'Ask the phone for older messages of a chat (GOWA v9.5+); they arrive later in chat storage, read them with Get Messages',
			},
			{
				name: 'Set Disappearing Messages',
				value: 'setDisappearing',
				action: 'Set the disappearing messages timer of a chat',
				description: 'Make new messages in a chat disappear after 24 hours, 7 days or 90 days, or turn it off',
			},
		],
	},
	...getAll.description,
	...getMessages.description,
	...pin.description,
	...requestHistory.description,
	...archive.description,
	...setDisappearing.description,
];
