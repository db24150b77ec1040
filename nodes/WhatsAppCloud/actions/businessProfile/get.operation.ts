import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { senderPhoneNumberId } from '../../helpers/context';
import { cloudRequest } from '../../transport';
import { phoneNumberIdField } from '../common.descriptions';

const FIELDS = 'about,address,description,email,profile_picture_url,websites,vertical';

const properties: INodeProperties[] = [phoneNumberIdField];

const displayOptions = { show: { resource: ['businessProfile'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = await senderPhoneNumberId.call(this, itemIndex);
	const answer = await cloudRequest.call(this, { method: 'GET', path: [id, 'whatsapp_business_profile'], qs: { fields: FIELDS }, itemIndex });
	const first = Array.isArray(answer.data) ? ((answer.data as IDataObject[])[0] ?? {}) : answer;
	const profile = (first.business_profile ?? first) as IDataObject;
	return [{ json: { ...profile, phoneNumberId: id } }];
}
