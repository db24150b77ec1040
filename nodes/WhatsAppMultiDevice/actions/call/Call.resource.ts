import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../operation.types';
import * as reject from './reject.operation';

export const operations: OperationMap = { reject };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['call'] } },
		default: 'reject',
		options: [
			{
				name: 'Reject',
				value: 'reject',
				action: 'Reject an incoming call',
				description: 'Decline a ringing WhatsApp call, using the caller and call ID of the call.offer webhook event',
			},
		],
	},
	...reject.description,
];
