import type { INodeProperties } from 'n8n-workflow';

import { deviceIdField } from './common.descriptions';
import { resourceSelector, resources } from './resources';
import { sendingOptions } from './sending.description';

/** All editor fields of the action node: the resource selector, each resource's operations, then Device ID and the Sending options. */
export const nodeProperties: INodeProperties[] = [
	resourceSelector,
	...Object.values(resources).flatMap((resource) => resource.description),
	{ ...deviceIdField, displayOptions: { hide: { resource: ['device'] } } },
	sendingOptions,
];
