import type { INodeProperties } from 'n8n-workflow';

export const newsletterIdField: INodeProperties = {
	displayName: 'Newsletter ID',
	name: 'newsletterId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 120363024512399999@newsletter',
	description: 'ID of the channel (newsletter), ending with @newsletter',
};
