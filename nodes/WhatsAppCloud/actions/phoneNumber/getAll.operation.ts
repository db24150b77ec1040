import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { businessAccountId } from '../../helpers/context';
import { graphGetAll, wantedCount } from '../../helpers/paging';
import { returnAllFields } from '../common.descriptions';

const properties: INodeProperties[] = [...returnAllFields];

const displayOptions = { show: { resource: ['phoneNumber'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const waba = await businessAccountId.call(this, itemIndex);
	const numbers = await graphGetAll.call(this, [waba, 'phone_numbers'], {}, itemIndex, wantedCount(this, itemIndex));
	return numbers.map((number) => ({ json: number }));
}
