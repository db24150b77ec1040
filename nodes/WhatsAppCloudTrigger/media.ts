import type { IBinaryData, IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { cloudMimeType, extensionFor } from '../WhatsAppCloud/helpers/media';
import { cloudDownload, cloudRequest } from '../WhatsAppCloud/transport';
import type { CloudEvent } from './mapping';

/**
 * Media of inbound messages as n8n binary data, through the Cloud transport: `GET /{media-id}` (with the tenant's
 * phone_number_id) gives a URL valid for 5 minutes, fetched with the same token — which goes only to the Graph Base
 * URL's origin or Meta's media host (the transport refuses any other). Downloads run before n8n answers Meta, so
 * they are bounded per delivery; a failed or skipped download keeps the item, with the reason in `mediaError`.
 */

/** Media files downloaded per delivery; further media items get a mediaError instead. */
export const MAX_DOWNLOADS_PER_DELIVERY = 20;
const PARALLEL_DOWNLOADS = 4;

async function downloadOne(context: IWebhookFunctions, event: CloudEvent): Promise<IBinaryData> {
	const mediaId = typeof event.mediaId === 'string' ? event.mediaId : '';
	if (!/^\d{1,30}$/.test(mediaId)) throw new Error('The message names no media ID to download');
	const qs: IDataObject = event.tenant !== null && /^\d{1,30}$/.test(event.tenant) ? { phone_number_id: event.tenant } : {};
	const info = await cloudRequest.call(context, { method: 'GET', path: [mediaId], qs, noRetry: true });
	if (typeof info.url !== 'string' || info.url === '') throw new Error('Meta returned no download URL for this media');
	const file = await cloudDownload.call(context, info.url);
	const declared = typeof info.mime_type === 'string' ? info.mime_type : (event.media?.mimeType ?? file.mimeType);
	const fileName = event.media?.fileName ?? file.fileName;
	const mimeType = cloudMimeType(declared, fileName);
	return await context.helpers.prepareBinaryData(file.body, fileName ?? `${mediaId}.${extensionFor(mimeType)}`, mimeType);
}

/** Downloads the media of the items that have some; the item's `media` tells where the file went. */
export async function attachMedia(context: IWebhookFunctions, items: INodeExecutionData[], property: string): Promise<void> {
	const withMedia = items.filter((item) => (item.json as CloudEvent).media !== null);
	const queue = withMedia.slice(0, MAX_DOWNLOADS_PER_DELIVERY);
	for (const item of withMedia.slice(MAX_DOWNLOADS_PER_DELIVERY)) {
		item.json.mediaError = `Not downloaded: more than ${MAX_DOWNLOADS_PER_DELIVERY} media files in one delivery. Use the WhatsApp Cloud node (Media → Download) with mediaId.`;
	}
	const worker = async () => {
		for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
			const event = item.json as CloudEvent;
			try {
				const binary = await downloadOne(context, event);
				item.binary = { [property]: binary };
				event.media = { binaryProperty: property, mimeType: binary.mimeType, fileName: binary.fileName ?? null };
			} catch (error) {
				item.json.mediaError = (error as Error).message;
			}
		}
	};
	await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, worker));
}
