import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { readBooking, readSettings } from './input';
import { BookingInputError } from './logic/errors';
import { planMessages } from './logic/plan';
import { textOf } from './logic/variables';

function itemError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeOperationError {
	if (error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	if (error instanceof BookingInputError) {
		return new NodeOperationError(context.getNode(), `${error.message} [item ${itemIndex}]`, {
			itemIndex,
			description: error.hint,
		});
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

function errorJson(error: NodeOperationError, context: IExecuteFunctions, itemIndex: number): IDataObject {
	const json: IDataObject = { error: error.message };
	if (error.description) json.errorDescription = error.description;
	json.kind = context.getNodeParameter('kind', itemIndex, '') as string;
	try {
		const bookingId = textOf(context.getNodeParameter('bookingId', itemIndex, ''));
		if (bookingId !== undefined) json.bookingId = bookingId;
	} catch {
		// The Booking ID expression itself failed; the error item still names the failure.
		json.bookingId = null;
	}
	return json;
}

/**
 * Owns the item loop: renders every booking, pairs each message with its booking, honours Continue On Fail.
 * One clock reading per run, so every item sees the same `now` and the same due window.
 */
export async function renderBookings(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const now = DateTime.now();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const messages = planMessages(readBooking(this, itemIndex), readSettings(this, itemIndex, now));
			for (const message of messages) {
				output.push({ json: message as unknown as IDataObject, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			const nodeError = itemError(this, error, itemIndex);
			if (this.continueOnFail()) {
				output.push({ json: errorJson(nodeError, this, itemIndex), pairedItem: { item: itemIndex } });
				continue;
			}
			throw nodeError;
		}
	}
	return [output];
}
