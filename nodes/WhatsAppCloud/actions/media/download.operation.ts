import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { cloudMimeType, extensionFor } from '../../helpers/media';
import { mediaInfo } from '../../helpers/mediaInfo';
import { cloudDownload } from '../../transport';
import { mediaIdField, phoneNumberIdField } from '../common.descriptions';

const properties: INodeProperties[] = [
	mediaIdField,
	{ ...phoneNumberIdField, description: 'Only find media of this business phone number; empty = any of the WhatsApp account' },
	{ displayName: 'Put Output File in Field', name: 'binaryPropertyName', type: 'string', default: 'data', required: true, description: 'Name of the binary property to put the file in' },
];

const displayOptions = { show: { resource: ['media'], operation: ['download'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Looks the media up (its URL is valid 5 minutes), then fetches the bytes with the same token, as an n8n binary. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	if (property === '') throw new NodeOperationError(this.getNode(), 'Put Output File in Field is empty', { itemIndex, description: 'Enter a binary property name, e.g. data.' });
	const info = await mediaInfo.call(this, itemIndex);
	if (typeof info.url !== 'string' || info.url === '') throw new NodeOperationError(this.getNode(), 'Meta returned no download URL for this media', { itemIndex });
	const file = await cloudDownload.call(this, info.url, itemIndex);
	const mimeType = cloudMimeType(typeof info.mime_type === 'string' ? info.mime_type : file.mimeType, file.fileName);
	const fileName = file.fileName ?? `${String(info.id)}.${extensionFor(mimeType)}`;
	const binary = await this.helpers.prepareBinaryData(file.body, fileName, mimeType);
	const json: IDataObject = { ...info, fileName, size: file.body.length };
	delete json.url;
	return [{ json, binary: { [property]: binary } }];
}
