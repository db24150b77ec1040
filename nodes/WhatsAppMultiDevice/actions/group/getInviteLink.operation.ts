import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { groupRequest } from '../../helpers/group';
import { getGroupId } from '../../helpers/recipient';
import { groupIdField } from '../common.descriptions';

const properties: INodeProperties[] = [
	groupIdField,
	{
		displayName: 'Reset Link',
		name: 'reset',
		type: 'boolean',
		default: false,
		description: 'Whether to revoke the current invite link and create a new one (the old link stops working)',
	},
];

const displayOptions = { show: { resource: ['group'], operation: ['getInviteLink'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const groupId = getGroupId.call(this, itemIndex);
	const reset = this.getNodeParameter('reset', itemIndex, false) === true;
	const results = await groupRequest.call(this, itemIndex, 'GET', '/group/invite-link', { qs: { group_id: groupId, reset } });
	const answer = Array.isArray(results) ? {} : results;
	return [{ json: { groupId: answer.group_id ?? groupId, inviteLink: answer.invite_link ?? null, reset } }];
}
