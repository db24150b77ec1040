import type { INodeProperties } from 'n8n-workflow';

/** Execution-wide delivery settings: how many items run at once, pacing per device, daily cap, retries. */
export const sendingOptions: INodeProperties = {
	displayName: 'Sending',
	name: 'sending',
	type: 'collection',
	placeholder: 'Add sending option',
	default: {},
	description:
		'How this node sends many items: parallel requests, pacing per WhatsApp device, a message cap and retries for one execution, and Send Once per Key across executions',
	options: [
		{
			displayName: 'Base Retry Delay (Ms)',
			name: 'baseDelayMs',
			type: 'number',
			default: 1000,
			typeOptions: { minValue: 0 },
			description: 'Pause before the first retry; each further retry waits about twice as long (with random jitter). A Retry-After header from the server wins.',
		},
		{
			displayName: 'Check All Items First',
			name: 'checkAllItemsFirst',
			type: 'boolean',
			default: true,
			description:
				'Whether every item (recipient, text, media) is checked before the first message goes out, so a bad row stops the run before anything is sent. Off: sending starts at once and each item is checked just before its own send — faster for large lists you trust, but without Continue On Fail the rows before a bad one are already sent.',
		},
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			default: 3,
			typeOptions: { minValue: 1, maxValue: 10 },
			description: 'Tries per request, the first included. Retried: 429, 5xx, refused connections. Never retried: 400, 401, 404.',
		},
		{
			// Key kept from 0.1 ("Messages per Day"), so saved workflows keep their value.
			displayName: 'Max Messages per Execution',
			name: 'messagesPerDay',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description: 'Cap per device for this execution only: sends that may have been delivered count, failed ones do not. 0 = no cap. For daily limits across executions use Redis or the GOWA proxy (see README).',
		},
		{
			displayName: 'Messages per Hour',
			name: 'messagesPerHour',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description: 'Spreads sends of one device evenly: 60 per hour sends one a minute. 0 = no limit.',
		},
		{
			displayName: 'Messages per Minute',
			name: 'messagesPerMinute',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description: 'Spreads sends of one device evenly: 20 per minute sends one every 3 seconds. 0 = no limit. WhatsApp bans numbers that burst to new contacts.',
		},
		{
			displayName: 'On Message Limit',
			name: 'onDailyLimit',
			type: 'options',
			default: 'fail',
			options: [
				{ name: 'Fail the Remaining Items', value: 'fail', description: 'Each unsent item fails (or becomes an error item with Continue On Fail)' },
				{ name: 'Return Unsent', value: 'returnUnsent', description: 'Unsent items come out with status "skipped" so a later run can send them' },
			],
			description: 'What happens to items once Max Messages per Execution is used up',
		},
		{
			displayName: 'Parallel Requests',
			name: 'parallelRequests',
			type: 'number',
			default: 5,
			typeOptions: { minValue: 1, maxValue: 100 },
			description: 'Items processed at the same time. Output order stays that of the input. 1 sends strictly one after another.',
		},
		{
			displayName: 'Random Extra Delay (Ms)',
			name: 'jitterMs',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description: 'Adds a random pause of up to this many milliseconds between two sends of one device, so traffic looks less automated',
		},
		{
			displayName: 'Retry Sends With Unknown Outcome',
			name: 'retryUnknownDelivery',
			type: 'boolean',
			default: false,
			description: 'Whether to retry a send that timed out (or got 504 or a reset connection). It may already have been delivered, so a retry can send it twice.',
		},
		{
			displayName: 'Send Once per Key',
			name: 'sendOnceKey',
			type: 'string',
			default: '',
			placeholder: 'e.g. {{ $json.bookingId }}-reminder-24h',
			description: 'A key per item, e.g. the booking ID and the reminder: a message whose key this node already sent (in any execution, on any worker) is not sent again and comes out with status "skipped". Kept in n8n\'s deduplication store for the last 10,000 keys of this node. Two executions sending the same key at the same moment can both send it (see README).',
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeoutMs',
			type: 'number',
			default: 60000,
			typeOptions: { minValue: 1000 },
			description: 'How long to wait for GOWA to answer one request. GOWA itself gives up after 45 s.',
		},
	],
};
