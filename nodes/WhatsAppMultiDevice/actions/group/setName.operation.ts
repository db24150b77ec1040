import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { groupRequest, groupSuccess } from '../../helpers/group';
import { getGroupId } from '../../helpers/recipient';
import { requireText } from '../../helpers/validation';
import { groupIdField } from '../common.descriptions';

/** GOWA checks 1–25 characters (counted as Unicode code points). */
const MAX_NAME_LENGTH = 25;

const properties: INodeProperties[] = [
	groupIdField,
	{
		displayName: 'Group Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Salon Team',
		description: 'New name (subject) of the group, 1 to 25 characters',
	},
];

const displayOptions = { show: { resource: ['group'], operation: ['setName'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const groupId = getGroupId.call(this, itemIndex);
	const name = requireText(this, itemIndex, 'name', 'Group Name').trim();
	const length = [...name].length;
	if (length > MAX_NAME_LENGTH) {
		throw new NodeOperationError(this.getNode(), `Group Name has ${length} characters; GOWA accepts at most ${MAX_NAME_LENGTH}`, {
			itemIndex,
			description: 'Shorten the name to 25 characters or fewer.',
		});
	}
	const results = await groupRequest.call(this, itemIndex, 'POST', '/group/name', { body: { group_id: groupId, name } });
	return groupSuccess(groupId, { name }, results);
}
