import type { INodeProperties } from 'n8n-workflow';

/** Fields shared by many operations. Each operation spreads them into its own description. */

export const recipientField: INodeProperties = {
	displayName: 'Recipient',
	name: 'recipient',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. +62 812-3456-7890',
	description:
		'Phone number or chat. Accepts +62 812-3456-7890, 6281234567890, 0812… (uses the credential’s Default Country Code), or a JID: …@s.whatsapp.net, …@g.us (group), …@lid, …@newsletter (channel).',
};

export const chatField: INodeProperties = {
	...recipientField,
	displayName: 'Chat',
	name: 'chat',
	placeholder: 'e.g. 6281234567890 or 120363025246125486@g.us',
	description:
		'The chat the message is in: a phone number (same formats as Recipient) or a chat JID (…@s.whatsapp.net, …@g.us, …@lid)',
};

export const durationOption: INodeProperties = {
	displayName: 'Disappearing After',
	name: 'duration',
	type: 'options',
	default: 86400,
	description: 'Makes this message disappear after the chosen time. When not set, the chat’s own disappearing setting applies.',
	options: [
		{ name: '24 Hours', value: 86400 },
		{ name: '7 Days', value: 604800 },
		{ name: '90 Days', value: 7776000 },
		{ name: 'Off (Never)', value: 0 },
	],
};

export const forwardedOption: INodeProperties = {
	displayName: 'Mark as Forwarded',
	name: 'isForwarded',
	type: 'boolean',
	default: false,
	description: 'Whether WhatsApp shows the message as forwarded',
};

export const replyOption: INodeProperties = {
	displayName: 'Reply To Message ID',
	name: 'replyMessageId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 3EB089B9D6ADD58153C561',
	description: 'ID of a message in this chat to quote. GOWA sends without the quote if it has not stored that message.',
};

export const viewOnceOption: INodeProperties = {
	displayName: 'View Once',
	name: 'viewOnce',
	type: 'boolean',
	default: false,
	description: 'Whether the recipient can open the media only once',
};

export const hdOption: INodeProperties = {
	displayName: 'HD',
	name: 'hd',
	type: 'boolean',
	default: false,
	description: 'Whether to send a high-definition rendition (GOWA v9.2+). Overrides Compress.',
};

export const captionField: INodeProperties = {
	displayName: 'Caption',
	name: 'caption',
	type: 'string',
	default: '',
	typeOptions: { rows: 2 },
	description: 'Text shown under the media. WhatsApp formatting (*bold*, _italic_) works.',
};

export const deviceIdField: INodeProperties = {
	displayName: 'Device',
	name: 'deviceId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchDevices', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. salon-main or 6281234567890@s.whatsapp.net',
		},
	],
	description:
		'Device (WhatsApp account) to act for. Leave empty to use the Default Device ID of the credential. Accepts the device slot ID or its WhatsApp JID, also from an expression per item.',
};

/** "Binary File" or "URL" source selector plus the two fields it switches between. */
export function mediaSourceFields(label: string, urlPlaceholder: string): INodeProperties[] {
	return [
		{
			displayName: `${label} Source`,
			name: 'source',
			type: 'options',
			default: 'binary',
			noDataExpression: true,
			options: [
				{ name: 'Binary File', value: 'binary', description: 'Upload a binary property of the input item' },
				{ name: 'URL', value: 'url', description: 'GOWA downloads the file from a URL it can reach' },
			],
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			displayOptions: { show: { source: ['binary'] } },
			hint: 'The name of the input binary field containing the file to be sent',
		},
		{
			displayName: `${label} URL`,
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { source: ['url'] } },
			placeholder: urlPlaceholder,
		},
	];
}

export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	default: 50,
	typeOptions: { minValue: 1 },
	displayOptions: { show: { returnAll: [false] } },
	description: 'Max number of results to return',
};

/** Name of the output binary field a downloaded file is put in. */
export const outputBinaryField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the output binary field to put the file in',
};

export const messageIdField: INodeProperties = {
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 3EB089B9D6ADD58153C561',
	description: 'WhatsApp ID of the message: the message ID a send returned, or the message ID in a webhook payload',
};

export const groupIdField: INodeProperties = {
	displayName: 'Group ID',
	name: 'groupId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 120363025246125486@g.us',
	description: 'JID of the group (…@g.us); the bare number is accepted too',
};

/** Phone number of the WhatsApp account to link with a pairing code (Session / Device → Log In With Pairing Code). */
export const pairingPhoneField: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phone',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. +62 812-3456-7890',
	description:
		'Number of the WhatsApp account to link, with country code. On the phone open Linked Devices → Link with phone number instead and type the code this returns.',
};

/** The "Options" collection of an operation: optional GOWA fields, listed alphabetically by name. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options,
	};
}
