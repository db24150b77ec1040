import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Checker } from '../../../helpers/checks';
import type { CloudMediaKind } from '../../../helpers/media';
import { readCloudUpload, uploadMedia } from '../../../helpers/media';

/** Image, video, audio, document and sticker messages: from an n8n binary (uploaded first), a link or a media ID. */

const MEDIA_TYPES: CloudMediaKind[] = ['image', 'video', 'audio', 'document', 'sticker'];

export const mediaFields: INodeProperties[] = [
	{
		displayName: 'Media Source',
		name: 'mediaSource',
		type: 'options',
		default: 'binary',
		displayOptions: { show: { messageType: MEDIA_TYPES } },
		options: [
			{ name: 'Binary File', value: 'binary', description: 'A file of the input item; uploaded to Meta first, then sent by its ID' },
			{ name: 'Link', value: 'link', description: 'A public http(s) URL Meta fetches' },
			{ name: 'Media ID', value: 'id', description: 'A file uploaded before (Media → Upload), kept by Meta for 30 days' },
		],
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { messageType: MEDIA_TYPES, mediaSource: ['binary'] } },
		description: 'Name of the binary property holding the file',
	},
	{
		displayName: 'Media Link',
		name: 'mediaLink',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { messageType: MEDIA_TYPES, mediaSource: ['link'] } },
		placeholder: 'e.g. https://example.com/invoice.pdf',
	},
	{
		displayName: 'Media ID',
		name: 'mediaId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { messageType: MEDIA_TYPES, mediaSource: ['id'] } },
		placeholder: 'e.g. 1037543291543636',
	},
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		default: '',
		typeOptions: { rows: 2 },
		displayOptions: { show: { messageType: ['image', 'video', 'document'] } },
		description: 'Text under the media, up to 1024 characters',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		displayOptions: { show: { messageType: ['document'] } },
		placeholder: 'e.g. invoice-0815.pdf',
		description: 'Name the recipient sees; by default the binary’s file name',
	},
];

export async function buildMedia(context: IExecuteFunctions, check: Checker, kind: CloudMediaKind, phoneNumberId: string): Promise<IDataObject> {
	const itemIndex = check.itemIndex;
	const source = context.getNodeParameter('mediaSource', itemIndex, 'binary') as string;
	const media: IDataObject = {};
	let uploadedName: string | undefined;
	if (kind === 'image' || kind === 'video' || kind === 'document') {
		const caption = check.param('caption', 'Caption', 1024, false);
		if (caption !== '') media.caption = caption;
	}
	const fileName = kind === 'document' ? check.param('fileName', 'File Name', 240, false) : '';
	if (source === 'link') {
		media.link = check.url(context.getNodeParameter('mediaLink', itemIndex, ''), 'Media Link');
	} else if (source === 'id') {
		media.id = check.graphId(context.getNodeParameter('mediaId', itemIndex, ''), 'Media ID');
	} else {
		// Checked (type, size) before anything is uploaded; the upload itself happens last, after every other check.
		const upload = await readCloudUpload.call(context, itemIndex, context.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string, kind);
		uploadedName = upload.fileName;
		media.id = await uploadMedia.call(context, itemIndex, phoneNumberId, upload);
	}
	if (kind === 'document' && (fileName !== '' || uploadedName !== undefined)) media.filename = fileName !== '' ? fileName : uploadedName;
	return { type: kind, [kind]: media };
}
