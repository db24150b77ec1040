import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../operation.types';
import * as cancel from './cancel.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as pause from './pause.operation';
import * as resume from './resume.operation';

export const operations: OperationMap = { getAll, get, pause, resume, cancel };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['scheduledSend'] } },
		default: 'getAll',
		options: [
			{ name: 'Cancel', value: 'cancel', action: 'Cancel a scheduled send', description: 'Cancel an active, paused or failed scheduled send so it never sends. Cannot be undone.' },
			{ name: 'Get', value: 'get', action: 'Get a scheduled send', description: 'Get one scheduled send with its status, next run and last result' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many scheduled sends', description: 'List the device’s scheduled sends: upcoming first, then finished ones' },
			{ name: 'Pause', value: 'pause', action: 'Pause a scheduled send', description: 'Hold an active scheduled send until it is resumed' },
			{ name: 'Resume', value: 'resume', action: 'Resume a scheduled send', description: 'Make a paused scheduled send active again; an overdue one-time send goes out at once' },
		],
	},
	...getAll.description,
	...get.description,
	...pause.description,
	...resume.description,
	...cancel.description,
];
