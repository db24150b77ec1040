import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { changeParticipants } from '../../helpers/group';
import { getGroupId } from '../../helpers/recipient';
import { groupIdField } from '../common.descriptions';
import { participantsField } from './group.descriptions';

const properties: INodeProperties[] = [groupIdField, { ...participantsField, description: 'Phone numbers to add, separated by commas (or an expression returning a list). Local numbers starting with 0 use the Default Country Code. @lid IDs are not accepted by GOWA here.' }];

const displayOptions = { show: { resource: ['group'], operation: ['addParticipants'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** One output item per participant with GOWA's outcome (status success or error, and its message). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const groupId = getGroupId.call(this, itemIndex);
	return await changeParticipants.call(this, itemIndex, '/group/participants', 'add', groupId);
}
