import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { groupRequest } from '../../helpers/group';
import { applyLimit, dataArray, getListLimit } from '../../helpers/paging';
import { getGroupId } from '../../helpers/recipient';
import { groupIdField, limitField, returnAllField } from '../common.descriptions';

const properties: INodeProperties[] = [groupIdField, returnAllField, limitField];

const displayOptions = { show: { resource: ['group'], operation: ['getJoinRequests'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** One item per pending request (`{jid, phone_number, display_name, requested_at}`), tagged with the group. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const groupId = getGroupId.call(this, itemIndex);
	const listLimit = getListLimit(this, itemIndex);
	const results = await groupRequest.call(this, itemIndex, 'GET', '/group/participant-requests', { qs: { group_id: groupId } });
	return applyLimit(dataArray(results), listLimit).map((request) => ({ json: { ...request, group_id: groupId } }));
}
