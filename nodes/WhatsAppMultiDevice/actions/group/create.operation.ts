import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getParticipants, groupRequest } from '../../helpers/group';
import { requireText } from '../../helpers/validation';
import { participantsField } from './group.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Group Name',
		name: 'title',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Salon Team',
		description: 'Name (subject) of the new group',
	},
	{
		...participantsField,
		description:
			'Phone numbers of the first members, separated by commas (or an expression returning a list). This account is added as admin automatically. @lid IDs are not accepted by GOWA here.',
	},
];

const displayOptions = { show: { resource: ['group'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const title = requireText(this, itemIndex, 'title', 'Group Name').trim();
	const participants = await getParticipants.call(this, itemIndex);
	const results = await groupRequest.call(this, itemIndex, 'POST', '/group', { body: { title, participants } });
	const groupId = Array.isArray(results) ? null : (results.group_id ?? null);
	return [{ json: { created: true, groupId, title, participants } }];
}
