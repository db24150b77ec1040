import type { INodeProperties } from 'n8n-workflow';

import type { CloudOperationMap } from '../operation.types';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: CloudOperationMap = { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['phoneNumber'] } },
		default: 'getAll',
		options: [
			{ name: 'Get', value: 'get', action: 'Get a phone number', description: 'Name, quality rating and status of a business phone number' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many phone numbers', description: 'List the phone numbers of the WhatsApp Business Account' },
		],
	},
	...get.description,
	...getAll.description,
];
