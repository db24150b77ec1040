import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { requireFeature } from '../../helpers/capabilities';
import { postChatSetting } from '../../helpers/chat';
import { chatJidField } from './chat.descriptions';

const properties: INodeProperties[] = [
	chatJidField,
	{
		displayName: 'Count',
		name: 'count',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1, maxValue: 500 },
		description: 'How many older messages to ask the phone for (1–500)',
	},
];

const displayOptions = { show: { resource: ['chat'], operation: ['requestHistory'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const raw = this.getNodeParameter('count', itemIndex, 50) as unknown;
	const count = Number(raw);
	if (!Number.isInteger(count) || count < 1 || count > 500) {
		throw new NodeOperationError(this.getNode(), `Count must be a whole number from 1 to 500, not "${String(raw)}"`, { itemIndex });
	}
	await requireFeature.call(this, itemIndex, 'chatHistory');
	const { chat, results } = await postChatSetting.call(this, itemIndex, 'history', { count });
	return [
		{
			json: {
				success: true,
				chat,
				status: results.status ?? 'requested',
				requestedCount: results.requested_count ?? count,
				anchorMessageId: results.anchor_message_id ?? null,
				anchorTimestamp: results.anchor_timestamp ?? null,
			},
		},
	];
}
