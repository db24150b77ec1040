import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { cloudRequest } from '../transport';
import { Checker } from './checks';

export type CloudMediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

const MB = 1024 * 1024;

/** Types and sizes the Cloud API accepts (NOTES §3). */
export const CLOUD_MEDIA_RULES: Record<CloudMediaKind, { mimeTypes: string[]; maxBytes: number }> = {
	image: { mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * MB },
	video: { mimeTypes: ['video/mp4', 'video/3gpp'], maxBytes: 16 * MB },
	audio: { mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'], maxBytes: 16 * MB },
	document: {
		mimeTypes: [
			'text/plain', 'application/pdf', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'application/vnd.ms-powerpoint', 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
		],
		maxBytes: 100 * MB,
	},
	sticker: { mimeTypes: ['image/webp'], maxBytes: 500 * 1024 },
};

const BY_EXTENSION: Record<string, string> = {
	jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', mp4: 'video/mp4', '3gp': 'video/3gpp',
	aac: 'audio/aac', amr: 'audio/amr', mp3: 'audio/mpeg', m4a: 'audio/mp4', ogg: 'audio/ogg', opus: 'audio/ogg',
	txt: 'text/plain', pdf: 'application/pdf', doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	ppt: 'application/vnd.ms-powerpoint', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

const ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'audio/mp3': 'audio/mpeg', 'audio/x-m4a': 'audio/mp4', 'audio/m4a': 'audio/mp4', 'audio/opus': 'audio/ogg' };

/** The real MIME type: the binary's own, else guessed from its file name. */
export function cloudMimeType(mimeType: string | undefined, fileName: string | undefined): string {
	const own = (mimeType ?? '').split(';')[0].trim().toLowerCase();
	const extension = (fileName ?? '').toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
	const chosen = own === '' || own === 'application/octet-stream' ? (BY_EXTENSION[extension] ?? 'application/octet-stream') : own;
	return ALIASES[chosen] ?? chosen;
}

/** File extension for a MIME type (download file names). */
export function extensionFor(mimeType: string): string {
	return Object.entries(BY_EXTENSION).find(([, type]) => type === mimeType)?.[0] ?? 'bin';
}

/** Reads a binary property and checks it against what the Cloud API accepts for `kind`, before any request. */
export async function readCloudUpload(this: IExecuteFunctions, itemIndex: number, propertyName: string, kind: CloudMediaKind): Promise<{ blob: Blob; fileName: string; mimeType: string }> {
	const check = new Checker(this, itemIndex);
	const name = propertyName.trim();
	if (name === '') check.fail('Input Binary Field is empty', 'Enter the name of the binary property that holds the file, e.g. data.');
	const binary = this.helpers.assertBinaryData(itemIndex, name);
	const mimeType = cloudMimeType(binary.mimeType, binary.fileName);
	const rule = CLOUD_MEDIA_RULES[kind];
	if (!rule.mimeTypes.includes(mimeType)) {
		check.fail(`The file in binary field "${name}" is ${mimeType}, which WhatsApp does not accept as ${kind}`, `Accepted types: ${rule.mimeTypes.join(', ')}.`);
	}
	const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, name);
	if (buffer.length === 0) check.fail(`The file in binary field "${name}" is empty`);
	if (buffer.length > rule.maxBytes) {
		check.fail(`The file in binary field "${name}" is ${Math.ceil(buffer.length / 1024)} KB; WhatsApp accepts ${kind} files up to ${Math.round(rule.maxBytes / 1024)} KB`, 'Send a smaller file.');
	}
	const fileName = binary.fileName && binary.fileName.trim() !== '' ? binary.fileName : `${kind}.${extensionFor(mimeType)}`;
	return { blob: new Blob([buffer], { type: mimeType }), fileName, mimeType };
}

/** Uploads a file to `/{phone-number-id}/media` (multipart: file with its real type, messaging_product, type). */
export async function uploadMedia(this: IExecuteFunctions, itemIndex: number, phoneNumberId: string, upload: { blob: Blob; fileName: string; mimeType: string }): Promise<string> {
	const form = new FormData();
	form.append('messaging_product', 'whatsapp');
	form.append('type', upload.mimeType);
	form.append('file', upload.blob, upload.fileName);
	const answer: IDataObject = await cloudRequest.call(this, { method: 'POST', path: [phoneNumberId, 'media'], body: form, itemIndex });
	if (typeof answer.id !== 'string' || answer.id === '') {
		throw new NodeOperationError(this.getNode(), 'Meta accepted the upload but returned no media ID', { itemIndex });
	}
	return answer.id;
}
