import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { gowaDownload, gowaRequest } from '../../../shared/transport';
import { binaryOutput, outputBinaryProperty } from '../../helpers/binary';
import { requireFeature } from '../../helpers/capabilities';
import { deviceOverride } from '../../helpers/device';
import { getNewsletterId } from '../../helpers/newsletter';
import { outputBinaryField } from '../common.descriptions';
import { newsletterIdField } from './newsletter.descriptions';

const properties: INodeProperties[] = [
	newsletterIdField,
	{
		displayName: 'Server ID',
		name: 'serverId',
		type: 'number',
		default: 0,
		required: true,
		typeOptions: { minValue: 1 },
		description: 'Server ID of the channel post with the media (server_id in Newsletter → Get Messages)',
	},
	outputBinaryField,
];

const displayOptions = { show: { resource: ['newsletter'], operation: ['downloadMedia'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const newsletterId = getNewsletterId(this, itemIndex);
	const raw = this.getNodeParameter('serverId', itemIndex, 0) as unknown;
	const serverId = Number(raw);
	if (!Number.isInteger(serverId) || serverId < 1) {
		throw new NodeOperationError(this.getNode(), `Server ID must be a whole number of at least 1, not "${String(raw)}"`, {
			itemIndex,
			description: 'Use the server_id of a post from Newsletter → Get Messages.',
		});
	}
	const propertyName = outputBinaryProperty(this, itemIndex);
	await requireFeature.call(this, itemIndex, 'newsletterMediaDownload');
	const answer = await gowaRequest.call(this, {
		method: 'GET',
		path: `/newsletter/messages/${serverId}/download`,
		qs: { newsletter_id: newsletterId },
		deviceScoped: true,
		deviceId: deviceOverride(this, itemIndex),
		itemIndex,
	});
	const results: IDataObject = Array.isArray(answer) ? {} : answer;
	const location = text(results.file_url).trim() || text(results.file_path).trim();
	if (location === '') {
		throw new NodeOperationError(this.getNode(), 'GOWA downloaded the media but returned no link to it', { itemIndex });
	}
	const file = await gowaDownload.call(this, location, itemIndex);
	const fileName = text(results.filename) || file.fileName || `${serverId}.bin`;
	const item = await binaryOutput.call(this, {}, { ...file, mimeType: text(results.mime_type) || file.mimeType, fileName }, propertyName, fileName);
	item.json = {
		newsletterId,
		serverId,
		messageId: text(results.message_id) || null,
		mediaType: text(results.media_type) || null,
		fileName,
		mimeType: item.binary?.[propertyName]?.mimeType ?? null,
		fileSize: typeof results.file_size === 'number' ? results.file_size : file.body.length,
		fileUrl: text(results.file_url) || null,
	};
	return [item];
}
