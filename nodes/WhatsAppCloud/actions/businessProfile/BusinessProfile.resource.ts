import type { INodeProperties } from 'n8n-workflow';

import type { CloudOperationMap } from '../operation.types';
import * as get from './get.operation';
import * as update from './update.operation';

export const operations: CloudOperationMap = { get, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['businessProfile'] } },
		default: 'get',
		options: [
			{ name: 'Get', value: 'get', action: 'Get the business profile', description: 'About text, address, description, email, websites and industry' },
			{ name: 'Update', value: 'update', action: 'Update the business profile', description: 'Change the profile customers see' },
		],
	},
	...get.description,
	...update.description,
];
