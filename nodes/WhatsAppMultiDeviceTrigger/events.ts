import type { INodePropertyOptions } from 'n8n-workflow';

import { GOWA_EVENTS, GOWA_EVENT_OPTIONS } from '../shared/events';

/** Value of the Events option that stands for every event (registered on GOWA as an empty `webhook_events`). */
export const ALL_EVENTS = '*';

/** The Events multi-select: every GOWA event, plus "All Events". */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'All Events', value: ALL_EVENTS, description: 'Every event GOWA sends, including ones added in later versions' },
	...GOWA_EVENT_OPTIONS,
];

export const KNOWN_EVENTS: ReadonlySet<string> = GOWA_EVENTS;

/** The chosen events, lower-cased and de-duplicated; an empty list means every event. */
export function selectedEvents(value: unknown): string[] {
	const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	const events: string[] = [];
	for (const entry of list) {
		const name = String(entry ?? '').trim().toLowerCase();
		if (name === ALL_EVENTS) return [];
		if (name !== '' && !events.includes(name)) events.push(name);
	}
	return events;
}

/** GOWA's `webhook_events` value: a comma list, empty for every event (compared order-insensitively). */
export function eventsForGowa(events: string[]): string {
	return [...events].sort().join(',');
}

/** Normalises a `webhook_events` value read back from GOWA, for comparison. */
export function normaliseGowaEvents(value: unknown): string {
	return eventsForGowa(selectedEvents(typeof value === 'string' ? value : ''));
}
