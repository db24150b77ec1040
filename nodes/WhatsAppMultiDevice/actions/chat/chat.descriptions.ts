import type { INodeProperties } from 'n8n-workflow';

import { chatField } from '../common.descriptions';

/** The Chat field as the Chat resource words it (the chat itself, not a message in it). */
export const chatJidField: INodeProperties = {
	...chatField,
	description:
		'The chat: a phone number (+62 812-3456-7890, 6281234567890, 0812… with the Default Country Code) or a chat JID (…@s.whatsapp.net, …@g.us for a group, …@lid)',
};
