import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { groupRequest, groupSuccess } from '../../helpers/group';
import { getGroupId } from '../../helpers/recipient';
import { groupIdField } from '../common.descriptions';

const properties: INodeProperties[] = [
	groupIdField,
	{
		displayName: 'Announcement Mode',
		name: 'announce',
		type: 'boolean',
		default: true,
		description: 'Whether only admins may send messages in the group; turn off to let every member send',
	},
];

const displayOptions = { show: { resource: ['group'], operation: ['setAnnounce'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const groupId = getGroupId.call(this, itemIndex);
	const announce = this.getNodeParameter('announce', itemIndex, true) === true;
	const results = await groupRequest.call(this, itemIndex, 'POST', '/group/announce', { body: { group_id: groupId, announce } });
	return groupSuccess(groupId, { announce }, results);
}
