import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { groupRequest, groupSuccess } from '../../helpers/group';
import { getGroupId } from '../../helpers/recipient';
import { groupIdField } from '../common.descriptions';

const properties: INodeProperties[] = [
	groupIdField,
	{
		displayName: 'Locked',
		name: 'locked',
		type: 'boolean',
		default: true,
		description: 'Whether only admins may change the group’s name, photo and description; turn off to let every member change them',
	},
];

const displayOptions = { show: { resource: ['group'], operation: ['setLocked'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const groupId = getGroupId.call(this, itemIndex);
	const locked = this.getNodeParameter('locked', itemIndex, true) === true;
	const results = await groupRequest.call(this, itemIndex, 'POST', '/group/locked', { body: { group_id: groupId, locked } });
	return groupSuccess(groupId, { locked }, results);
}
