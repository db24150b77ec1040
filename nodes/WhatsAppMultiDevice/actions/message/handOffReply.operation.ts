import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { handOffReply } from '../../../shared/sendAndWait/handOff';
import { getRecipient } from '../../helpers/recipient';
import { postSend } from '../../helpers/send';
import { chatField } from '../common.descriptions';

const properties: INodeProperties[] = [
	{ ...chatField, default: '={{ $json.chatId }}', description: 'The chat the reply came from (the trigger’s chatId)' },
	{
		displayName: 'Reply',
		name: 'replyText',
		type: 'string',
		default: '={{ $json.reply?.title ?? $json.text }}',
		description: 'What the customer answered: the text, or the chosen poll option or button',
	},
	{
		displayName: 'Tenant',
		name: 'tenant',
		type: 'string',
		default: '={{ $json.tenant ?? $json.sessionId ?? "" }}',
		description: 'The device that received the reply (the trigger’s tenant, or its session ID). A wait of another device for the same number is never resumed.',
	},
];

const displayOptions = { show: { resource: ['message'], operation: ['handOffReply'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Put right after the trigger: see handOffReply() in nodes/shared/sendAndWait/handOff.ts. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const chat = await getRecipient.call(this, itemIndex, 'chat', 'Chat');
	const replyText = this.getNodeParameter('replyText', itemIndex, '') as unknown;
	const tenant = String(this.getNodeParameter('tenant', itemIndex, '') ?? '').trim();
	return await handOffReply(this, itemIndex, {
		provider: 'gowa',
		tenant,
		chat: chat.jid,
		replyText,
		reprompt: async (text) => {
			const [sent] = await postSend.call(this, itemIndex, '/send/message', { phone: chat.jid, message: text }, chat.jid);
			return (sent.json.messageId as string | null | undefined) ?? null;
		},
	});
}
