import type { INodeProperties, NodeHint } from 'n8n-workflow';

import { DEFAULT_WINDOW_MINUTES } from './dedup';
import { EVENT_OPTIONS } from './events';

const MANUAL_SETUP =
	'GOWA must be told to send events here: start it with --webhook set to this node’s Production URL (under Webhook URLs above) and --webhook-secret set to the Webhook Secret of the credential. Or enter a Device ID and the trigger registers itself when the workflow is activated.';

const COMMON_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Deduplication Window (Minutes)',
		name: 'dedupWindowMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: DEFAULT_WINDOW_MINUTES,
		description:
			'GOWA re-sends an event when n8n answers late or with an error. The same event (device, event and ID) within this many minutes starts only one execution — in this n8n process: with several webhook processes or after a restart, put a Remove Duplicates node on dedupKey after the trigger. 0 turns this off.',
	},
	{
		displayName: 'Disable Signature Check',
		name: 'disableSignatureCheck',
		type: 'boolean',
		default: false,
		description:
			'Whether to accept events without a valid X-Hub-Signature-256. Dangerous: anyone who learns this URL can then start the workflow with invented messages, for example to make it send auto-replies or create bookings for any number. Only for local tests.',
	},
	{
		displayName: 'Let GOWA Skip TLS Verification',
		name: 'insecureSkipVerify',
		type: 'boolean',
		default: false,
		description:
			'Whether the registered device webhook lets GOWA accept an invalid or self-signed certificate on this n8n’s URL. Only with a Device ID.',
	},
	{
		displayName: 'Maximum Event Age (Minutes)',
		name: 'maxEventAgeMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: DEFAULT_WINDOW_MINUTES,
		description:
			'Events whose own timestamp is older than this are answered and start nothing, so an old signed event cannot be replayed. Not added: the Deduplication Window. 0 turns this off (e.g. to receive messages a device that was offline for long gets late).',
	},
	{
		displayName: 'Only Chats',
		name: 'chats',
		type: 'string',
		default: '',
		placeholder: 'e.g. 6281234567890, 120363025246125486@g.us',
		description: 'Comma-separated phone numbers or chat JIDs; events from other chats are ignored',
	},
	{
		displayName: 'Only Device IDs',
		name: 'deviceIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. salon-main, 6281234567890',
		description:
			'Comma-separated devices that received the event: slot IDs, or the account’s phone number or JID. Events of other devices are ignored.',
	},
	{
		displayName: 'Only Senders',
		name: 'senders',
		type: 'string',
		default: '',
		placeholder: 'e.g. +62 812-3456-7890, 6289876543210',
		description:
			'Comma-separated phone numbers (any notation; local ones use the credential’s Default Country Code) or JIDs. Events from other senders are ignored.',
	},
	{
		displayName: 'Only Session IDs',
		name: 'sessionIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. tenant_a, tenant_b',
		description:
			'Comma-separated GOWA session IDs (the device slot IDs GOWA puts in session_id, v8.8+). Events of other sessions, or without one, are ignored.',
	},
];

/** Version 1: off while absent, so adding one shows false — the effective behaviour of a saved v1 workflow. */
const VERSION_1_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Binary Property',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		displayOptions: { show: { downloadMedia: [true] } },
		description: 'Name of the binary property the downloaded media is put in',
	},
	{
		displayName: 'Download Media',
		name: 'downloadMedia',
		type: 'boolean',
		default: false,
		description:
			'Whether to download received images, videos, voice notes, documents and stickers from GOWA into a binary property. A failed download still starts the workflow, with the reason in mediaError.',
	},
	{
		displayName: 'Ignore Group Chats',
		name: 'ignoreGroups',
		type: 'boolean',
		default: false,
		description: 'Whether to ignore events from group chats',
	},
	{
		displayName: 'Ignore Own Messages',
		name: 'ignoreFromMe',
		type: 'boolean',
		default: false,
		description:
			'Whether to ignore messages typed on the WhatsApp phone of this account itself (is_from_me). Messages sent through the API never arrive as events.',
	},
];

/**
 * Version 1.1: what an auto-reply needs is visible and on by default — own messages and group chats ignored — and
 * media is downloaded only when asked for (it costs a request and storage per message).
 */
const VERSION_1_1_FILTERS: INodeProperties[] = [
	{
		displayName: 'Ignore Own Messages',
		name: 'ignoreFromMe',
		type: 'boolean',
		default: true,
		displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
		description:
			'Whether to ignore messages typed on the WhatsApp phone of this account itself (is_from_me), so an auto-reply never answers the business. Messages sent through the API never arrive as events.',
	},
	{
		displayName: 'Ignore Group Chats',
		name: 'ignoreGroups',
		type: 'boolean',
		default: true,
		displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
		description:
			'Whether to ignore messages, receipts, typing and calls of group chats. Group Joined and Group Participants events are always delivered when selected.',
	},
	{
		displayName: 'Download Media',
		name: 'downloadMedia',
		type: 'boolean',
		default: false,
		displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
		description:
			'Whether to download received images, videos, voice notes, documents and stickers from GOWA into a binary property. A failed download still starts the workflow, with the reason in mediaError.',
	},
	{
		displayName: 'Put Media in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }], downloadMedia: [true] } },
		description: 'Name of the binary property the downloaded media is put in',
	},
];

function byName(options: INodeProperties[]): INodeProperties[] {
	return [...options].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['message'],
		description: 'Which GOWA events start the workflow. Other events are answered and ignored.',
		options: EVENT_OPTIONS,
	},
	{
		displayName: 'Device ID',
		name: 'deviceId',
		type: 'string',
		default: '',
		placeholder: 'e.g. salon-main',
		description:
			'GOWA device (slot ID, or its WhatsApp JID) whose webhook this trigger points at itself when the workflow is activated, and restores when it is deactivated (GOWA v8.10+). Leave empty to set GOWA’s --webhook yourself.',
	},
	{
		displayName: MANUAL_SETUP,
		name: 'manualSetupNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { deviceId: [''] } },
	},
	{
		displayName: 'Register Webhook on Device',
		name: 'registerWebhook',
		type: 'boolean',
		default: true,
		displayOptions: { hide: { deviceId: [''] } },
		description:
			'Whether activation sets the device’s webhook to this trigger (URL, secret and events) and deactivation restores the previous one. Turn off to configure the device yourself.',
	},
	{
		displayName:
			'The device’s webhook is left as it is: set it to this node’s Production URL and the Webhook Secret of the credential yourself (WhatsApp MultiDevice node, Device resource, or PATCH /devices/{ID}/webhook).',
		name: 'manualDeviceNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registerWebhook: [false] }, hide: { deviceId: [''] } },
	},
	{
		displayName: 'Webhook Secret',
		name: 'secretSource',
		type: 'options',
		default: 'generated',
		displayOptions: { show: { registerWebhook: [true] }, hide: { deviceId: [''] } },
		description: 'Secret GOWA signs this device’s events with (X-Hub-Signature-256)',
		options: [
			{
				name: 'Credential’s Webhook Secret',
				value: 'credential',
				description: 'Use the Webhook Secret of the credential, e.g. to share it with other receivers',
			},
			{
				name: 'Generated for This Trigger',
				value: 'generated',
				description: 'A random secret created on activation and kept with the workflow; nobody has to copy it',
			},
		],
	},
	...VERSION_1_1_FILTERS,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { '@version': [1] } },
		options: byName([...VERSION_1_OPTIONS, ...COMMON_OPTIONS]),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
		options: COMMON_OPTIONS,
	},
];

export const triggerHints: NodeHint[] = [
	{
		message: MANUAL_SETUP,
		type: 'info',
		location: 'outputPane',
		whenToDisplay: 'always',
		displayCondition: '={{ !$parameter["deviceId"] }}',
	},
];
