import type { IDataObject } from 'n8n-workflow';

import type { CloudEventKind } from './settings';

/**
 * Walks a WhatsApp Cloud webhook delivery (`object`, `entry[].changes[].value`) into its updates: every message,
 * status and error, with the value (tenant metadata, contacts) and entry (WABA) they came with. Meta batches up to
 * 1,000 updates per POST; the walk is bounded so a hostile signed body (a million entries, deep nesting, wrong
 * types) costs at most a fixed amount of work and never throws.
 */

/** Updates turned into items per delivery; Meta documents up to 1,000. The rest is counted as dropped. */
export const MAX_UPDATES = 1_000;
/** Entries and changes looked at per delivery, whatever they hold. */
const MAX_CONTAINERS = 2_000;
/** An update nested deeper than this is not a Meta object: it is dropped rather than handed to the workflow. */
export const MAX_DEPTH = 32;

export interface CloudUpdate {
	kind: CloudEventKind;
	/** The message, status or error object as posted. */
	raw: IDataObject;
	/** `change.value`: metadata (phone_number_id), contacts. */
	value: IDataObject;
	/** The WABA id (`entry.id`). */
	wabaId: string | null;
	field: string;
}

export interface WalkResult {
	updates: CloudUpdate[];
	/** Updates beyond the bounds or malformed (not objects, too deep). */
	dropped: number;
}

export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The delivery as JSON, or undefined when the bytes are not a Cloud webhook object. */
export function parseDelivery(rawBody: Buffer): IDataObject | undefined {
	let parsed: unknown;
	try {
		parsed = JSON.parse(rawBody.toString('utf8'));
	} catch {
		return undefined;
	}
	if (!isObject(parsed) || !Array.isArray(parsed.entry)) return undefined;
	return parsed;
}

/** Whether a value nests deeper than `max` (iterative, stops as soon as it knows). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
	const stack: Array<[unknown, number]> = [[value, 0]];
	let visited = 0;
	while (stack.length > 0) {
		const [current, depth] = stack.pop() as [unknown, number];
		if (typeof current !== 'object' || current === null) continue;
		if (depth >= max || ++visited > 10_000) return true;
		for (const child of Object.values(current as IDataObject)) {
			if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
		}
	}
	return false;
}

const KIND_OF_ARRAY: Array<[string, CloudEventKind]> = [
	['messages', 'message'],
	['statuses', 'status'],
	['errors', 'error'],
];

export function walkDelivery(delivery: IDataObject): WalkResult {
	const result: WalkResult = { updates: [], dropped: 0 };
	const entries = Array.isArray(delivery.entry) ? delivery.entry : [];
	let containers = 0;
	for (const entry of entries) {
		if (++containers > MAX_CONTAINERS) break;
		if (!isObject(entry) || !Array.isArray(entry.changes)) continue;
		const wabaId = typeof entry.id === 'string' || typeof entry.id === 'number' ? String(entry.id) : null;
		for (const change of entry.changes) {
			if (++containers > MAX_CONTAINERS) break;
			if (!isObject(change) || !isObject(change.value)) continue;
			const value = change.value;
			const field = typeof change.field === 'string' ? change.field : '';
			for (const [key, kind] of KIND_OF_ARRAY) {
				const list = value[key];
				if (!Array.isArray(list)) continue;
				for (const raw of list) {
					if (result.updates.length >= MAX_UPDATES || !isObject(raw) || nestsDeeperThan(raw, MAX_DEPTH)) {
						result.dropped++;
						if (result.dropped > MAX_UPDATES * 10) return result;
						continue;
					}
					result.updates.push({ kind, raw, value, wabaId, field });
				}
			}
		}
	}
	return result;
}
