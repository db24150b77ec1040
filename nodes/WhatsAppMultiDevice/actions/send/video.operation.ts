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
	...mediaSourceFields('Video', 'e.g. https://example.com/clip.mp4'),
	captionField,
	sendOptionsCollection([
		{
			displayName: 'Compress',
			name: 'compress',
			type: 'boolean',
			default: false,
			description: 'Whether GOWA re-encodes the video with ffmpeg to make it smaller',
		},
		durationOption,
		{
			displayName: 'GIF Playback',
			name: 'gifPlayback',
			type: 'boolean',
			default: false,
			description: 'Whether the video plays muted in a loop, like a GIF',
		},
		hdOption,
		forwardedOption,
		mentionsOption('caption'),
		replyOption,
		viewOnceOption,
	]),
];

const displayOptions = { show: { resource: ['send'], operation: ['video'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const fields: IDataObject = { ...commonSendFields(this, itemIndex, options) };
	const caption = optionalText(this.getNodeParameter('caption', itemIndex, ''));
	if (caption !== undefined) fields.caption = caption;
	if (options.viewOnce !== undefined) fields.view_once = options.viewOnce === true;
	if (options.compress !== undefined) fields.compress = options.compress === true;
	if (options.hd !== undefined) fields.hd = options.hd === true;
	if (options.gifPlayback !== undefined) fields.gif_playback = options.gifPlayback === true;
	const mentions = await mentionsOf.call(this, itemIndex, options);
	if (mentions.length > 0) fields.mentions = mentions;
	return await sendMedia.call(this, itemIndex, 'video', fields);
}
