import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sendMedia } from '../../helpers/send';
import { commonSendFields } from '../../helpers/validation';
import { durationOption, forwardedOption, mediaSourceFields, recipientField } from '../common.descriptions';
import { sendOptionsCollection } from './schedule.description';

const properties: INodeProperties[] = [
	recipientField,
	...mediaSourceFields('Sticker', 'e.g. https://example.com/sticker.webp'),
	sendOptionsCollection([durationOption, forwardedOption]),
];

const displayOptions = { show: { resource: ['send'], operation: ['sticker'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const fields = commonSendFields(this, itemIndex, options, { reply: false, forwarded: true });
	return await sendMedia.call(this, itemIndex, 'sticker', fields);
}
