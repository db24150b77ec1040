import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { Checker } from '../../helpers/checks';
import { senderPhoneNumberId } from '../../helpers/context';
import { cloudRequest } from '../../transport';
import { messageIdField, phoneNumberIdField } from '../common.descriptions';

const properties: INodeProperties[] = [
	phoneNumberIdField,
	{ ...messageIdField, description: 'ID of the incoming message to mark as read (blue ticks); earlier messages of the chat are marked too' },
	{
		displayName: 'Show Typing Indicator',
		name: 'typingIndicator',
		type: 'boolean',
		default: false,
		description: 'Whether to show "typing…" to the user until you reply or for 25 seconds. Use it only when a reply follows.',
	},
];

const displayOptions = { show: { resource: ['message'], operation: ['markRead'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex);
	const phoneNumberId = await senderPhoneNumberId.call(this, itemIndex);
	const messageId = check.messageId(this.getNodeParameter('messageId', itemIndex, ''), 'Message ID');
	const typing = this.getNodeParameter('typingIndicator', itemIndex, false) === true;
	const body: IDataObject = { messaging_product: 'whatsapp', status: 'read', message_id: messageId };
	if (typing) body.typing_indicator = { type: 'text' };
	const answer = await cloudRequest.call(this, { method: 'POST', path: [phoneNumberId, 'messages'], body, itemIndex });
	return [{ json: { success: answer.success === true, provider: 'cloud', tenant: phoneNumberId, messageId, typingIndicator: typing } }];
}
