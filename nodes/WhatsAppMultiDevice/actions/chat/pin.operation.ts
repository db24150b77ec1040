import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { postChatSetting } from '../../helpers/chat';
import { chatJidField } from './chat.descriptions';

const properties: INodeProperties[] = [
	chatJidField,
	{
		displayName: 'Pinned',
		name: 'pinned',
		type: 'boolean',
		default: true,
		description: 'Whether to pin the chat to the top of the chat list; turn off to unpin it',
	},
];

const displayOptions = { show: { resource: ['chat'], operation: ['pin'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const pinned = this.getNodeParameter('pinned', itemIndex, true) === true;
	const { chat, results } = await postChatSetting.call(this, itemIndex, 'pin', { pinned });
	return [{ json: { success: true, chat, pinned, serverStatus: results.message ?? results.status ?? null } }];
}
