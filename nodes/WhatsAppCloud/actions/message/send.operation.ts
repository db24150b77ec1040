import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { Checker } from '../../helpers/checks';
import { cloudRecipient, senderPhoneNumberId, sendOutcome } from '../../helpers/context';
import { cloudRequest } from '../../transport';
import { phoneNumberIdField, recipientField } from '../common.descriptions';
import { basicFields, buildContacts, buildLocation, buildReaction, buildText } from './send/basic';
import { buildButtons, buildCtaUrl, buildList, buildLocationRequest, interactiveFields } from './send/interactive';
import { buildMedia, mediaFields } from './send/media';
import { buildTemplate } from './send/template';
import { templateFields } from './send/template.description';

const properties: INodeProperties[] = [
	phoneNumberIdField,
	recipientField,
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		default: 'text',
		options: [
			{ name: 'Audio', value: 'audio' },
			{ name: 'Contacts', value: 'contacts', description: 'One to five contact cards' },
			{ name: 'Document', value: 'document' },
			{ name: 'Image', value: 'image' },
			{ name: 'Interactive: Call-to-Action URL', value: 'ctaUrl', description: 'Text with one link button' },
			{ name: 'Interactive: List', value: 'list', description: 'A button that opens a list of up to 10 choices' },
			{ name: 'Interactive: Location Request', value: 'locationRequest', description: 'Asks the user to share their location' },
			{ name: 'Interactive: Reply Buttons', value: 'buttons', description: 'Text with one to three reply buttons' },
			{ name: 'Location', value: 'location' },
			{ name: 'Reaction', value: 'reaction', description: 'An emoji on a message of the chat' },
			{ name: 'Sticker', value: 'sticker', description: 'A WebP sticker' },
			{ name: 'Template', value: 'template', description: 'An approved template; the only type allowed outside the 24-hour window' },
			{ name: 'Text', value: 'text' },
			{ name: 'Video', value: 'video' },
		],
	},
	...basicFields,
	...mediaFields,
	...interactiveFields,
	...templateFields,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Reply To Message ID',
				name: 'replyToMessageId',
				type: 'string',
				default: '',
				placeholder: 'e.g. wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA',
				description: 'Quotes this message of the chat (context.message_id)',
			},
		],
	},
];

const displayOptions = { show: { resource: ['message'], operation: ['send'] } };

export const description = updateDisplayOptions(displayOptions, properties);

async function typedPart(context: IExecuteFunctions, check: Checker, type: string, phoneNumberId: string): Promise<IDataObject> {
	switch (type) {
		case 'text':
			return buildText(context, check);
		case 'image':
		case 'video':
		case 'audio':
		case 'document':
		case 'sticker':
			return await buildMedia(context, check, type, phoneNumberId);
		case 'location':
			return buildLocation(context, check);
		case 'contacts':
			return await buildContacts(context, check, async (phone) => await cloudRecipient.call(context, check.itemIndex, phone, 'Contact phone'));
		case 'reaction':
			return buildReaction(context, check);
		case 'buttons':
			return buildButtons(context, check);
		case 'list':
			return buildList(context, check);
		case 'ctaUrl':
			return buildCtaUrl(context, check);
		case 'locationRequest':
			return buildLocationRequest(context, check);
		case 'template':
			return buildTemplate(context, check);
		default:
			return check.fail(`Message Type "${type}" is not supported`);
	}
}

/** Every check runs before the first request; a binary file is uploaded only once the rest is known to be valid. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex);
	const phoneNumberId = await senderPhoneNumberId.call(this, itemIndex);
	const to = await cloudRecipient.call(this, itemIndex, this.getNodeParameter('recipient', itemIndex, ''));
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = { messaging_product: 'whatsapp', recipient_type: 'individual', to };
	if (typeof options.replyToMessageId === 'string' && options.replyToMessageId.trim() !== '') {
		body.context = { message_id: check.messageId(options.replyToMessageId, 'Reply To Message ID') };
	}
	const type = this.getNodeParameter('messageType', itemIndex, 'text') as string;
	Object.assign(body, await typedPart(this, check, type, phoneNumberId));
	const answer = await cloudRequest.call(this, { method: 'POST', path: [phoneNumberId, 'messages'], body, itemIndex, messageSendFrom: phoneNumberId });
	return sendOutcome.call(this, itemIndex, answer, phoneNumberId, to);
}
