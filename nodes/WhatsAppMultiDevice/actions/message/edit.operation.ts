import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { postMessageAction, serverStatus } from '../../helpers/messageAction';
import { requireText } from '../../helpers/validation';
import { chatField, messageIdField } from '../common.descriptions';

const properties: INodeProperties[] = [
	chatField,
	messageIdField,
	{
		displayName: 'New Text',
		name: 'message',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 4 },
		description: 'Text that replaces the message. WhatsApp lets you edit your own text messages for about 15 minutes after sending.',
	},
];

const displayOptions = { show: { resource: ['message'], operation: ['edit'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const message = requireText(this, itemIndex, 'message', 'New Text');
	const result = await postMessageAction.call(this, itemIndex, 'update', { message });
	return [
		{
			json: {
				success: true,
				edited: true,
				messageId: result.messageId,
				chat: result.chat,
				message,
				serverStatus: serverStatus(result),
			},
		},
	];
}
