import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { groupRequest, groupSuccess } from '../../helpers/group';
import { getGroupId } from '../../helpers/recipient';
import { groupIdField } from '../common.descriptions';

const properties: INodeProperties[] = [groupIdField];

const displayOptions = { show: { resource: ['group'], operation: ['leave'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const groupId = getGroupId.call(this, itemIndex);
	const results = await groupRequest.call(this, itemIndex, 'POST', '/group/leave', { body: { group_id: groupId } });
	return groupSuccess(groupId, { left: true }, results);
}
