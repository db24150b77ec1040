import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { groupRequest, groupSuccess } from '../../helpers/group';
import { getGroupId } from '../../helpers/recipient';
import { groupIdField } from '../common.descriptions';

const properties: INodeProperties[] = [
	groupIdField,
	{
		displayName: 'Description',
		name: 'topic',
		type: 'string',
		default: '',
		typeOptions: { rows: 3 },
		placeholder: 'e.g. Opening hours and booking rules',
		description: 'New description (topic) of the group. Leave empty to remove the description.',
	},
];

const displayOptions = { show: { resource: ['group'], operation: ['setTopic'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const groupId = getGroupId.call(this, itemIndex);
	const raw = this.getNodeParameter('topic', itemIndex, '') as unknown;
	const topic = typeof raw === 'string' ? raw.trim() : raw === undefined || raw === null ? '' : String(raw);
	const results = await groupRequest.call(this, itemIndex, 'POST', '/group/topic', { body: { group_id: groupId, topic } });
	return groupSuccess(groupId, { topic, removed: topic === '' }, results);
}
