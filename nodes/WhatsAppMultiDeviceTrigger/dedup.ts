import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import type { GowaEvent } from './normalize';

export { MAX_KEYS, SeenKeys, forgetInProcess, isDuplicate } from '../shared/seenKeys';

/**
 * GOWA delivers at least once: any non-2xx or a slow answer makes it post the same bytes again (up to 5
 * attempts), and WhatsApp itself can repeat events. A key per event is remembered for a window; a second
 * delivery with the same key inside the window starts nothing.
 *
 * What this covers, honestly: the keys live in the memory of the n8n process that received the event. They are
 * not kept in workflow static data (n8n does not save a trigger's static data on a call that starts an execution,
 * queue-mode processes do not share it, and every write cost a rewrite of all keys). So a retry that reaches
 * another webhook process, or arrives after a restart, is not recognised here: every item carries `dedupKey` for
 * n8n's Remove Duplicates node, and a load balancer hashing on X-Hub-Signature-256 sends GOWA's byte-identical
 * retries to the same process.
 */

export const DEFAULT_WINDOW_MINUTES = 10;

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

/**
 * The part of the key that identifies the event itself; undefined when the event has no id that names one
 * delivery. `newsletter.message` has none: GOWA posts live updates of the same post (new view and reaction
 * counts, new timestamp) with the same message ids, and each update is an event of its own.
 */
function naturalId(event: GowaEvent): string | undefined {
	const payload = event.payload;
	switch (event.event) {
		case 'message.ack': {
			const ids = Array.isArray(payload.ids) ? payload.ids.map(String).sort().join(',') : undefined;
			// Several recipients of a group message acknowledge the same ids: the sender and the receipt type are part of it.
			return ids ? `${text(payload.receipt_type) ?? ''}:${text(payload.from) ?? ''}:${ids}` : undefined;
		}
		case 'call.offer':
			return text(payload.call_id);
		case 'message.deleted':
			return text(payload.deleted_message_id);
		case 'newsletter.message':
			return undefined;
		default:
			return text(payload.id);
	}
}

/**
 * The deduplication key of an event (32 hex digits): device, event name and the event's own id (message id,
 * receipt ids, call id…), or — for events without one (presence, groups, labels, channel posts) — a hash of the
 * exact body, which is what GOWA repeats byte for byte on a retry. The same in every process, so it can be
 * given to n8n's Remove Duplicates node.
 */
export function dedupKey(event: GowaEvent, rawBody: Buffer): string {
	const id = naturalId(event);
	const identity = id !== undefined ? `id:${id}` : `body:${createHash('sha256').update(rawBody).digest('hex')}`;
	return createHash('sha256').update(`${event.device_id}\u0000${event.event}\u0000${identity}`).digest('hex').slice(0, 32);
}

/** Static-data field where version 0.1 kept its keys; removed on activation (see above for why). */
export const LEGACY_STATIC_FIELD = 'seenEvents';

export function dropLegacyKeys(staticData: IDataObject): void {
	delete staticData[LEGACY_STATIC_FIELD];
}
