import type { INodeProperties } from 'n8n-workflow';

import * as block from './block/Block.resource';
import * as businessProfile from './businessProfile/BusinessProfile.resource';
import * as media from './media/Media.resource';
import * as message from './message/Message.resource';
import type { CloudOperationMap } from './operation.types';
import * as phoneNumber from './phoneNumber/PhoneNumber.resource';
import * as template from './template/Template.resource';

/** Every resource of the WhatsApp Cloud node: its operations (router) and description (editor). */
export const resources: Record<string, { operations: CloudOperationMap; description: INodeProperties[] }> = {
	message,
	media,
	template,
	phoneNumber,
	businessProfile,
	block,
};

export const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'message',
	options: [
		{ name: 'Block', value: 'block', description: 'Block, unblock and list blocked users' },
		{ name: 'Business Profile', value: 'businessProfile', description: 'The profile customers see' },
		{ name: 'Media', value: 'media', description: 'Upload, look up, download and delete media files' },
		{ name: 'Message', value: 'message', description: 'Send every message type; mark messages as read' },
		{ name: 'Phone Number', value: 'phoneNumber', description: 'The business phone numbers of the WhatsApp account' },
		{ name: 'Template', value: 'template', description: 'List, get, create and delete message templates' },
	],
};
