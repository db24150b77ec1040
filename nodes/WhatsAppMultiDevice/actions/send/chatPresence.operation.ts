import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { postSend } from '../../helpers/send';
import { getRecipient } from '../../helpers/recipient';
import { recipientField } from '../common.descriptions';

const properties: INodeProperties[] = [
	recipientField,
	{
		displayName: 'Action',
		name: 'action',
		type: 'options',
		default: 'start',
		options: [
			{ name: 'Start Typing', value: 'start' },
			{ name: 'Stop Typing', value: 'stop' },
		],
		description: 'Whether the chat shows "typing…"',
	},
];

const displayOptions = { show: { resource: ['send'], operation: ['chatPresence'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const recipient = await getRecipient.call(this, itemIndex);
	const action = this.getNodeParameter('action', itemIndex, 'start') === 'stop' ? 'stop' : 'start';
	return await postSend.call(this, itemIndex, '/send/chat-presence', { phone: recipient.jid, action }, recipient.jid);
}
