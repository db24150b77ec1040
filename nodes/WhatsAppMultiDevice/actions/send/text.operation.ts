import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { postSend } from '../../helpers/send';
import { getPhoneList, getRecipient } from '../../helpers/recipient';
import { commonSendFields, requireText } from '../../helpers/validation';
import { durationOption, forwardedOption, recipientField, replyOption, optionsCollection } from '../common.descriptions';

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
	optionsCollection([
		durationOption,
		forwardedOption,
		{
			displayName: 'Mentions',
			name: 'mentions',
			type: 'string',
			typeOptions: { multipleValues: true },
			default: [],
			placeholder: 'e.g. 6281234567890',
			description: 'Phone numbers to mention without writing them in the text; @everyone mentions all group members',
		},
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
	const mentions = await getPhoneList.call(this, itemIndex, options.mentions, 'Mentions', ['@everyone']);
	if (mentions.length > 0) body.mentions = mentions;
	return await postSend.call(this, itemIndex, '/send/message', body, recipient.jid);
}
