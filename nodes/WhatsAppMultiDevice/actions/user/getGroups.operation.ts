import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { applyLimit, dataArray, getListLimit } from '../../helpers/paging';
import { simplifyGroup, userGet } from '../../helpers/user';
import { limitField, returnAllField } from '../common.descriptions';
import { simplifyField } from './user.descriptions';

const properties: INodeProperties[] = [returnAllField, limitField, simplifyField];

const displayOptions = { show: { resource: ['user'], operation: ['getGroups'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * GET /user/my/groups: one item per group the account is in (WhatsApp returns at most 500). Simplify gives
 * `{group_id, name, topic, participant_count, admins, is_locked, …}`; off gives whatsmeow's raw GroupInfo.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const listLimit = getListLimit(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) !== false;
	const groups = applyLimit(dataArray(await userGet.call(this, itemIndex, '/user/my/groups')), listLimit);
	return groups.map((group) => ({ json: simplify ? simplifyGroup(group) : group }));
}
