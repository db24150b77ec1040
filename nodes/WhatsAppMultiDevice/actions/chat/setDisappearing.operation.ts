import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { postChatSetting } from '../../helpers/chat';
import { DISAPPEARING_DURATIONS } from '../../helpers/validation';
import { chatJidField } from './chat.descriptions';

const properties: INodeProperties[] = [
	chatJidField,
	{
		displayName: 'Disappearing After',
		name: 'timerSeconds',
		type: 'options',
		default: 86400,
		description: 'How long new messages in this chat stay before they disappear',
		options: [
			{ name: '24 Hours', value: 86400 },
			{ name: '7 Days', value: 604800 },
			{ name: '90 Days', value: 7776000 },
			{ name: 'Off (Messages Stay)', value: 0 },
		],
	},
];

const displayOptions = { show: { resource: ['chat'], operation: ['setDisappearing'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const raw = this.getNodeParameter('timerSeconds', itemIndex, 86400) as unknown;
	const timerSeconds = Number(raw);
	if (!DISAPPEARING_DURATIONS.includes(timerSeconds)) {
		throw new NodeOperationError(this.getNode(), `Disappearing After must be off, 24 hours, 7 days or 90 days, not ${String(raw)}`, {
			itemIndex,
			description: 'WhatsApp only accepts 0, 86400, 604800 or 7776000 seconds.',
		});
	}
	const { chat, results } = await postChatSetting.call(this, itemIndex, 'disappearing', { timer_seconds: timerSeconds });
	return [{ json: { success: true, chat, timerSeconds, serverStatus: results.message ?? results.status ?? null } }];
}
