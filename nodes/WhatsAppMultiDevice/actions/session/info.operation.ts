import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaRequest } from '../../../shared/transport';

const properties: INodeProperties[] = [];

const displayOptions = { show: { resource: ['session'], operation: ['info'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /app/info (GOWA v9+, not device-scoped): version, base path, size limits, Chatwoot flag. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const results = (await gowaRequest.call(this, { method: 'GET', path: '/app/info', itemIndex })) as IDataObject;
	return [{ json: results }];
}
