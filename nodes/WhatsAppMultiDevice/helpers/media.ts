import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** What GOWA accepts for each uploaded file part (its own validation, NOTES §1.4 and §4). */
export interface MediaRule {
	/** Multipart field name of the file. */
	field: string;
	/** Human name for messages. */
	label: string;
	/** Accepted part Content-Types; undefined = any. */
	mimeTypes?: string[];
	/** Largest accepted file, in bytes. */
	maxBytes: number;
}

const MB = 1_000_000;

export const MEDIA_RULES = {
	image: { field: 'image', label: 'image', mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 20 * MB },
	audio: {
		field: 'audio',
		label: 'audio',
		mimeTypes: ['audio/aac', 'audio/amr', 'audio/flac', 'audio/m4a', 'audio/m4r', 'audio/mp3', 'audio/mpeg', 'audio/ogg', 'audio/wma', 'audio/x-ms-wma', 'audio/wav', 'audio/vnd.wav', 'audio/vnd.wave', 'audio/wave', 'audio/x-pn-wav', 'audio/x-wav'],
		maxBytes: 100 * MB,
	},
	file: { field: 'file', label: 'file', maxBytes: 50 * MB },
	video: { field: 'video', label: 'video', mimeTypes: ['video/mp4', 'video/x-matroska', 'video/avi', 'video/x-msvideo'], maxBytes: 100 * MB },
	sticker: { field: 'sticker', label: 'sticker', mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'], maxBytes: 20 * MB },
	avatar: { field: 'avatar', label: 'avatar image', mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 20 * MB },
	// Group photos: GOWA's ValidateGroupPhotoFormat accepts JPEG, PNG and WebP up to 10 MiB (checked here as 10 MB).
	photo: { field: 'photo', label: 'group photo', mimeTypes: ['image/jpeg', 'image/png', 'image/webp'], maxBytes: 10 * MB },
} satisfies Record<string, MediaRule>;

export type MediaKind = keyof typeof MEDIA_RULES;

const BY_EXTENSION: Record<string, string> = {
	jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif',
	mp4: 'video/mp4', mkv: 'video/x-matroska', avi: 'video/x-msvideo',
	mp3: 'audio/mpeg', ogg: 'audio/ogg', oga: 'audio/ogg', opus: 'audio/ogg', m4a: 'audio/m4a', m4r: 'audio/m4r',
	aac: 'audio/aac', amr: 'audio/amr', flac: 'audio/flac', wav: 'audio/wav', wma: 'audio/x-ms-wma',
	pdf: 'application/pdf', txt: 'text/plain', csv: 'text/csv', zip: 'application/zip',
	doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	ppt: 'application/vnd.ms-powerpoint', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** Standard names GOWA does not list, mapped to the alias it accepts for the same format. */
const ALIASES: Record<string, string> = {
	'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg',
	'audio/mp4': 'audio/m4a', 'audio/x-m4a': 'audio/m4a', 'audio/x-aac': 'audio/aac', 'audio/aacp': 'audio/aac',
	'audio/opus': 'audio/ogg', 'audio/x-flac': 'audio/flac', 'audio/x-mpeg': 'audio/mpeg',
};

function extensionOf(name: string | undefined): string {
	const match = (name ?? '').toLowerCase().match(/\.([a-z0-9]+)$/);
	return match ? match[1] : '';
}

/** The real MIME type of a binary: its own, unless n8n only knew "application/octet-stream", then by extension. */
export function resolveMimeType(mimeType: string | undefined, fileName: string | undefined, fileExtension?: string): string {
	const own = (mimeType ?? '').split(';')[0].trim().toLowerCase();
	const guessed = BY_EXTENSION[extensionOf(fileName)] ?? BY_EXTENSION[(fileExtension ?? '').toLowerCase()];
	const chosen = own === '' || own === 'application/octet-stream' ? (guessed ?? 'application/octet-stream') : own;
	return ALIASES[chosen] ?? chosen;
}

export interface UploadPart {
	field: string;
	blob: Blob;
	fileName: string;
	mimeType: string;
	size: number;
}

function formatBytes(bytes: number): string {
	// Rounded up, so a file just over a limit never reads as equal to it ("20.0 MB; … up to 20.0 MB").
	return bytes >= MB ? `${(Math.ceil((bytes / MB) * 10) / 10).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} kB`;
}

/** Reads an input binary property and checks it against what GOWA accepts, before any request is sent. */
export async function readUpload(
	this: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	kind: MediaKind,
): Promise<UploadPart> {
	const rule: MediaRule = MEDIA_RULES[kind];
	const name = propertyName.trim();
	if (name === '') {
		throw new NodeOperationError(this.getNode(), 'Input Binary Field is empty', {
			itemIndex,
			description: 'Enter the name of the binary property that holds the file, e.g. data.',
		});
	}
	const binary = this.helpers.assertBinaryData(itemIndex, name);
	const mimeType = resolveMimeType(binary.mimeType, binary.fileName, binary.fileExtension);
	if (rule.mimeTypes && !rule.mimeTypes.includes(mimeType)) {
		throw new NodeOperationError(this.getNode(), `The ${rule.label} in binary field "${name}" is ${mimeType}, which GOWA does not accept`, {
			itemIndex,
			description: `Accepted types: ${rule.mimeTypes.join(', ')}. Convert the file first, or send it with Send → File.`,
		});
	}
	const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, name);
	if (buffer.length === 0) {
		throw new NodeOperationError(this.getNode(), `The ${rule.label} in binary field "${name}" is empty`, { itemIndex });
	}
	if (buffer.length > rule.maxBytes) {
		throw new NodeOperationError(this.getNode(), `The ${rule.label} in binary field "${name}" is ${formatBytes(buffer.length)}; GOWA accepts up to ${formatBytes(rule.maxBytes)}`, {
			itemIndex,
			description: 'Send a smaller file, or upload it elsewhere and send a link.',
		});
	}
	const extension = Object.entries(BY_EXTENSION).find(([, type]) => type === mimeType)?.[0] ?? 'bin';
	const fileName = binary.fileName && binary.fileName.trim() !== '' ? binary.fileName : `${kind}.${extension}`;
	return { field: rule.field, blob: new Blob([buffer], { type: mimeType }), fileName, mimeType, size: buffer.length };
}

/** Checks a media URL before GOWA is asked to fetch it. */
export function checkMediaUrl(context: IExecuteFunctions, itemIndex: number, value: unknown, displayName: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		throw new NodeOperationError(context.getNode(), `${displayName} "${text}" is not an http(s) URL`, {
			itemIndex,
			description: 'GOWA downloads the file itself, so the URL must be reachable from the GOWA server, e.g. https://example.com/photo.jpg.',
		});
	}
	return url.toString();
}

/** Multipart body: text fields as strings (GOWA parses "true"/"86400"), plus the file part with its real type. */
export function toFormData(fields: IDataObject, upload?: UploadPart): FormData {
	const form = new FormData();
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined || value === null) continue;
		if (Array.isArray(value)) {
			for (const entry of value) form.append(key, String(entry));
		} else {
			form.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
		}
	}
	if (upload) form.append(upload.field, upload.blob, upload.fileName);
	return form;
}
