import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkMediaUrl } from '../../helpers/media';
import { postSend } from '../../helpers/send';
import { getRecipient } from '../../helpers/recipient';
import { commonSendFields, requireText } from '../../helpers/validation';
import { durationOption, forwardedOption, recipientField } from '../common.descriptions';
import { sendOptionsCollection } from './schedule.description';

const properties: INodeProperties[] = [
	recipientField,
	{
		displayName: 'Link',
		name: 'link',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://booking.example.com/b/8841',
		description: 'URL to share. GOWA fetches its title, description and image for the preview.',
	},
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 2 },
		description: 'Text sent with the link (GOWA requires it). The message reads caption, then the link.',
	},
	sendOptionsCollection([durationOption, forwardedOption]),
];

const displayOptions = { show: { resource: ['send'], operation: ['link'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const recipient = await getRecipient.call(this, itemIndex);
	const link = checkMediaUrl(this, itemIndex, this.getNodeParameter('link', itemIndex, ''), 'Link');
	const caption = requireText(this, itemIndex, 'caption', 'Caption', 'GOWA refuses links without a caption: enter the text to send with the link.');
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		phone: recipient.jid,
		link,
		caption,
		...commonSendFields(this, itemIndex, options, { reply: false, forwarded: true }),
	};
	return await postSend.call(this, itemIndex, '/send/link', body, recipient.jid);
}
