import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DeliveryPolicy, attachDeliveryPolicy, deliverySettingsFrom } from '../../shared/delivery';
import { gowaFailureOf } from '../../shared/errors';
import type { ItemFailure } from '../../shared/itemLoop';
import { runItems } from '../../shared/itemLoop';
import { withParameterCache } from '../../shared/parameterCache';
import { checkTextParameters } from '../helpers/validation';
import { deviceIdField } from './common.descriptions';
import { resources } from './resources';
import { sendingOptions } from './sending.description';

function errorJson(error: ItemFailure, status: 'failed' | 'skipped'): IDataObject {
	const gowa = gowaFailureOf(error);
	const json: IDataObject = { status, error: error.message, attempts: error.attempts ?? 0 };
	if (error.description) json.errorDescription = error.description;
	if (gowa?.failure.httpCode !== undefined) json.httpCode = gowa.failure.httpCode;
	if (gowa?.failure.code !== undefined) json.errorCode = gowa.failure.code;
	if (gowa !== undefined) json.errorClass = gowa.class;
	if (gowa?.deliveryUnknown) json.delivery = 'unknown';
	return json;
}

/**
 * Validates every item first (nothing is sent if one is invalid, unless Continue On Fail), then dispatches each item
 * to its operation through the shared item loop (nodes/shared/itemLoop.ts): up to "Parallel Requests" at once, input
 * order and pairing kept, the first failure stopping new items, cancellation honoured.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// Every parameter of every item is resolved once and shared by the validation pass and the send.
	const context = withParameterCache(this);
	const items = context.getInputData();
	const resource = context.getNodeParameter('resource', 0) as string;
	const operationName = context.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.operations[operationName];
	if (operation === undefined) {
		throw new NodeOperationError(context.getNode(), `The operation "${operationName}" of resource "${resource}" is not supported`);
	}
	const settings = deliverySettingsFrom(context.getNodeParameter('sending', 0, {}) as IDataObject);
	const policy = new DeliveryPolicy(settings, context.getExecutionCancelSignal?.());
	attachDeliveryPolicy(context, policy);
	// Each item: the text parameters (no object or array from an expression), then the operation — recipient, text,
	// media type and size, whatever it checks before its first request. The item loop's validation pass runs it with
	// requests held.
	const textParameters = [...operation.description, deviceIdField, sendingOptions];
	const execute = async (itemIndex: number) => {
		checkTextParameters(context, itemIndex, textParameters);
		return await operation.execute.call(context, itemIndex);
	};
	return await runItems(context, { itemCount: items.length, policy, execute, errorJson });
}
