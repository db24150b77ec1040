import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sendMedia } from '../../helpers/send';
import { commonSendFields, optionalText } from '../../helpers/validation';
import {
	captionField,
	durationOption,
	forwardedOption,
	mediaSourceFields,
	recipientField,
	replyOption,
	optionsCollection,
} from '../common.descriptions';

const properties: INodeProperties[] = [
	recipientField,
	...mediaSourceFields('File', 'e.g. https://example.com/invoice.pdf'),
	captionField,
	optionsCollection([durationOption, forwardedOption, replyOption]),
];

const displayOptions = { show: { resource: ['send'], operation: ['file'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const fields: IDataObject = { ...commonSendFields(this, itemIndex, options) };
	const caption = optionalText(this.getNodeParameter('caption', itemIndex, ''));
	if (caption !== undefined) fields.caption = caption;
	return await sendMedia.call(this, itemIndex, 'file', fields);
}
