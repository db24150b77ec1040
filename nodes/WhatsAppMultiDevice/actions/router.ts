import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DeliveryPolicy, attachDeliveryPolicy, deliverySettingsFrom } from '../../shared/delivery';
import { gowaFailureOf, withItemIndex } from '../../shared/errors';
import type { ItemFailure } from '../../shared/itemLoop';
import { runItems } from '../../shared/itemLoop';
import { checkTextParameters } from '../helpers/validation';
import { deviceIdField } from './common.descriptions';
import type { Operation } from './operation.types';
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
 * The validation step of every operation, for all items before anything is sent: the text parameters (no object or
 * array from an expression), then the operation itself with every request held — recipient, text, media type and
 * size, whatever it checks before its first request. An item that reaches its first request is valid.
 * Returns the error of each invalid item.
 */
async function validateItems(context: IExecuteFunctions, operation: Operation, itemCount: number, policy: DeliveryPolicy): Promise<Map<number, Error>> {
	const properties = [...operation.description, deviceIdField, sendingOptions];
	const invalid = new Map<number, Error>();
	policy.validating = true;
	try {
		for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
			try {
				checkTextParameters(context, itemIndex, properties);
				await operation.execute.call(context, itemIndex);
			} catch (error) {
				if (!policy.reachedRequest.has(itemIndex)) invalid.set(itemIndex, error as Error);
			}
		}
	} finally {
		policy.validating = false;
	}
	return invalid;
}

/**
 * First every item is validated (nothing is sent if one is invalid, unless Continue On Fail: then
 * invalid items become error items and the valid ones are sent). Then up to "Parallel Requests" items run at once,
 * each dispatched to its operation; the output keeps input order with pairedItem, and each item reports its outcome.
 * Without Continue On Fail the first failure stops new items from starting; items already in flight finish before
 * the error is raised. A cancelled execution starts no further item or request (nodes/shared/itemLoop.ts).
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.operations[operationName];
	if (operation === undefined) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of resource "${resource}" is not supported`);
	}
	const settings = deliverySettingsFrom(this.getNodeParameter('sending', 0, {}) as IDataObject);
	const policy = new DeliveryPolicy(settings, this.getExecutionCancelSignal?.());
	attachDeliveryPolicy(this, policy);
	const continueOnFail = this.continueOnFail();

	const invalid = await validateItems(this, operation, items.length, policy);
	if (!continueOnFail && invalid.size > 0) {
		const first = Math.min(...invalid.keys());
		throw withItemIndex(this.getNode(), invalid.get(first), first);
	}

	return await runItems(this, { itemCount: items.length, policy, execute: async (itemIndex) => await operation.execute.call(this, itemIndex), errorJson, invalid });
}
