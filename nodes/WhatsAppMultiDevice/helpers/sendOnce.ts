import type { ICheckProcessedOptions, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { deliveryPolicyOf } from '../../shared/delivery';
import { gowaFailureOf } from '../../shared/errors';

/**
 * "Send Once per Key" (Sending options) on n8n's deduplication store (`processed_data`, shared by every process and
 * kept across restarts). Node scope: the keys of one Send node, never mixed with a Remove Duplicates node of the
 * same workflow. The store is a read-modify-write without a lock (n8n 2.41): see README for what that means.
 */

/** Keys remembered per node; n8n drops the oldest beyond this. */
export const KEYS_KEPT = 10_000;

const MAX_KEY_LENGTH = 500;

const STORE: ICheckProcessedOptions = { mode: 'entries', maxEntries: KEYS_KEPT };

/** Keys this process is checking right now (workflow, node, key): at most one entry per item in flight. */
const claimsInProgress = new Set<string>();

/** The item's key, or undefined when the option is not set. A set option that gives no key fails the item. */
export function sendOnceKeyOf(context: IExecuteFunctions, itemIndex: number): string | undefined {
	const sending = context.getNode().parameters.sending as { sendOnceKey?: unknown } | undefined;
	if (sending?.sendOnceKey === undefined) return undefined;
	const value = context.getNodeParameter('sending.sendOnceKey', itemIndex, '') as unknown;
	const key = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
	if (key === '' || key.length > MAX_KEY_LENGTH) {
		throw new NodeOperationError(context.getNode(), key === '' ? 'Send Once per Key is empty for this item' : `Send Once per Key is ${key.length} characters long; at most ${MAX_KEY_LENGTH}`, {
			itemIndex,
			description: 'Map a key that names this message, e.g. {{ $json.bookingId }}-reminder-24h, or remove the option to send without it.',
		});
	}
	return key;
}

/**
 * Records the key before the send (so a later execution sees it as soon as possible). Returns false when the key was
 * already recorded: the message must not be sent. Counts as the item's first request in the validation pass.
 */
export async function reserveSendOnceKey(context: IExecuteFunctions, itemIndex: number, key: string): Promise<boolean> {
	deliveryPolicyOf(context)?.beforeRequest(itemIndex);
	if (typeof context.helpers.checkProcessedAndRecord !== 'function') {
		throw new NodeOperationError(context.getNode(), 'Send Once per Key needs n8n’s deduplication helper, which this n8n does not offer', {
			itemIndex,
			description: 'Update n8n, or remove Send Once per Key from the Sending options.',
		});
	}
	// n8n's store reads, then writes: two executions of this process checking one key at the same moment would both
	// find it new. A key being checked in this process counts as recorded; the store stays the truth across processes.
	const claim = `${context.getWorkflow().id ?? ''}\u0000${context.getNode().id}\u0000${key}`;
	if (claimsInProgress.has(claim)) return false;
	claimsInProgress.add(claim);
	try {
		const checked = await context.helpers.checkProcessedAndRecord([key], 'node', STORE);
		return checked.new.length > 0;
	} finally {
		claimsInProgress.delete(claim);
	}
}

/** Forgets a reserved key after a send that definitely did not deliver (so a later run may send it). */
export async function releaseSendOnceKey(context: IExecuteFunctions, key: string, failure: unknown): Promise<void> {
	if (gowaFailureOf(failure)?.deliveryUnknown === true) return;
	await context.helpers.removeProcessed([key], 'node', STORE);
}
