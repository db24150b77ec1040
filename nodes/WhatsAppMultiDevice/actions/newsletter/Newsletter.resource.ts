import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../operation.types';
import * as downloadMedia from './downloadMedia.operation';
import * as getMessages from './getMessages.operation';
import * as unfollow from './unfollow.operation';

export const operations: OperationMap = {
	getMessages,
	downloadMedia,
	unfollow,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['newsletter'] } },
		default: 'getMessages',
		options: [
			{
				name: 'Download Message Media',
				value: 'downloadMedia',
				action: 'Download the media of a channel post',
				description: 'Get the image, video, audio, document or sticker of a channel post as a binary file (GOWA v9.5+)',
			},
			{
				name: 'Get Messages',
				value: 'getMessages',
				action: 'Get the latest messages of a channel',
				description: 'Read the latest posts of a WhatsApp channel (newsletter) with their views and reactions',
			},
			{
				name: 'Unfollow',
				value: 'unfollow',
				action: 'Unfollow a channel',
				description: 'Stop following a WhatsApp channel (newsletter) with this account. Its posts no longer arrive.',
			},
		],
	},
	...getMessages.description,
	...downloadMedia.description,
	...unfollow.description,
];
