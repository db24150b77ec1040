import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { mentionsOf, sendMedia } from '../../helpers/send';
import { commonSendFields, optionalText } from '../../helpers/validation';
import {
	captionField,
	durationOption,
	forwardedOption,
	hdOption,
	mediaSourceFields,
	recipientField,
	replyOption,
	viewOnceOption,
} from '../common.descriptions';
import { mentionsOption } from './mentions.description';
import { sendOptionsCollection } from './schedule.description';

const properties: INodeProperties[] = [
	recipientField,
	...mediaSourceFields('Image', 'e.g. https://example.com/photo.jpg'),
	captionField,
	sendOptionsCollection([
		{
			displayName: 'Compress',
			name: 'compress',
			type: 'boolean',
			default: true,
			description: 'Whether GOWA compresses the image before sending (its default). Turn off to send the original.',
		},
		durationOption,
		hdOption,
		forwardedOption,
		mentionsOption('caption'),
		replyOption,
		viewOnceOption,
	]),
];

const displayOptions = { show: { resource: ['send'], operation: ['image'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const fields: IDataObject = { ...commonSendFields(this, itemIndex, options) };
	const caption = optionalText(this.getNodeParameter('caption', itemIndex, ''));
	if (caption !== undefined) fields.caption = caption;
	if (options.viewOnce !== undefined) fields.view_once = options.viewOnce === true;
	if (options.compress !== undefined) fields.compress = options.compress === true;
	if (options.hd !== undefined) fields.hd = options.hd === true;
	const mentions = await mentionsOf.call(this, itemIndex, options);
	if (mentions.length > 0) fields.mentions = mentions;
	return await sendMedia.call(this, itemIndex, 'image', fields);
}
