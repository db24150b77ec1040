import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import type { GowaEvent } from './normalize';

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

/** Keys kept per trigger; the oldest is forgotten first. */
export const MAX_KEYS = 10_000;
export const DEFAULT_WINDOW_MINUTES = 10;
/** Triggers (workflow + node) remembered per process; the least recently used one is forgotten first. */
const MAX_SCOPES = 100;

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

/**
 * Keys with the time they were first seen, in insertion order (= time order): expired keys are dropped from
 * the front and the bound evicts the oldest, so each check is O(1) amortised whatever the number of keys.
 */
export class SeenKeys {
	private readonly firstSeen = new Map<string, number>();

	constructor(private readonly maxKeys = MAX_KEYS) {}

	get size(): number {
		return this.firstSeen.size;
	}

	/** Whether the key was seen within the window; records it when it was not. Repeats do not extend the window. */
	checkAndRecord(key: string, nowMs: number, windowMs: number): boolean {
		for (const [storedKey, seenAt] of this.firstSeen) {
			if (nowMs - seenAt < windowMs) break;
			this.firstSeen.delete(storedKey);
		}
		const seenAt = this.firstSeen.get(key);
		// A clock that went backwards can leave an expired key behind a newer one: check its age, not just its presence.
		if (seenAt !== undefined && nowMs - seenAt < windowMs) return true;
		this.firstSeen.delete(key);
		this.firstSeen.set(key, nowMs);
		if (this.firstSeen.size > this.maxKeys) this.firstSeen.delete(this.firstSeen.keys().next().value as string);
		return false;
	}
}

/** In-process memory per trigger (workflow + node). */
const memory = new Map<string, SeenKeys>();

/**
 * Records an event in this process's memory and says whether it was a duplicate. Synchronous on purpose:
 * nothing can run between the check and the record, so overlapping deliveries in one process cannot both pass.
 */
export function isDuplicate(scope: string, key: string, nowMs: number, windowMs: number): boolean {
	if (windowMs <= 0) return false;
	let seen = memory.get(scope);
	if (seen === undefined) seen = new SeenKeys();
	memory.delete(scope);
	memory.set(scope, seen);
	if (memory.size > MAX_SCOPES) memory.delete(memory.keys().next().value as string);
	return seen.checkAndRecord(key, nowMs, windowMs);
}

/** Forgets the in-process memory (tests; a restarted n8n starts empty too). */
export function forgetInProcess(): void {
	memory.clear();
}

/** Static-data field where version 0.1 kept its keys; removed on activation (see above for why). */
export const LEGACY_STATIC_FIELD = 'seenEvents';

export function dropLegacyKeys(staticData: IDataObject): void {
	delete staticData[LEGACY_STATIC_FIELD];
}
