import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireFeature } from '../../helpers/capabilities';
import { postMessageAction, serverStatus } from '../../helpers/messageAction';
import { chatField, messageIdField } from '../common.descriptions';

const properties: INodeProperties[] = [
	chatField,
	{
		...messageIdField,
		description: 'ID of a received voice note or audio message (payload.id of the webhook). GOWA must have it in its chat storage.',
	},
];

const displayOptions = { show: { resource: ['message'], operation: ['markPlayed'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	await requireFeature.call(this, itemIndex, 'markPlayed');
	const result = await postMessageAction.call(this, itemIndex, 'played');
	return [{ json: { success: true, played: true, messageId: result.messageId, chat: result.chat, serverStatus: serverStatus(result) } }];
}
