import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getUserRecipient, userGet } from '../../helpers/user';
import { dataArray } from '../../helpers/paging';
import { userPhoneField } from './user.descriptions';

const properties: INodeProperties[] = [userPhoneField];

const displayOptions = { show: { resource: ['user'], operation: ['getInfo'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * GET /user/info?phone=. GOWA answers `{data: [...], resolved_phone?, resolved_lid?}`: the node outputs one item per
 * entry of `data` (normally exactly one) with `jid`, `found: true` and the resolved phone/LID merged in, or a single
 * `{jid, found: false}` item when WhatsApp returned nothing, so an item is never lost.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const recipient = await getUserRecipient.call(this, itemIndex);
	const results = await userGet.call(this, itemIndex, '/user/info', { phone: recipient.jid });
	const answer = Array.isArray(results) ? {} : results;
	const resolved: IDataObject = { resolved_phone: answer.resolved_phone ?? null, resolved_lid: answer.resolved_lid ?? null };
	const entries = dataArray(results);
	if (entries.length === 0) return [{ json: { jid: recipient.jid, found: false, ...resolved } }];
	return entries.map((entry) => ({ json: { jid: recipient.jid, found: true, ...entry, ...resolved } }));
}
