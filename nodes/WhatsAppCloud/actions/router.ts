import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DeliveryPolicy, attachDeliveryPolicy, deliverySettingsFrom } from '../../shared/delivery';
import type { ItemFailure } from '../../shared/itemLoop';
import { runItems } from '../../shared/itemLoop';
import { withParameterCache } from '../../shared/parameterCache';
import { cloudFailureOf } from '../transport/errors';
import { resources } from './resources';

/** The error item of a failed or skipped item: what happened, Meta's code and trace ID, never a secret. */
function errorJson(error: ItemFailure, status: 'failed' | 'skipped'): IDataObject {
	const cloud = cloudFailureOf(error);
	const json: IDataObject = { status, provider: 'cloud', error: error.message, attempts: error.attempts ?? 0 };
	if (error.description) json.errorDescription = error.description;
	if (cloud?.failure.httpCode !== undefined) json.httpCode = cloud.failure.httpCode;
	if (cloud?.failure.code !== undefined) json.errorCode = cloud.failure.code;
	if (cloud?.failure.fbtraceId !== undefined) json.fbtraceId = cloud.failure.fbtraceId;
	if (cloud !== undefined) json.errorClass = cloud.class;
	if (cloud?.deliveryUnknown) json.delivery = 'unknown';
	return json;
}

/**
 * Validates every item, then dispatches each to its operation through the shared item loop (nodes/shared/itemLoop.ts).
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// Every parameter of every item is resolved once, however often the operation reads it.
	const context = withParameterCache(this);
	const items = context.getInputData();
	const resource = context.getNodeParameter('resource', 0) as string;
	const operationName = context.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.operations[operationName];
	if (operation === undefined) {
		throw new NodeOperationError(context.getNode(), `The operation "${operationName}" of resource "${resource}" is not supported`);
	}
	const settings = deliverySettingsFrom(context.getNodeParameter('sending', 0, {}) as IDataObject);
	// Pacing and the message cap are per execution: nothing in workflow static data (queue-mode workers do not load it).
	const policy = new DeliveryPolicy(settings, context.getExecutionCancelSignal?.());
	attachDeliveryPolicy(context, policy);
	// With Check All Items First (the default) the item loop runs every operation with its requests held before the
	// first request: bad input fails before anything is sent.
	return await runItems(context, { itemCount: items.length, policy, execute: async (itemIndex) => await operation.execute.call(context, itemIndex), errorJson });
}
