import type { IDataObject, IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { GOWA_EVENTS, GOWA_EVENT_OPTIONS } from '../../shared/events';

/** Event names GOWA sends to webhooks (its `event` field); a device webhook may be limited to some of them. */
export const WEBHOOK_EVENT_OPTIONS: INodePropertyOptions[] = GOWA_EVENT_OPTIONS;

const KNOWN_EVENTS = GOWA_EVENTS;

/**
 * Turns the Events multi-select (or a comma-separated string from an expression) into GOWA's
 * comma-separated `webhook_events`; empty means "all events". Unknown names fail before any request.
 */
export function joinWebhookEvents(context: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	const events: string[] = [];
	for (const entry of list) {
		const name = String(entry ?? '').trim().toLowerCase();
		if (name === '' || events.includes(name)) continue;
		if (!KNOWN_EVENTS.has(name)) {
			throw new NodeOperationError(context.getNode(), `Events: "${String(entry)}" is not a GOWA webhook event`, {
				itemIndex,
				description: `Choose from: ${[...KNOWN_EVENTS].join(', ')}. Leave Events empty to receive every event.`,
			});
		}
		events.push(name);
	}
	return events.join(',');
}

/** Checks a webhook URL before it is stored on the server (empty = no device webhook). */
export function checkWebhookUrl(context: IExecuteFunctions, itemIndex: number, value: unknown, allowEmpty: boolean): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '' && allowEmpty) return '';
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		throw new NodeOperationError(context.getNode(), `Webhook URL "${text}" is not an http(s) URL`, {
			itemIndex,
			description: 'Give the address GOWA should POST events to, e.g. the Production URL of a WhatsApp MultiDevice Trigger or Webhook node.',
		});
	}
	return text;
}

/**
 * A device webhook configuration as output by the node: GOWA's fields, except the secret, which is never
 * output (GOWA returns it in plain text); `webhookSecretSet` says whether one is configured.
 */
export function redactWebhookConfig(results: IDataObject): IDataObject {
	const { webhook_secret: secret, ...rest } = results;
	return { ...rest, webhookSecretSet: typeof secret === 'string' && secret !== '' };
}
