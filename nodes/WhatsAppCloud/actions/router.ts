import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DeliveryPolicy, attachDeliveryPolicy, deliverySettingsFrom } from '../../shared/delivery';
import { withItemIndex } from '../../shared/errors';
import { cloudFailureOf } from '../transport/errors';
import { resources } from './resources';

type NodeFailure = Error & { description?: string | null; attempts?: number; dailyLimitReached?: boolean };

/** The error item of a failed or skipped item: what happened, Meta's code and trace ID, never a secret. */
function errorJson(error: NodeFailure, status: 'failed' | 'skipped'): IDataObject {
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
 * Owns the item loop: up to "Parallel Requests" items at once, output in input order with pairedItem, Continue On
 * Fail honoured, each item's outcome reported. Without Continue On Fail the first failure stops new items.
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
	// Pacing and the message cap are per execution: nothing in workflow static data (queue-mode workers do not load it).
	attachDeliveryPolicy(this, new DeliveryPolicy(settings, this.getExecutionCancelSignal?.()));
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
			if (error.dailyLimitReached && settings.onDailyLimit === 'returnUnsent') return [{ json: errorJson(error, 'skipped'), pairedItem: { item: itemIndex } }];
			if (continueOnFail) return [{ json: errorJson(error, 'failed'), pairedItem: { item: itemIndex } }];
			stopWith ??= withItemIndex(this.getNode(), error, itemIndex);
			return [];
		}
	};

	const worker = async (): Promise<void> => {
		while (stopWith === undefined && next < items.length) {
			const itemIndex = next++;
			outputs[itemIndex] = await runItem(itemIndex);
		}
	};

	await Promise.all(Array.from({ length: Math.max(1, Math.min(settings.parallelRequests, items.length)) }, worker));
	if (stopWith !== undefined) throw stopWith;
	return [outputs.flat()];
}
