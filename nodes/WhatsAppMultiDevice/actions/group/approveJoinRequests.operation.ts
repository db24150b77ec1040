import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { changeParticipants } from '../../helpers/group';
import { getGroupId } from '../../helpers/recipient';
import { groupIdField } from '../common.descriptions';
import { participantsField } from './group.descriptions';

const properties: INodeProperties[] = [groupIdField, { ...participantsField, description: 'Phone numbers of the people whose requests to join are approved, separated by commas. Requests that only show an @lid ID (no phone number) cannot be approved through GOWA.' }];

const displayOptions = { show: { resource: ['group'], operation: ['approveJoinRequests'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** One output item per participant with GOWA's outcome (status success or error, and its message). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const groupId = getGroupId.call(this, itemIndex);
	return await changeParticipants.call(this, itemIndex, '/group/participant-requests/approve', 'approve', groupId);
}
