import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from './operation.types';
import * as send from './send/Send.resource';

/** Every resource of the node: its operations (for the router) and its description (for the editor). */
export const resources: Record<string, { operations: OperationMap; description: INodeProperties[] }> = {
	send,
};

export const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'send',
	options: [{ name: 'Send', value: 'send', description: 'Send messages of every kind' }],
};
