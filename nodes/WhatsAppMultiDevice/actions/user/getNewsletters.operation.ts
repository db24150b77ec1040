import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { applyLimit, dataArray, getListLimit } from '../../helpers/paging';
import { simplifyNewsletter, userGet } from '../../helpers/user';
import { limitField, returnAllField } from '../common.descriptions';
import { simplifyField } from './user.descriptions';

const properties: INodeProperties[] = [returnAllField, limitField, simplifyField];

const displayOptions = { show: { resource: ['user'], operation: ['getNewsletters'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * GET /user/my/newsletters: one item per followed channel. Simplify gives
 * `{newsletter_id, name, description, invite, subscribers_count, role, muted, …}`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const listLimit = getListLimit(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) !== false;
	const newsletters = applyLimit(dataArray(await userGet.call(this, itemIndex, '/user/my/newsletters')), listLimit);
	return newsletters.map((newsletter) => ({ json: simplify ? simplifyNewsletter(newsletter) : newsletter }));
}
