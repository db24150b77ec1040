import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { gowaDownload, gowaRequest } from '../../../shared/transport';
import { binaryOutput, outputBinaryProperty } from '../../helpers/binary';
import { deviceOverride } from '../../helpers/device';
import { getMessageId, messagePath } from '../../helpers/messageAction';
import { getRecipient } from '../../helpers/recipient';
import { chatField, messageIdField, outputBinaryField } from '../common.descriptions';

const properties: INodeProperties[] = [
	chatField,
	{
		...messageIdField,
		description:
			'ID of a received image, video, audio, voice note, document or sticker message (payload.id of the webhook). GOWA must have it in its chat storage.',
	},
	outputBinaryField,
];

const displayOptions = { show: { resource: ['message'], operation: ['downloadMedia'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

/** `file_url` (v8.8+), else `file_path` when it lies in the served statics folder. */
function downloadLocation(context: IExecuteFunctions, itemIndex: number, results: IDataObject): string {
	const fileUrl = text(results.file_url).trim();
	if (fileUrl !== '') return fileUrl;
	const filePath = text(results.file_path).trim().replace(/^\.\//, '');
	if (filePath.startsWith('statics/')) return filePath;
	throw new NodeOperationError(context.getNode(), 'GOWA saved the media but offers no link to download it', {
		itemIndex,
		description: `The file is at "${filePath}" on the GOWA server, outside the statics folder it serves over HTTP. Update GOWA to v8.8 or later, which returns file_url.`,
	});
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const chat = await getRecipient.call(this, itemIndex, 'chat', 'Chat');
	const messageId = getMessageId(this, itemIndex);
	const propertyName = outputBinaryProperty(this, itemIndex);
	const answer = await gowaRequest.call(this, {
		method: 'GET',
		path: messagePath(messageId, 'download'),
		qs: { phone: chat.jid },
		deviceScoped: true,
		deviceId: deviceOverride(this, itemIndex),
		itemIndex,
	});
	const results = Array.isArray(answer) ? {} : answer;
	const file = await gowaDownload.call(this, downloadLocation(this, itemIndex, results), itemIndex);
	const fileName = text(results.filename) || file.fileName || `${messageId}.bin`;
	const item = await binaryOutput.call(
		this,
		{},
		{ ...file, fileName },
		propertyName,
		fileName,
	);
	item.json = {
		messageId,
		chat: chat.jid,
		mediaType: text(results.media_type) || null,
		fileName,
		mimeType: item.binary?.[propertyName]?.mimeType ?? null,
		fileSize: typeof results.file_size === 'number' ? results.file_size : file.body.length,
		filePath: text(results.file_path) || null,
		fileUrl: text(results.file_url) || null,
		serverStatus: text(results.status) || null,
	};
	return [item];
}
