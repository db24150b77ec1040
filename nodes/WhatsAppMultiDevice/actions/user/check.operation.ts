import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getUserRecipient, userGet } from '../../helpers/user';
import { userPhoneField } from './user.descriptions';

const properties: INodeProperties[] = [
	{
		...userPhoneField,
		description: 'Number to check: +62 812-3456-7890, 6281234567890, 0812… (uses the credential’s Default Country Code), or …@s.whatsapp.net',
	},
];

const displayOptions = { show: { resource: ['user'], operation: ['check'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /user/check?phone=: `{phone, jid, is_on_whatsapp}`, e.g. to clean a CRM list before a campaign. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const recipient = await getUserRecipient.call(this, itemIndex, ['user']);
	const results = await userGet.call(this, itemIndex, '/user/check', { phone: recipient.phone });
	const answer = Array.isArray(results) ? {} : results;
	return [{ json: { phone: recipient.phone ?? null, jid: recipient.jid, is_on_whatsapp: answer.is_on_whatsapp === true } }];
}
