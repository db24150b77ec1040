import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { senderPhoneNumberId } from '../../helpers/context';
import { cloudRequest } from '../../transport';
import { phoneNumberIdField } from '../common.descriptions';

const FIELDS = 'id,display_phone_number,verified_name,quality_rating,code_verification_status,name_status,platform_type,throughput';

const properties: INodeProperties[] = [phoneNumberIdField];

const displayOptions = { show: { resource: ['phoneNumber'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = await senderPhoneNumberId.call(this, itemIndex);
	return [{ json: await cloudRequest.call(this, { method: 'GET', path: [id], qs: { fields: FIELDS }, itemIndex }) }];
}
