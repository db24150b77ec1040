import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { Checker } from '../../helpers/checks';
import { cloudRequest } from '../../transport';
import { mediaIdField, phoneNumberIdField } from '../common.descriptions';

const properties: INodeProperties[] = [mediaIdField, { ...phoneNumberIdField, description: 'Only delete media of this business phone number; empty = any of the WhatsApp account' }];

const displayOptions = { show: { resource: ['media'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex);
	const mediaId = check.graphId(this.getNodeParameter('mediaId', itemIndex, ''), 'Media ID');
	const phone = String(this.getNodeParameter('phoneNumberId', itemIndex, '')).trim();
	const qs: IDataObject = phone === '' ? {} : { phone_number_id: check.graphId(phone, 'Phone Number ID') };
	const answer = await cloudRequest.call(this, { method: 'DELETE', path: [mediaId], qs, itemIndex });
	return [{ json: { success: answer.success === true, mediaId } }];
}
