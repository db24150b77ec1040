import type { INodeProperties } from 'n8n-workflow';

import { resourceSelector, resources } from './resources';
import { cloudSendingOptions } from './sending.description';

/** All editor fields: the resource selector, each resource's operations, then the Sending options. */
export const nodeProperties: INodeProperties[] = [
	resourceSelector,
	...Object.values(resources).flatMap((resource) => resource.description),
	cloudSendingOptions,
];
