import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { userGet } from '../../helpers/user';

const properties: INodeProperties[] = [];

const displayOptions = { show: { resource: ['user'], operation: ['getPrivacy'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /user/my/privacy: `{group_add, last_seen, status, profile, read_receipts}` of this account. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const results = await userGet.call(this, itemIndex, '/user/my/privacy');
	return [{ json: Array.isArray(results) ? { settings: results } : results }];
}
