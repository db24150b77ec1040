import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { postMessageAction, serverStatus } from '../../helpers/messageAction';
import { chatField, messageIdField } from '../common.descriptions';

const properties: INodeProperties[] = [
	chatField,
	messageIdField,
	{
		displayName: 'Emoji',
		name: 'emoji',
		type: 'string',
		default: '👍',
		placeholder: 'e.g. 🙏',
		description: 'Emoji to react with. Leave empty to remove this account’s reaction from the message.',
	},
];

const displayOptions = { show: { resource: ['message'], operation: ['react'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const raw = this.getNodeParameter('emoji', itemIndex, '') as unknown;
	const emoji = typeof raw === 'string' ? raw.trim() : '';
	const result = await postMessageAction.call(this, itemIndex, 'reaction', { emoji });
	return [
		{
			json: {
				success: true,
				action: emoji === '' ? 'reactionRemoved' : 'reacted',
				messageId: result.messageId,
				chat: result.chat,
				emoji,
				reactionMessageId: result.results.message_id ?? null,
				serverStatus: serverStatus(result),
			},
		},
	];
}
