import type { CloudEvent } from './mapping';
import type { CloudTriggerSettings } from './settings';

/** Why an event starts nothing, or undefined when it is kept. */
export function ignoredBecause(event: CloudEvent, settings: CloudTriggerSettings, nowMs: number): string | undefined {
	const kind = event.event === 'reaction' ? 'message' : event.event;
	if (!settings.kinds.has(kind as 'message')) return 'kind';
	if (settings.phoneNumberIds.size > 0 && (event.tenant === null || !settings.phoneNumberIds.has(event.tenant))) return 'phoneNumberId';
	if (kind === 'status' && (event.status === null || !settings.statuses.has(event.status))) return 'status';
	if (settings.maxEventAgeMs > 0 && event.timestamp !== null && nowMs - Date.parse(event.timestamp) > settings.maxEventAgeMs) return 'age';
	return undefined;
}
