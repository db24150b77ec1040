import type { INodeProperties } from 'n8n-workflow';

import type { CloudOperationMap } from '../operation.types';
import * as deleteMedia from './delete.operation';
import * as download from './download.operation';
import * as getUrl from './getUrl.operation';
import * as upload from './upload.operation';

export const operations: CloudOperationMap = { upload, getUrl, download, delete: deleteMedia };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['media'] } },
		default: 'upload',
		options: [
			{ name: 'Delete', value: 'delete', action: 'Delete a media file', description: 'Delete an uploaded file from Meta' },
			{ name: 'Download', value: 'download', action: 'Download a media file', description: 'Download a file (e.g. of an incoming message) as n8n binary data' },
			{ name: 'Get URL', value: 'getUrl', action: 'Get the URL of a media file', description: 'Get the download URL (valid 5 minutes), MIME type, size and SHA-256' },
			{ name: 'Upload', value: 'upload', action: 'Upload a media file', description: 'Upload a binary file; the media ID can be sent for 30 days' },
		],
	},
	...upload.description,
	...getUrl.description,
	...download.description,
	...deleteMedia.description,
];
