import type { INodeProperties } from 'n8n-workflow';

import type { CloudOperationMap } from '../operation.types';
import * as create from './create.operation';
import * as deleteTemplate from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: CloudOperationMap = { getAll, get, create, delete: deleteTemplate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['template'] } },
		default: 'getAll',
		options: [
			{ name: 'Create', value: 'create', action: 'Create a template', description: 'Submit a new message template for review' },
			{ name: 'Delete', value: 'delete', action: 'Delete a template', description: 'Delete a template by name (every language, or one by ID)' },
			{ name: 'Get', value: 'get', action: 'Get a template', description: 'Get one template with its components and status' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many templates', description: 'List the templates of the WhatsApp Business Account' },
		],
	},
	...getAll.description,
	...get.description,
	...create.description,
	...deleteTemplate.description,
];
