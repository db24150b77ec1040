import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import type { GowaEvent } from './normalize';

/**
 * GOWA delivers at least once: any non-2xx or a slow answer makes it post the same bytes again (up to 5
 * attempts), and WhatsApp itself can repeat events. A key per event (device + event + its own id) is kept for a
 * window; a second delivery with the same key inside the window starts nothing.
 *
 * Keys live in the node's workflow static data (persisted by n8n after every webhook call, so they survive
 * restarts) and, for deliveries that overlap before n8n has saved that data, in a small in-process memory too.
 */

export const MAX_KEYS = 1000;
export const DEFAULT_WINDOW_MINUTES = 10;

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** The part of the key that identifies the event itself; undefined when the event has no natural id. */
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
		case 'newsletter.message': {
			if (!Array.isArray(payload.messages)) return undefined;
			const ids = payload.messages
				.map((message) => (typeof message === 'object' && message !== null ? text((message as IDataObject).message_id) : undefined))
				.filter((id): id is string => id !== undefined);
			return ids.length > 0 ? `${text(payload.newsletter_id) ?? ''}:${ids.sort().join(',')}` : undefined;
		}
		default:
			return text(payload.id);
	}
}

/**
 * The deduplication key of an event: device, event name and the event's own id (message id, receipt ids,
 * call id…), or — for events without one (presence, groups, labels) — a hash of the exact body, which is
 * what GOWA repeats byte for byte on a retry. Hashed so stored keys stay short whatever the ids look like.
 */
export function dedupKey(event: GowaEvent, rawBody: Buffer): string {
	const id = naturalId(event);
	const identity = id !== undefined ? `id:${id}` : `body:${createHash('sha256').update(rawBody).digest('hex')}`;
	return createHash('sha256').update(`${event.device_id}\u0000${event.event}\u0000${identity}`).digest('hex').slice(0, 32);
}

/** Seen keys with the time they were first seen (ms), oldest first. */
export type SeenKeys = Record<string, number>;

/**
 * Checks a key against the seen keys and records it. Returns the updated keys (expired ones dropped, at most
 * `maxKeys`, oldest evicted first) and whether the key was already seen inside the window.
 */
export function checkAndRecord(
	seen: SeenKeys,
	key: string,
	nowMs: number,
	windowMs: number,
	maxKeys = MAX_KEYS,
): { duplicate: boolean; seen: SeenKeys } {
	const kept: Array<[string, number]> = [];
	for (const [storedKey, firstSeen] of Object.entries(seen)) {
		if (typeof firstSeen === 'number' && nowMs - firstSeen < windowMs) kept.push([storedKey, firstSeen]);
	}
	const duplicate = kept.some(([storedKey]) => storedKey === key);
	if (!duplicate) kept.push([key, nowMs]);
	kept.sort((a, b) => a[1] - b[1]);
	const bounded = kept.slice(Math.max(0, kept.length - maxKeys));
	return { duplicate, seen: Object.fromEntries(bounded) };
}

/** Static-data field the keys are kept in. */
const STATIC_FIELD = 'seenEvents';

export function readSeen(staticData: IDataObject): SeenKeys {
	const value = staticData[STATIC_FIELD];
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? ({ ...(value as SeenKeys) }) : {};
}

export function writeSeen(staticData: IDataObject, seen: SeenKeys): void {
	// Reassigned as a whole so n8n notices the change and saves the static data.
	staticData[STATIC_FIELD] = seen;
}

/** In-process memory per trigger (n8n mode + workflow + node), bounded like the stored keys. */
const memory = new Map<string, SeenKeys>();
const MAX_SCOPES = 200;

export function rememberInProcess(scope: string, key: string, nowMs: number, windowMs: number): boolean {
	const result = checkAndRecord(memory.get(scope) ?? {}, key, nowMs, windowMs);
	memory.delete(scope);
	memory.set(scope, result.seen);
	if (memory.size > MAX_SCOPES) memory.delete(memory.keys().next().value as string);
	return result.duplicate;
}

/** Forgets the in-process memory (tests; a restarted n8n starts empty too). */
export function forgetInProcess(): void {
	memory.clear();
}

/**
 * Records an event in both stores and says whether it was a duplicate. Synchronous on purpose: nothing can
 * run between the check and the record, so overlapping deliveries in one n8n process cannot both pass.
 */
export function isDuplicate(staticData: IDataObject, scope: string, key: string, nowMs: number, windowMs: number): boolean {
	if (windowMs <= 0) return false;
	const inMemory = rememberInProcess(scope, key, nowMs, windowMs);
	const stored = checkAndRecord(readSeen(staticData), key, nowMs, windowMs);
	writeSeen(staticData, stored.seen);
	return inMemory || stored.duplicate;
}
