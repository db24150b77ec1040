import type { INodeProperties } from 'n8n-workflow';

import { deviceIdField } from './common.descriptions';
import { resourceSelector, resources } from './resources';

/** All editor fields of the action node: the resource selector, each resource's operations, then Device ID. */
export const nodeProperties: INodeProperties[] = [
	resourceSelector,
	...Object.values(resources).flatMap((resource) => resource.description),
	{ ...deviceIdField, displayOptions: { hide: { resource: ['device'] } } },
];
