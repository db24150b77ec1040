import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { senderPhoneNumberId } from '../../helpers/context';
import type { CloudMediaKind } from '../../helpers/media';
import { readCloudUpload, uploadMedia } from '../../helpers/media';
import { phoneNumberIdField } from '../common.descriptions';

const properties: INodeProperties[] = [
	phoneNumberIdField,
	{ displayName: 'Input Binary Field', name: 'binaryPropertyName', type: 'string', default: 'data', required: true, description: 'Name of the binary property holding the file' },
	{
		displayName: 'Send As',
		name: 'mediaKind',
		type: 'options',
		default: 'image',
		description: 'What the file will be sent as; decides the accepted types and sizes',
		options: [
			{ name: 'Audio', value: 'audio' },
			{ name: 'Document', value: 'document' },
			{ name: 'Image', value: 'image' },
			{ name: 'Sticker', value: 'sticker' },
			{ name: 'Video', value: 'video' },
		],
	},
];

const displayOptions = { show: { resource: ['media'], operation: ['upload'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const phoneNumberId = await senderPhoneNumberId.call(this, itemIndex);
	const kind = this.getNodeParameter('mediaKind', itemIndex, 'image') as CloudMediaKind;
	const upload = await readCloudUpload.call(this, itemIndex, this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string, kind);
	const id = await uploadMedia.call(this, itemIndex, phoneNumberId, upload);
	return [{ json: { mediaId: id, mimeType: upload.mimeType, fileName: upload.fileName, provider: 'cloud', tenant: phoneNumberId } }];
}
