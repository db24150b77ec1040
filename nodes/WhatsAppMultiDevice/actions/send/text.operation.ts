import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { mentionsOf, postSend } from '../../helpers/send';
import { getRecipient } from '../../helpers/recipient';
import { commonSendFields, requireText } from '../../helpers/validation';
import { durationOption, forwardedOption, recipientField, replyOption } from '../common.descriptions';
import { mentionsOption } from './mentions.description';
import { sendOptionsCollection } from './schedule.description';

const properties: INodeProperties[] = [
	recipientField,
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 4 },
		description: 'Text to send. WhatsApp formatting (*bold*, _italic_, ~strike~) works; @6281234567890 in the text mentions that person.',
	},
	sendOptionsCollection([
		durationOption,
		forwardedOption,
		mentionsOption('text'),
		replyOption,
	]),
];

const displayOptions = { show: { resource: ['send'], operation: ['text'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const recipient = await getRecipient.call(this, itemIndex);
	const message = requireText(this, itemIndex, 'message', 'Message');
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = { phone: recipient.jid, message, ...commonSendFields(this, itemIndex, options) };
	const mentions = await mentionsOf.call(this, itemIndex, options);
	if (mentions.length > 0) body.mentions = mentions;
	return await postSend.call(this, itemIndex, '/send/message', body, recipient.jid);
}
