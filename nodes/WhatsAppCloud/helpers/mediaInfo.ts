import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { cloudRequest } from '../transport';
import { Checker } from './checks';

/** `GET /{media-id}[?phone_number_id=]` → {url, mime_type, sha256, file_size, id}. */
export async function mediaInfo(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const check = new Checker(this, itemIndex);
	const mediaId = check.graphId(this.getNodeParameter('mediaId', itemIndex, ''), 'Media ID');
	const phone = String(this.getNodeParameter('phoneNumberId', itemIndex, '')).trim();
	const qs: IDataObject = phone === '' ? {} : { phone_number_id: check.graphId(phone, 'Phone Number ID') };
	return await cloudRequest.call(this, { method: 'GET', path: [mediaId], qs, itemIndex });
}
