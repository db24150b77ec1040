import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { groupRequest } from '../../helpers/group';
import { getGroupId } from '../../helpers/recipient';
import { groupIdField } from '../common.descriptions';

const properties: INodeProperties[] = [groupIdField];

const displayOptions = { show: { resource: ['group'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GOWA returns whatsmeow's GroupInfo as is (PascalCase keys: JID, Name, Topic, Participants, IsAnnounce, …). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const groupId = getGroupId.call(this, itemIndex);
	const results = await groupRequest.call(this, itemIndex, 'GET', '/group/info', { qs: { group_id: groupId } });
	return [{ json: Array.isArray(results) ? { groupId, info: results } : results }];
}
