import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { DeliveryPolicy } from './delivery';
import { withItemIndex } from './errors';

/** An error an operation threw for an item, with what the transport and delivery policy attached to it. */
export type ItemFailure = Error & { description?: string | null; attempts?: number; dailyLimitReached?: boolean };

export interface ItemLoop {
	itemCount: number;
	/** The execution's delivery policy: Parallel Requests, On Message Limit, cancellation. */
	policy: DeliveryPolicy;
	/** Runs one item's operation. */
	execute: (itemIndex: number) => Promise<INodeExecutionData[]>;
	/** The provider's error item of a failed or skipped item (never a secret). */
	errorJson: (error: ItemFailure, status: 'failed' | 'skipped') => IDataObject;
}

/**
 * The validation pass, for all items before the first request: each item's operation runs with every request held
 * (refused, DeliveryPolicy.validating); an item whose checks got as far as a request is valid. Returns the error of
 * each invalid item.
 */
async function validateItems(loop: ItemLoop): Promise<Map<number, Error>> {
	const { policy, itemCount, execute } = loop;
	const invalid = new Map<number, Error>();
	policy.validating = true;
	try {
		for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
			try {
				await execute(itemIndex);
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
 * The item loop both action nodes share. With "Check All Items First" (the default) every item is checked first:
 * nothing is sent if one is invalid, unless Continue On Fail (then invalid items become error items and the valid ones
 * are sent); off, each item's own checks run just before its send. Then: up to "Parallel Requests" items at once; the
 * output keeps input order with pairedItem; Continue On Fail and "Return Unsent" honoured. Without Continue On Fail the first failure stops new
 * items from starting (items in flight finish first, then it is raised). A cancelled execution starts no further item.
 */
export async function runItems(context: IExecuteFunctions, loop: ItemLoop): Promise<INodeExecutionData[][]> {
	const { itemCount, policy, execute, errorJson } = loop;
	const continueOnFail = context.continueOnFail();
	const invalid = policy.settings.checkAllItemsFirst ? await validateItems(loop) : undefined;
	if (invalid !== undefined && !continueOnFail && invalid.size > 0) {
		const first = Math.min(...invalid.keys());
		throw withItemIndex(context.getNode(), invalid.get(first), first);
	}
	const outputs: INodeExecutionData[][] = new Array(itemCount);
	let stopWith: Error | undefined;
	let next = 0;

	const runItem = async (itemIndex: number): Promise<INodeExecutionData[]> => {
		const invalidError = invalid?.get(itemIndex);
		try {
			if (invalidError !== undefined) throw invalidError;
			const results = await execute(itemIndex);
			return results.map((result) => ({ ...result, pairedItem: { item: itemIndex } }));
		} catch (caught) {
			const error = caught as ItemFailure;
			if (error.dailyLimitReached && policy.settings.onDailyLimit === 'returnUnsent') {
				return [{ json: errorJson(error, 'skipped'), pairedItem: { item: itemIndex } }];
			}
			if (continueOnFail && !policy.cancelled) return [{ json: errorJson(error, 'failed'), pairedItem: { item: itemIndex } }];
			stopWith ??= withItemIndex(context.getNode(), error, itemIndex);
			return [];
		}
	};

	const worker = async (): Promise<void> => {
		while (stopWith === undefined && next < itemCount) {
			if (policy.cancelled) {
				stopWith = new NodeOperationError(context.getNode(), 'The execution was cancelled; the remaining items were not sent');
				return;
			}
			const itemIndex = next++;
			outputs[itemIndex] = await runItem(itemIndex);
		}
	};

	const workers = Math.max(1, Math.min(policy.settings.parallelRequests, itemCount));
	await Promise.all(Array.from({ length: workers }, worker));
	if (stopWith !== undefined) throw stopWith;
	return [outputs.flat()];
}
