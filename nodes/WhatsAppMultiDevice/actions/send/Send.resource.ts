import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../operation.types';
import * as audio from './audio.operation';
import * as chatPresence from './chatPresence.operation';
import * as contact from './contact.operation';
import * as file from './file.operation';
import * as image from './image.operation';
import * as link from './link.operation';
import * as location from './location.operation';
import * as poll from './poll.operation';
import * as presence from './presence.operation';
import * as sendAndWait from './sendAndWait.operation';
import * as sticker from './sticker.operation';
import * as text from './text.operation';
import * as video from './video.operation';

export const operations: OperationMap = {
	text,
	image,
	audio,
	file,
	video,
	sticker,
	contact,
	link,
	location,
	poll,
	presence,
	chatPresence,
	sendAndWait,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['send'] } },
		default: 'text',
		options: [
			{ name: 'Send and Wait for Response', value: 'sendAndWait', action: 'Send a message and wait for the response', description: 'Send a question with answer links (approve/decline, free text or a form) and wait until the recipient answers' },
			{ name: 'Send Audio', value: 'audio', action: 'Send an audio file or voice note', description: 'Send an audio file, or a voice note (push-to-talk)' },
			{ name: 'Send Contact', value: 'contact', action: 'Send a contact card', description: 'Send a contact card (vCard) with a name and phone number' },
			{ name: 'Send File', value: 'file', action: 'Send a file', description: 'Send a document such as a PDF invoice, from a binary property or a URL' },
			{ name: 'Send Image', value: 'image', action: 'Send an image', description: 'Send a JPEG or PNG image with an optional caption, from a binary property or a URL' },
			{ name: 'Send Link', value: 'link', action: 'Send a link with preview', description: 'Send a URL with a caption; WhatsApp shows a preview of the page' },
			{ name: 'Send Location', value: 'location', action: 'Send a location', description: 'Send a map pin from latitude and longitude' },
			{ name: 'Send Poll', value: 'poll', action: 'Send a poll', description: 'Send a question with two or more answers to vote on' },
			{ name: 'Send Presence', value: 'presence', action: 'Set the account presence', description: 'Show the account as online (available) or offline (unavailable)' },
			{ name: 'Send Sticker', value: 'sticker', action: 'Send a sticker', description: 'Send a sticker; JPEG, PNG, WebP and GIF are converted to WebP by GOWA' },
			{ name: 'Send Text', value: 'text', action: 'Send a text message', description: 'Send a text message, optionally as a reply, with mentions or disappearing' },
			{ name: 'Send Typing Indicator', value: 'chatPresence', action: 'Start or stop typing in a chat', description: 'Show or hide "typing…" in a chat (chat presence)' },
			{ name: 'Send Video', value: 'video', action: 'Send a video', description: 'Send an MP4, MKV or AVI video, optionally as GIF, view once or HD' },
		],
	},
	...text.description,
	...image.description,
	...audio.description,
	...file.description,
	...video.description,
	...sticker.description,
	...contact.description,
	...link.description,
	...location.description,
	...poll.description,
	...presence.description,
	...chatPresence.description,
	...sendAndWait.description,
];
