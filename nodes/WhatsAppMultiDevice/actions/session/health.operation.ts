import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaFailureOf } from '../../../shared/errors';
import { gowaRawRequest } from '../../../shared/transport';
import { asNodeError } from '../../helpers/nodeError';

const properties: INodeProperties[] = [];

const displayOptions = { show: { resource: ['session'], operation: ['health'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * GET /health at the server root (outside any base path, no device). GOWA answers the text `OK`, or 503
 * `Service Unavailable` when its store is down; both become `{healthy, status, httpCode}`. Network failures and
 * other errors are thrown (use Check Endpoint Health for a probe that never fails).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	try {
		const response = await gowaRawRequest.call(this, { method: 'GET', path: '/health', atServerRoot: true, itemIndex, noRetry: true });
		const text = response.body.toString('utf8').trim();
		return [{ json: { healthy: true, status: text === '' ? 'OK' : text.slice(0, 200), httpCode: response.statusCode } }];
	} catch (error) {
		const failure = gowaFailureOf(error)?.failure;
		if (failure?.httpCode === 503) {
			return [{ json: { healthy: false, status: failure.serverMessage ?? 'Service Unavailable', httpCode: 503 } }];
		}
		throw asNodeError(this, error, itemIndex);
	}
}
