import type { ICheckProcessedOptions, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { deliveryPolicyOf } from '../../shared/delivery';
import { gowaFailureOf } from '../../shared/errors';

/**
 * "Send Once per Key" (Sending options) on n8n's deduplication store (`processed_data`, shared by every process and
 * kept across restarts). Node scope: the keys of one Send node, never mixed with a Remove Duplicates node of the
 * same workflow. The store is a read-modify-write without a lock (n8n 2.41): calls of one node are serialised in this
 * process, and a recorded key is confirmed before and after the send (see README for what remains across processes).
 */

/** Keys remembered per node; n8n drops the oldest beyond this. */
export const KEYS_KEPT = 10_000;

const MAX_KEY_LENGTH = 500;

const STORE: ICheckProcessedOptions = { mode: 'entries', maxEntries: KEYS_KEPT };

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

/** Re-checks after recording: how many times a key found lost is recorded again before the send goes ahead. */
const RECORD_ATTEMPTS = 3;

/** The tail of each node's queue of store calls in this process (deleted when it drains). */
const storeQueues = new Map<string, Promise<unknown>>();

/**
 * Runs store calls of one node one at a time in this process. n8n's store keeps all keys of a node in one row and
 * rewrites it on every call (read, then write, no lock): two concurrent calls would each drop the other's key.
 */
async function serialised<T>(context: IExecuteFunctions, task: () => Promise<T>): Promise<T> {
	const scope = `${context.getWorkflow().id ?? ''}\u0000${context.getNode().id}`;
	const run = (storeQueues.get(scope) ?? Promise.resolve()).then(task, task);
	const tail = run.catch(() => undefined);
	storeQueues.set(scope, tail);
	try {
		return await run;
	} finally {
		if (storeQueues.get(scope) === tail) storeQueues.delete(scope);
	}
}

async function record(context: IExecuteFunctions, key: string): Promise<boolean> {
	const checked = await context.helpers.checkProcessedAndRecord([key], 'node', STORE);
	return checked.new.length > 0;
}

/**
 * Makes sure a recorded key is still there: another process (a queue-mode worker) that read the node's row before
 * our write and wrote it back after would have dropped it. Recording is idempotent, so "already recorded" proves it.
 */
async function confirmRecorded(context: IExecuteFunctions, key: string): Promise<void> {
	for (let attempt = 0; attempt < RECORD_ATTEMPTS; attempt++) {
		if (!(await record(context, key))) return;
	}
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
	return await serialised(context, async () => {
		if (!(await record(context, key))) return false;
		await confirmRecorded(context, key);
		return true;
	});
}

/** After a send that may have delivered: the key is checked once more and recorded again if another process dropped it. */
export async function keepSendOnceKey(context: IExecuteFunctions, key: string): Promise<void> {
	await serialised(context, async () => await confirmRecorded(context, key));
}

/** Forgets a reserved key after a send that definitely did not deliver (so a later run may send it). */
export async function releaseSendOnceKey(context: IExecuteFunctions, key: string, failure: unknown): Promise<void> {
	if (gowaFailureOf(failure)?.deliveryUnknown === true) {
		await keepSendOnceKey(context, key);
		return;
	}
	await serialised(context, async () => await context.helpers.removeProcessed([key], 'node', STORE));
}
