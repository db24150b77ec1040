import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { groupRequest } from '../../helpers/group';
import { applyLimit, getListLimit } from '../../helpers/paging';
import { getGroupId } from '../../helpers/recipient';
import { groupIdField, limitField, returnAllField } from '../common.descriptions';

const properties: INodeProperties[] = [groupIdField, returnAllField, limitField];

const displayOptions = { show: { resource: ['group'], operation: ['getParticipants'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GOWA answers the whole list at once; one item per participant, tagged with the group's id and name. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const groupId = getGroupId.call(this, itemIndex);
	const listLimit = getListLimit(this, itemIndex);
	const results = await groupRequest.call(this, itemIndex, 'GET', '/group/participants', { qs: { group_id: groupId } });
	const answer = Array.isArray(results) ? {} : results;
	const participants = Array.isArray(answer.participants) ? answer.participants : [];
	const groupName = answer.name ?? null;
	return applyLimit(participants, listLimit).map((participant) => ({
		json: { ...(participant as object), group_id: answer.group_id ?? groupId, group_name: groupName },
	}));
}
