import type { IBinaryData, IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { gowaDownload, gowaRequest } from '../shared/transport';
import { resolveMimeType } from '../WhatsAppMultiDevice/helpers/media';
import type { GowaEvent } from './normalize';

export type MediaKind = 'image' | 'video' | 'videoNote' | 'audio' | 'document' | 'sticker';

/** Where the file of a media message is, in any of the shapes GOWA v8/v9 sends (NOTES §6.4). */
export interface MediaReference {
	kind: MediaKind;
	/** Auto-downloaded file on the GOWA server, e.g. `statics/media/1752404751-….jpeg`. */
	path?: string;
	/** WhatsApp CDN URL (auto-download off): encrypted, fetched through `GET /message/{id}/download`. */
	url?: string;
	caption?: string;
	fileName?: string;
}

const MEDIA_KEYS: Array<[string, MediaKind]> = [
	['image', 'image'],
	['video', 'video'],
	['video_note', 'videoNote'],
	['audio', 'audio'],
	['document', 'document'],
	['sticker', 'sticker'],
];

function nonEmpty(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Finds the media of a message payload: a path string (auto-download, no caption), `{path, caption}`
 * (auto-download with caption) or `{url, caption|filename}` (auto-download off).
 */
export function findMedia(payload: IDataObject): MediaReference | undefined {
	for (const [key, kind] of MEDIA_KEYS) {
		const value = payload[key];
		if (typeof value === 'string') {
			if (value.trim() !== '') return { kind, path: value };
			continue;
		}
		if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
		const media = value as IDataObject;
		const reference: MediaReference = { kind };
		const path = nonEmpty(media.path);
		const url = nonEmpty(media.url);
		if (path !== undefined) reference.path = path;
		if (url !== undefined) reference.url = url;
		const caption = nonEmpty(media.caption);
		if (caption !== undefined) reference.caption = caption;
		const fileName = nonEmpty(media.filename);
		if (fileName !== undefined) reference.fileName = fileName;
		if (reference.path !== undefined || reference.url !== undefined) return reference;
	}
	return undefined;
}

const EXTENSION_BY_TYPE: Record<string, string> = {
	'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif',
	'video/mp4': 'mp4', 'audio/ogg': 'ogg', 'audio/mpeg': 'mp3', 'audio/mp4': 'm4a', 'application/pdf': 'pdf',
};

export function baseName(pathOrUrl: string): string | undefined {
	const withoutQuery = pathOrUrl.split(/[?#]/)[0];
	const last = withoutQuery.split('/').pop() ?? '';
	try {
		return decodeURIComponent(last) || undefined;
	} catch {
		return last || undefined;
	}
}

/** Asks GOWA to fetch an encrypted CDN file into its statics folder; returns where it can be downloaded. */
async function fetchThroughServer(this: IWebhookFunctions, event: GowaEvent, chatId: string): Promise<{ location: string; fileName?: string }> {
	const messageId = nonEmpty(event.payload.id);
	if (messageId === undefined || chatId === '') {
		throw new NodeOperationError(this.getNode(), 'The event has no message ID or chat to download the media of');
	}
	const results = (await gowaRequest.call(this, {
		method: 'GET',
		path: `/message/${encodeURIComponent(messageId)}/download`,
		qs: { phone: chatId },
		deviceScoped: true,
		// The slot ID when GOWA sent one; otherwise the receiving account's JID, which GOWA accepts as X-Device-Id too.
		deviceId: nonEmpty(event.session_id) ?? event.device_id,
	})) as IDataObject;
	const location = nonEmpty(results.file_url) ?? nonEmpty(results.file_path);
	if (location === undefined) {
		throw new NodeOperationError(this.getNode(), 'GOWA answered the media download without a file_url');
	}
	return { location, fileName: nonEmpty(results.filename) };
}

/** Downloads the media of an event into n8n's binary storage, with its MIME type and file name. */
export async function downloadMedia(
	this: IWebhookFunctions,
	event: GowaEvent,
	media: MediaReference,
	chatId: string,
): Promise<IBinaryData> {
	let location = media.path;
	let fileName = media.fileName;
	if (location === undefined) {
		const fetched = await fetchThroughServer.call(this, event, chatId);
		location = fetched.location;
		fileName = fileName ?? fetched.fileName;
	}
	const file = await gowaDownload.call(this, location);
	fileName = fileName ?? file.fileName ?? baseName(location);
	const mimeType = resolveMimeType(file.mimeType, fileName);
	if (fileName === undefined) {
		fileName = `${event.payload.id ?? media.kind}.${EXTENSION_BY_TYPE[mimeType] ?? 'bin'}`;
	}
	return await this.helpers.prepareBinaryData(file.body, fileName, mimeType);
}
