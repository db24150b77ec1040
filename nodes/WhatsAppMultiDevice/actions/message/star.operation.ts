import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { postMessageAction, serverStatus } from '../../helpers/messageAction';
import { chatField, messageIdField } from '../common.descriptions';

const properties: INodeProperties[] = [chatField, messageIdField];

const displayOptions = { show: { resource: ['message'], operation: ['star'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const result = await postMessageAction.call(this, itemIndex, 'star');
	return [
		{
			json: {
				success: true,
				starred: true,
				messageId: result.messageId,
				chat: result.chat,
				serverStatus: serverStatus(result),
			},
		},
	];
}
