import type { INodeProperties } from 'n8n-workflow';

/** Fields shared by the User operations. */

export const userPhoneField: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phone',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. +62 812-3456-7890',
	description:
		'The WhatsApp user: +62 812-3456-7890, 6281234567890, 0812… (uses the credential’s Default Country Code), or a JID (…@s.whatsapp.net, …@lid)',
};

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a flat summary of each entry instead of the raw data GOWA returns',
};
