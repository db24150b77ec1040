import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getMessageId, messagePath } from '../../helpers/messageAction';
import { getRecipient } from '../../helpers/recipient';
import { postSend } from '../../helpers/send';
import { commonSendFields } from '../../helpers/validation';
import { durationOption, messageIdField, recipientField } from '../common.descriptions';
import { sendOptionsCollection } from '../send/schedule.description';

const properties: INodeProperties[] = [
	{
		...messageIdField,
		description:
			'ID of the message to forward. GOWA must have it in its chat storage (text, image, video, audio, document or sticker).',
	},
	{
		...recipientField,
		displayName: 'Forward To',
		description:
			'Where to forward the message: a phone number (+62 812-3456-7890, 6281234567890, 0812… with the Default Country Code) or a chat JID (…@s.whatsapp.net, …@g.us, …@lid)',
	},
	sendOptionsCollection([
		durationOption,
		{
			displayName: 'Force Re-Upload',
			name: 'forceReupload',
			type: 'boolean',
			default: false,
			description: 'Whether GOWA uploads the media again instead of reusing the original upload (try this when a forwarded file does not open)',
		},
	]),
];

const displayOptions = { show: { resource: ['message'], operation: ['forward'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const messageId = getMessageId(this, itemIndex);
	const recipient = await getRecipient.call(this, itemIndex, 'recipient', 'Forward To');
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		phone: recipient.jid,
		...commonSendFields(this, itemIndex, options, { reply: false, forwarded: false }),
	};
	if (options.forceReupload !== undefined) body.force_reupload = options.forceReupload === true;
	const [outcome] = await postSend.call(this, itemIndex, messagePath(messageId, 'forward'), body, recipient.jid);
	return [{ json: { ...outcome.json, forwardedMessageId: messageId } }];
}
