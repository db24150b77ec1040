import type { INodeProperties } from 'n8n-workflow';

export const participantsField: INodeProperties = {
	displayName: 'Participants',
	name: 'participants',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. +62 812-3456-7890, 6281298765432',
	description:
		'Phone numbers, separated by commas (or an expression returning a list). Local numbers starting with 0 use the Default Country Code; …@s.whatsapp.net JIDs are reduced to their number. @lid IDs are not accepted by GOWA here.',
};

export const inviteLinkField: INodeProperties = {
	displayName: 'Invite Link',
	name: 'link',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. https://chat.whatsapp.com/AbCdEfGhIjK1234567890',
	description: 'Group invite link, or just the code at its end',
};
