import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { mentionsOf, sendMedia } from '../../helpers/send';
import { commonSendFields, optionalText } from '../../helpers/validation';
import {
	captionField,
	durationOption,
	forwardedOption,
	mediaSourceFields,
	recipientField,
	replyOption,
} from '../common.descriptions';
import { mentionsOption } from './mentions.description';
import { sendOptionsCollection } from './schedule.description';

const properties: INodeProperties[] = [
	recipientField,
	...mediaSourceFields('File', 'e.g. https://example.com/invoice.pdf'),
	captionField,
	sendOptionsCollection([durationOption, forwardedOption, mentionsOption('caption'), replyOption]),
];

const displayOptions = { show: { resource: ['send'], operation: ['file'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const fields: IDataObject = { ...commonSendFields(this, itemIndex, options) };
	const caption = optionalText(this.getNodeParameter('caption', itemIndex, ''));
	if (caption !== undefined) fields.caption = caption;
	const mentions = await mentionsOf.call(this, itemIndex, options);
	if (mentions.length > 0) fields.mentions = mentions;
	return await sendMedia.call(this, itemIndex, 'file', fields);
}
