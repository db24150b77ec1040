import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getInviteLink, groupRequest } from '../../helpers/group';
import { inviteLinkField } from './group.descriptions';

const properties: INodeProperties[] = [inviteLinkField];

const displayOptions = { show: { resource: ['group'], operation: ['getInfoFromLink'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const link = getInviteLink(this, itemIndex);
	const results = await groupRequest.call(this, itemIndex, 'GET', '/group/info-from-link', { qs: { link } });
	return [{ json: Array.isArray(results) ? { link, info: results } : results }];
}
