import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { gowaFailureOf } from '../../shared/errors';
import { resources } from './resources';

function errorItem(error: Error & { description?: string | null; httpCode?: string | null }): IDataObject {
	const gowa = gowaFailureOf(error);
	const json: IDataObject = { status: 'failed', error: error.message };
	if (error.description) json.errorDescription = error.description;
	if (gowa?.failure.httpCode !== undefined) json.httpCode = gowa.failure.httpCode;
	if (gowa?.failure.code !== undefined) json.errorCode = gowa.failure.code;
	if (gowa !== undefined) json.errorClass = gowa.class;
	return json;
}

function withItemIndex(context: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/** Owns the item loop: dispatches each item to its operation, pairs outputs with inputs, honours Continue On Fail. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.operations[operationName];
	if (operation === undefined) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of resource "${resource}" is not supported`);
	}

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const results = await operation.execute.call(this, itemIndex);
			for (const result of results) output.push({ ...result, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({ json: errorItem(error as Error), pairedItem: { item: itemIndex } });
				continue;
			}
			throw withItemIndex(this, error, itemIndex);
		}
	}
	return [output];
}
