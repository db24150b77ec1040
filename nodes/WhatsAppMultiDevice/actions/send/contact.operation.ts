import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { postSend } from '../../helpers/send';
import { getPhoneList, getRecipient } from '../../helpers/recipient';
import { commonSendFields, requireText } from '../../helpers/validation';
import { durationOption, forwardedOption, recipientField } from '../common.descriptions';
import { sendOptionsCollection } from './schedule.description';

const properties: INodeProperties[] = [
	recipientField,
	{
		displayName: 'Contact Name',
		name: 'contactName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Salon Ayu – Front Desk',
		description: 'Name shown on the contact card',
	},
	{
		displayName: 'Contact Phone',
		name: 'contactPhone',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +62 812-3456-7890',
		description: 'Phone number on the contact card (same formats as Recipient)',
	},
	sendOptionsCollection([durationOption, forwardedOption]),
];

const displayOptions = { show: { resource: ['send'], operation: ['contact'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const recipient = await getRecipient.call(this, itemIndex);
	const contactName = requireText(this, itemIndex, 'contactName', 'Contact Name');
	const [contactPhone] = await getPhoneList.call(this, itemIndex, [requireText(this, itemIndex, 'contactPhone', 'Contact Phone')], 'Contact Phone');
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		phone: recipient.jid,
		contact_name: contactName.trim(),
		contact_phone: contactPhone,
		...commonSendFields(this, itemIndex, options, { reply: false, forwarded: true }),
	};
	return await postSend.call(this, itemIndex, '/send/contact', body, recipient.jid);
}
