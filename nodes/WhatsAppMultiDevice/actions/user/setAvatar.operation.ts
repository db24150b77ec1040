import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaEnvelopeRequest } from '../../../shared/transport';
import { deviceOverride } from '../../helpers/device';
import { readUpload, toFormData } from '../../helpers/media';

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the JPEG or PNG picture',
	},
];

const displayOptions = { show: { resource: ['user'], operation: ['setAvatar'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** POST /user/avatar (multipart `avatar`, with the picture's real MIME type): the account's profile picture. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const property = this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	const upload = await readUpload.call(this, itemIndex, property, 'avatar');
	const envelope = await gowaEnvelopeRequest.call(this, {
		method: 'POST',
		path: '/user/avatar',
		body: toFormData({}, upload),
		deviceScoped: true,
		deviceId: deviceOverride(this, itemIndex),
		itemIndex,
	});
	return [{ json: { success: true, fileName: upload.fileName, mimeType: upload.mimeType, size: upload.size, message: envelope.message ?? '' } }];
}
