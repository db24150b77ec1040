import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { businessAccountId } from '../../helpers/context';
import { graphGetAll, wantedCount } from '../../helpers/paging';
import { returnAllFields } from '../common.descriptions';

const properties: INodeProperties[] = [
	...returnAllFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Only templates with this name' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'APPROVED',
				options: [
					{ name: 'Approved', value: 'APPROVED' },
					{ name: 'Disabled', value: 'DISABLED' },
					{ name: 'Paused', value: 'PAUSED' },
					{ name: 'Pending', value: 'PENDING' },
					{ name: 'Rejected', value: 'REJECTED' },
				],
			},
		],
	},
];

const displayOptions = { show: { resource: ['template'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const waba = await businessAccountId.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (typeof filters.name === 'string' && filters.name.trim() !== '') qs.name = filters.name.trim();
	if (typeof filters.status === 'string' && filters.status !== '') qs.status = filters.status;
	const templates = await graphGetAll.call(this, [waba, 'message_templates'], qs, itemIndex, wantedCount(this, itemIndex));
	return templates.map((template) => ({ json: template }));
}
