import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { changeParticipants } from '../../helpers/group';
import { getGroupId } from '../../helpers/recipient';
import { groupIdField } from '../common.descriptions';
import { participantsField } from './group.descriptions';

const properties: INodeProperties[] = [groupIdField, { ...participantsField, description: 'Phone numbers of admins to make ordinary members again, separated by commas (or an expression returning a list)' }];

const displayOptions = { show: { resource: ['group'], operation: ['demoteParticipants'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** One output item per participant with GOWA's outcome (status success or error, and its message). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const groupId = getGroupId.call(this, itemIndex);
	return await changeParticipants.call(this, itemIndex, '/group/participants/demote', 'demote', groupId);
}
