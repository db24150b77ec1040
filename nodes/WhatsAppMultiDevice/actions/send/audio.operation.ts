import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sendMedia } from '../../helpers/send';
import { commonSendFields } from '../../helpers/validation';
import { durationOption, forwardedOption, mediaSourceFields, recipientField, replyOption } from '../common.descriptions';
import { sendOptionsCollection } from './schedule.description';

const properties: INodeProperties[] = [
	recipientField,
	...mediaSourceFields('Audio', 'e.g. https://example.com/message.ogg'),
	{
		displayName: 'Send as Voice Note',
		name: 'ptt',
		type: 'boolean',
		default: false,
		description: 'Whether to send a push-to-talk voice note instead of an audio file. GOWA converts other formats to OGG Opus with ffmpeg.',
	},
	sendOptionsCollection([durationOption, forwardedOption, replyOption]),
];

const displayOptions = { show: { resource: ['send'], operation: ['audio'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const fields: IDataObject = { ...commonSendFields(this, itemIndex, options) };
	if (this.getNodeParameter('ptt', itemIndex, false) === true) fields.ptt = true;
	return await sendMedia.call(this, itemIndex, 'audio', fields);
}
