import type { INodeProperties, IWebhookDescription } from 'n8n-workflow';
import { SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

/**
 * The editor fields and webhooks of "Send and Wait for Response", shared by every provider's action node. The
 * provider adds its own recipient field(s) before these and builds the message itself.
 */

/** The operation value n8n recognises (signed resume links, the generated human-in-the-loop tool). */
export const SEND_AND_WAIT = SEND_AND_WAIT_OPERATION;

/**
 * The node's waiting webhooks: GET opens the answer page, POST records the answer. `restartWebhook` makes n8n serve
 * them only for a waiting execution, at `<webhook-waiting URL>/<execution id>/<node id>` with a signed query.
 */
export const sendAndWaitWebhooks: IWebhookDescription[] = ['GET', 'POST'].map((httpMethod) => ({
	name: 'default',
	httpMethod,
	responseMode: 'onReceived',
	responseData: '',
	path: '={{ $nodeId }}',
	restartWebhook: true,
	isFullPath: true,
}));

/** The tooltip n8n shows on the node while the execution waits. */
export const waitingTooltip = `={{ $parameter["operation"] === "${SEND_AND_WAIT}" ? "The execution continues when the recipient answers or the wait time runs out" : "" }}`;

export const limitWaitTimeOption: INodeProperties = {
	displayName: 'Limit Wait Time',
	name: 'limitWaitTime',
	type: 'fixedCollection',
	default: { values: { limitType: 'afterTimeInterval', resumeAmount: 24, resumeUnit: 'hours' } },
	description: 'How long to wait for the answer. When the time runs out the node outputs an item with status "timeout".',
	options: [
		{
			displayName: 'Values',
			name: 'values',
			values: [
				{
					displayName: 'Limit Type',
					name: 'limitType',
					type: 'options',
					default: 'afterTimeInterval',
					options: [
						{ name: 'After Time Interval', value: 'afterTimeInterval', description: 'Wait for an amount of time' },
						{ name: 'At Specified Time', value: 'atSpecifiedTime', description: 'Wait until a date and time' },
					],
				},
				{
					displayName: 'Amount',
					name: 'resumeAmount',
					type: 'number',
					default: 24,
					typeOptions: { minValue: 0, numberPrecision: 2 },
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
				},
				{
					displayName: 'Unit',
					name: 'resumeUnit',
					type: 'options',
					default: 'hours',
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
					options: [
						{ name: 'Minutes', value: 'minutes' },
						{ name: 'Hours', value: 'hours' },
						{ name: 'Days', value: 'days' },
					],
				},
				{
					displayName: 'Max Date and Time',
					name: 'maxDateAndTime',
					type: 'dateTime',
					default: '',
					description: 'Stop waiting at this date and time',
					displayOptions: { show: { limitType: ['atSpecifiedTime'] } },
				},
			],
		},
	],
};

const formFieldsProperty: INodeProperties = {
	displayName: 'Form Fields',
	name: 'formFields',
	type: 'fixedCollection',
	placeholder: 'Add Form Field',
	default: {},
	typeOptions: { multipleValues: true, sortable: true },
	displayOptions: { show: { responseType: ['customForm'] } },
	options: [
		{
			displayName: 'Values',
			name: 'values',
			values: [
				{ displayName: 'Field Label', name: 'fieldLabel', type: 'string', default: '', required: true, placeholder: 'e.g. Preferred date' },
				{
					displayName: 'Field Type',
					name: 'fieldType',
					type: 'options',
					default: 'text',
					options: [
						{ name: 'Date', value: 'date' },
						{ name: 'Dropdown List', value: 'dropdown' },
						{ name: 'Email', value: 'email' },
						{ name: 'Number', value: 'number' },
						{ name: 'Text', value: 'text' },
						{ name: 'Textarea', value: 'textarea' },
					],
				},
				{
					displayName: 'Choices',
					name: 'choices',
					type: 'string',
					default: '',
					placeholder: 'e.g. Morning, Afternoon, Evening',
					description: 'The choices of the dropdown, separated by commas',
					displayOptions: { show: { fieldType: ['dropdown'] } },
				},
				{ displayName: 'Required Field', name: 'requiredField', type: 'boolean', default: false, description: 'Whether the form can only be sent with this field filled in' },
			],
		},
	],
};

const linkLabelOption: INodeProperties = { displayName: 'Link Label', name: 'messageButtonLabel', type: 'string', default: 'Respond', description: 'The text of the link in the message' };

const formOptions: INodeProperties[] = [
	linkLabelOption,
	{ displayName: 'Response Form Title', name: 'responseFormTitle', type: 'string', default: '', description: 'Title of the page that opens from the link' },
	{ displayName: 'Response Form Description', name: 'responseFormDescription', type: 'string', default: '', description: 'Text above the form. When empty, the message is shown.' },
	{ displayName: 'Response Form Button Label', name: 'responseFormButtonLabel', type: 'string', default: 'Submit' },
];

const chatReplyProperties: INodeProperties[] = [
	{
		displayName: 'Allowed Replies',
		name: 'allowedReplies',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1, 2',
		description: 'The answers the customer may reply with, separated by commas (case does not matter). Say them in the message, e.g. "Reply 1 to confirm, 2 to reschedule".',
		displayOptions: { show: { responseType: ['chatReply'] } },
	},
];

/**
 * The fields after the provider's recipient: Message, Response Type, its settings and Options. `oneLink`: the
 * provider's message holds one link, so Approve and Decline share it and its label is an approval option too.
 */
export function sendAndWaitProperties(messageDescription: string, oneLink = false, chatReply = false): INodeProperties[] {
	const chatReplyType = chatReply ? [{ name: 'Chat Reply', value: 'chatReply', description: 'The recipient answers in the chat (e.g. 1 or 2); needs the "Hand Reply to Waiting Execution" operation after the trigger' }] : [];
	const approvalOptions = oneLink ? [{ ...linkLabelOption, description: 'The text of the link button when the recipient can approve or decline' }] : [];
	return [
		{
			displayName: 'Message',
			name: 'message',
			type: 'string',
			default: '',
			required: true,
			typeOptions: { rows: 4 },
			description: messageDescription,
		},
		{
			displayName: 'Response Type',
			name: 'responseType',
			type: 'options',
			default: 'approval',
			options: [
				{ name: 'Approval', value: 'approval', description: 'The recipient approves (or declines) through a link in the message' },
				{ name: 'Free Text', value: 'freeText', description: 'The recipient writes an answer in a form opened from the message' },
				{ name: 'Custom Form', value: 'customForm', description: 'The recipient fills in a form with the fields defined here' },
				...chatReplyType,
			],
		},
		...(chatReply ? chatReplyProperties : []),
		formFieldsProperty,
		{
			displayName: 'Approval Options',
			name: 'approvalOptions',
			type: 'fixedCollection',
			placeholder: 'Add option',
			default: {},
			displayOptions: { show: { responseType: ['approval'] } },
			options: [
				{
					displayName: 'Values',
					name: 'values',
					values: [
						{
							displayName: 'Type of Approval',
							name: 'approvalType',
							type: 'options',
							default: 'single',
							options: [
								{ name: 'Approve Only', value: 'single' },
								{ name: 'Approve and Decline', value: 'double' },
							],
						},
						{ displayName: 'Approve Button Label', name: 'approveLabel', type: 'string', default: 'Approve' },
						{
							displayName: 'Decline Button Label',
							name: 'disapproveLabel',
							type: 'string',
							default: 'Decline',
							displayOptions: { show: { approvalType: ['double'] } },
						},
					],
				},
			],
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			displayOptions: { show: { responseType: ['approval'] } },
			options: [...approvalOptions, limitWaitTimeOption],
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			displayOptions: { show: { responseType: ['chatReply'] } },
			options: [
				{ displayName: 'Re-Prompt Message', name: 'reprompt', type: 'string', default: '', placeholder: 'e.g. Please reply 1 to confirm or 2 to reschedule', description: 'Sent when a reply matches none of the Allowed Replies. Default: "Please reply with one of: …".' },
				limitWaitTimeOption,
			],
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			displayOptions: { show: { responseType: ['freeText', 'customForm'] } },
			options: [...formOptions, limitWaitTimeOption],
		},
	];
}
