import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_DEDUP_MINUTES, DEFAULT_MAX_AGE_MINUTES } from './settings';

const MANUAL_SETUP =
	'Meta must be told to send events here. In the Meta app dashboard → WhatsApp → Configuration → Webhook: Callback URL = this node’s Production URL (under Webhook URLs above), Verify token = the Verify Token of the credential; then subscribe the field "messages". Or choose Registration → Subscribe the WhatsApp Business Account.';

export const cloudTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['message'],
		description: 'What starts the workflow: one item per message, status and error of a delivery. Others are answered and ignored.',
		options: [
			{ name: 'Errors', value: 'error', description: 'Errors Meta reports for a number (value.errors[])' },
			{ name: 'Messages', value: 'message', description: 'What customers send: text, media, buttons, list replies, reactions, locations…' },
			{ name: 'Statuses', value: 'status', description: 'Sent, delivered, read, played and failed updates of messages the business sent' },
		],
	},
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		default: ['sent', 'delivered', 'read', 'played', 'failed'],
		displayOptions: { show: { events: ['status'] } },
		description: 'Which status updates start the workflow. Every sent message gets up to four; choose only Failed to be told about problems only.',
		options: [
			{ name: 'Delivered', value: 'delivered' },
			{ name: 'Failed', value: 'failed' },
			{ name: 'Played', value: 'played', description: 'A voice message was played for the first time' },
			{ name: 'Read', value: 'read' },
			{ name: 'Sent', value: 'sent' },
		],
	},
	{
		displayName: 'Only Phone Number IDs',
		name: 'phoneNumberIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 106540352242922, 107655329012345',
		description: 'Comma-separated business phone number IDs (the tenant of an event). Events of other numbers behind the same Meta app are ignored. Empty = all.',
	},
	{
		displayName: 'Registration',
		name: 'registration',
		type: 'options',
		default: 'manual',
		options: [
			{ name: 'Manual (Meta App Dashboard)', value: 'manual', description: 'You paste the callback URL and verify token into the Meta app yourself' },
			{
				name: 'Subscribe the WhatsApp Business Account',
				value: 'subscribeWaba',
				description: 'Activation points the credential’s WABA at this workflow (its own callback URL); deactivation restores the previous one',
			},
		],
		description: 'How Meta learns where to send this WhatsApp Business Account’s events',
	},
	{
		displayName: MANUAL_SETUP,
		name: 'manualSetupNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registration: ['manual'] } },
	},
	{
		displayName: 'Download Media',
		name: 'downloadMedia',
		type: 'boolean',
		default: false,
		description:
			'Whether to download received images, audio, videos, documents and stickers from Meta into a binary property. A failed download still starts the workflow, with the reason in mediaError.',
	},
	{
		displayName: 'Put Media in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		displayOptions: { show: { downloadMedia: [true] } },
		description: 'Name of the binary property the downloaded media is put in',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Deduplication Window (Minutes)',
				name: 'dedupWindowMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_DEDUP_MINUTES,
				description:
					'Meta delivers at least once and repeats deliveries. The same message (wamid) or status (wamid + status) within this many minutes starts only one item — in this n8n process: with several webhook processes or after a restart, put a Remove Duplicates node on dedupKey after the trigger. 0 turns this off.',
			},
			{
				displayName: 'Maximum Event Age (Minutes)',
				name: 'maxEventAgeMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_MAX_AGE_MINUTES,
				description:
					'Events whose own timestamp is older than this are answered and start nothing, so an old signed event cannot be replayed. The default is 7 days, the longest Meta retries a delivery. 0 turns this off.',
			},
		],
	},
];
