import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { DailyCounts } from '../../shared/delivery';
import { DeliveryPolicy, attachDeliveryPolicy, deliverySettingsFrom } from '../../shared/delivery';
import { gowaFailureOf } from '../../shared/errors';
import { resources } from './resources';

type NodeFailure = Error & { description?: string | null; attempts?: number; dailyLimitReached?: boolean };

function errorJson(error: NodeFailure, status: 'failed' | 'skipped'): IDataObject {
	const gowa = gowaFailureOf(error);
	const json: IDataObject = { status, error: error.message, attempts: error.attempts ?? 0 };
	if (error.description) json.errorDescription = error.description;
	if (gowa?.failure.httpCode !== undefined) json.httpCode = gowa.failure.httpCode;
	if (gowa?.failure.code !== undefined) json.errorCode = gowa.failure.code;
	if (gowa !== undefined) json.errorClass = gowa.class;
	if (gowa?.deliveryUnknown) json.delivery = 'unknown';
	return json;
}

function withItemIndex(context: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/** The daily cap spans executions, so its counts live in workflow static data (touched only when a cap is set). */
function dailyCounts(context: IExecuteFunctions, capped: boolean): DailyCounts {
	if (!capped) return {};
	const staticData = context.getWorkflowStaticData('node');
	if (staticData.dailySends === undefined || typeof staticData.dailySends !== 'object') staticData.dailySends = {};
	return staticData.dailySends as DailyCounts;
}

/**
 * Owns the item loop: runs up to "Parallel Requests" items at once, dispatches each to its operation, keeps the
 * output in input order with pairedItem, honours Continue On Fail, and reports each item's outcome. Without Continue
 * On Fail the first failure stops new items from starting; items already in flight finish before the error is raised.
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
	const policy = new DeliveryPolicy(settings, dailyCounts(this, settings.messagesPerDay > 0));
	attachDeliveryPolicy(this, policy);
	const continueOnFail = this.continueOnFail();

	const outputs: INodeExecutionData[][] = new Array(items.length);
	let stopWith: Error | undefined;
	let next = 0;

	const runItem = async (itemIndex: number): Promise<INodeExecutionData[]> => {
		try {
			const results = await operation.execute.call(this, itemIndex);
			return results.map((result) => ({ ...result, pairedItem: { item: itemIndex } }));
		} catch (caught) {
			const error = caught as NodeFailure;
			if (error.dailyLimitReached && settings.onDailyLimit === 'returnUnsent') {
				return [{ json: errorJson(error, 'skipped'), pairedItem: { item: itemIndex } }];
			}
			if (continueOnFail) return [{ json: errorJson(error, 'failed'), pairedItem: { item: itemIndex } }];
			stopWith ??= withItemIndex(this, error, itemIndex);
			return [];
		}
	};

	const worker = async (): Promise<void> => {
		while (stopWith === undefined && next < items.length) {
			const itemIndex = next++;
			outputs[itemIndex] = await runItem(itemIndex);
		}
	};

	const workers = Math.max(1, Math.min(settings.parallelRequests, items.length));
	await Promise.all(Array.from({ length: workers }, worker));
	if (stopWith !== undefined) throw stopWith;
	return [outputs.flat()];
}
