import type { INodeProperties } from 'n8n-workflow';

import { sendingOptions } from '../../WhatsAppMultiDevice/actions/sending.description';

/**
 * The same "Sending" options (and delivery policy, nodes/shared/delivery.ts) as the GOWA node, worded for the Cloud
 * API: pacing is per business phone number ID, and only Meta's retryable codes are retried.
 */
const CLOUD_WORDING: Record<string, string> = {
	maxAttempts: 'Tries per request, the first included. Retried: Meta’s rate limits (4, 80007, 130429, 131056) and temporary errors. Never retried: 131047 (24-hour window), 131026 (undeliverable), template errors (132xxx).',
	messagesPerDay: 'Cap per business phone number for this execution only (n8n workers share no memory; limits across executions belong in Redis or a proxy). 0 = no cap. Meta’s own messaging limits still apply.',
	messagesPerHour: 'Spreads sends of one phone number evenly: 60 per hour sends one a minute. 0 = no limit.',
	messagesPerMinute: 'Spreads sends of one phone number evenly: 600 per minute sends one every 100 ms. 0 = no limit. Meta allows about 80 messages per second per number.',
	jitterMs: 'Adds a random pause of up to this many milliseconds between two sends of one phone number',
	timeoutMs: 'How long to wait for Meta to answer one request',
};

/** Options the Cloud transport implements; an option added to the GOWA node later is not offered here until it is. */
const IMPLEMENTED = new Set([...Object.keys(CLOUD_WORDING), 'baseDelayMs', 'checkAllItemsFirst', 'onDailyLimit', 'parallelRequests', 'retryUnknownDelivery']);

export const cloudSendingOptions: INodeProperties = {
	...sendingOptions,
	description: 'How this node sends many items: parallel requests, pacing per business phone number, a message cap and retries. Applies to all items of one execution.',
	options: (sendingOptions.options as INodeProperties[])
		.filter((option) => IMPLEMENTED.has(option.name))
		.map((option) => (CLOUD_WORDING[option.name] ? { ...option, description: CLOUD_WORDING[option.name] } : option)),
};
