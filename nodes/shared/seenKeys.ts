/**
 * Bounded in-process memory of event keys, for the triggers' deduplication of redeliveries. One `SeenKeys` per
 * trigger (workflow + node); each check is O(1) amortised whatever the number of keys. What it covers is only this
 * n8n process: each trigger's README section says what to do with several processes (its `dedupKey` output).
 */

/** Keys kept per trigger; the oldest is forgotten first. */
export const MAX_KEYS = 10_000;
/** Triggers (workflow + node) remembered per process; the least recently used one is forgotten first. */
const MAX_SCOPES = 100;

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
