import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getUserRecipient, userGet } from '../../helpers/user';
import { userPhoneField } from './user.descriptions';

const properties: INodeProperties[] = [userPhoneField];

const displayOptions = { show: { resource: ['user'], operation: ['getBusinessProfile'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /user/business-profile?phone=: email, address, categories, business hours of a WhatsApp Business account. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const recipient = await getUserRecipient.call(this, itemIndex);
	const results = await userGet.call(this, itemIndex, '/user/business-profile', { phone: recipient.jid });
	return [{ json: Array.isArray(results) ? { jid: recipient.jid, data: results } : results }];
}
