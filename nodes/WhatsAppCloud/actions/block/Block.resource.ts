import type { INodeProperties } from 'n8n-workflow';

import type { CloudOperationMap } from '../operation.types';
import * as block from './block.operation';
import * as getAll from './getAll.operation';
import * as unblock from './unblock.operation';

export const operations: CloudOperationMap = { block, unblock, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['block'] } },
		default: 'block',
		options: [
			{ name: 'Block', value: 'block', action: 'Block users', description: 'Stop users from messaging this business number' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many blocked users', description: 'List the users this number blocked' },
			{ name: 'Unblock', value: 'unblock', action: 'Unblock users', description: 'Let blocked users message this number again' },
		],
	},
	...block.description,
	...unblock.description,
	...getAll.description,
];
