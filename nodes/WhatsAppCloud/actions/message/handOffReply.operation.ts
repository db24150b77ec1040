import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { handOffReply } from '../../../shared/sendAndWait/handOff';
import { cloudRecipient, senderPhoneNumberId } from '../../helpers/context';
import { cloudRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Chat',
		name: 'chat',
		type: 'string',
		default: '={{ $json.chatId ?? $json.from }}',
		required: true,
		description: 'The customer the reply came from (the trigger’s chatId: their WhatsApp number)',
	},
	{
		displayName: 'Reply',
		name: 'replyText',
		type: 'string',
		default: '={{ $json.reply?.id ?? $json.reply?.title ?? $json.text }}',
		description: 'What the customer answered: the pressed reply button (its ID) or the text',
	},
	{
		displayName: 'Tenant',
		name: 'tenant',
		type: 'string',
		default: '={{ $json.tenant ?? "" }}',
		description: 'The business phone number ID that received the reply. A wait of another number for the same customer is never resumed.',
	},
];

const displayOptions = { show: { resource: ['message'], operation: ['handOffReply'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Put right after the trigger: see handOffReply() in nodes/shared/sendAndWait/handOff.ts. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const chat = await cloudRecipient.call(this, itemIndex, this.getNodeParameter('chat', itemIndex, ''), 'Chat');
	const tenant = String(this.getNodeParameter('tenant', itemIndex, '') ?? '').trim();
	return await handOffReply(this, itemIndex, {
		provider: 'cloud',
		tenant,
		chat,
		replyText: this.getNodeParameter('replyText', itemIndex, '') as unknown,
		reprompt: async (text) => {
			const phoneNumberId = tenant !== '' ? tenant : await senderPhoneNumberId.call(this, itemIndex);
			const answer = await cloudRequest.call(this, {
				method: 'POST',
				path: [phoneNumberId, 'messages'],
				body: { messaging_product: 'whatsapp', recipient_type: 'individual', to: chat, type: 'text', text: { body: text } },
				itemIndex,
				messageSendFrom: phoneNumberId,
			});
			const messages = Array.isArray(answer.messages) ? answer.messages : [];
			return (messages[0]?.id as string | undefined) ?? null;
		},
	});
}
