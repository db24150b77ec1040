import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { postChatSetting } from '../../helpers/chat';
import { chatJidField } from './chat.descriptions';

const properties: INodeProperties[] = [
	chatJidField,
	{
		displayName: 'Archived',
		name: 'archived',
		type: 'boolean',
		default: true,
		description: 'Whether to archive the chat; turn off to move it back out of the archive',
	},
];

const displayOptions = { show: { resource: ['chat'], operation: ['archive'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const archived = this.getNodeParameter('archived', itemIndex, true) === true;
	const { chat, results } = await postChatSetting.call(this, itemIndex, 'archive', { archived });
	return [{ json: { success: true, chat, archived, serverStatus: results.message ?? results.status ?? null } }];
}
