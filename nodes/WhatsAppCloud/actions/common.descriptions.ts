import type { INodeProperties } from 'n8n-workflow';

/** Fields shared by several operations of the WhatsApp Cloud node. */

export const phoneNumberIdField: INodeProperties = {
	displayName: 'Phone Number ID',
	name: 'phoneNumberId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 106540352242922',
	description: 'Business phone number to use; empty = Default Phone Number ID of the credential. Phone Number → Get Many lists them.',
};

export const recipientField: INodeProperties = {
	displayName: 'Recipient',
	name: 'recipient',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. +62 812-3456-7890',
	description: 'Phone number of the WhatsApp user: +62 812-3456-7890, 6281234567890, or 0812… with the credential’s Default Country Code',
};

export const messageIdField: INodeProperties = {
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA',
};

export const mediaIdField: INodeProperties = {
	displayName: 'Media ID',
	name: 'mediaId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 1037543291543636',
	description: 'ID from Media → Upload or from an incoming media message',
};

export const returnAllFields: INodeProperties[] = [
	{ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return all results or only up to a given limit' },
	{ displayName: 'Limit', name: 'limit', type: 'number', default: 50, typeOptions: { minValue: 1 }, displayOptions: { show: { returnAll: [false] } }, description: 'Max number of results to return' },
];
