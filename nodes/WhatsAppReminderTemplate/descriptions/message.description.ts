import type { INodeProperties } from 'n8n-workflow';

export const kindField: INodeProperties = {
	displayName: 'Message',
	name: 'kind',
	type: 'options',
	noDataExpression: true,
	default: 'reminder',
	options: [
		{
			name: 'Cancellation',
			value: 'cancellation',
			action: 'Render booking cancellation messages',
			description: 'Tell the customer the booking was cancelled and how to book again',
		},
		{
			name: 'Confirmation',
			value: 'confirmation',
			action: 'Render booking confirmation messages',
			description: 'Confirm a new booking with its date, time, service and location',
		},
		{
			name: 'No-Show Follow-Up',
			value: 'noShow',
			action: 'Render no show follow up messages',
			description: 'Reach out to a customer who missed the appointment and offer a new one',
		},
		{
			name: 'Reminder',
			value: 'reminder',
			action: 'Render appointment reminder messages',
			description: 'Remind the customer before the appointment, e.g. 24 hours and 2 hours before',
		},
		{
			name: 'Reschedule',
			value: 'reschedule',
			action: 'Render booking reschedule messages',
			description: 'Tell the customer the booking moved, with the old and the new time',
		},
		{
			name: 'Review Request',
			value: 'reviewRequest',
			action: 'Render review request messages',
			description: 'Thank the customer after the visit and ask for a review',
		},
	],
	description: 'Which message of the booking to render',
};

export const templateFields: INodeProperties[] = [
	{
		displayName: 'Template',
		name: 'template',
		type: 'options',
		noDataExpression: true,
		default: 'builtIn',
		options: [
			{
				name: 'Built-In',
				value: 'builtIn',
				description: 'Ready-made Indonesian and English text, picked per item by Language',
			},
			{
				name: 'Custom',
				value: 'custom',
				description: 'Your own text with {{variable}} placeholders',
			},
		],
	},
	{
		displayName: 'Custom Template',
		name: 'customTemplate',
		type: 'string',
		typeOptions: { rows: 8 },
		default: '',
		required: true,
		displayOptions: { show: { template: ['custom'] } },
		placeholder: 'e.g. Halo {{firstName}}, jadwal kamu di *{{businessName}}* {{relative}} jam {{time}} ya.',
		hint:
			'Placeholders: customerName, firstName, phone, service, staff, location, businessName, bookingId, bookingLink, reviewLink, date, day, shortDate, time, zone, relative, endTime, timeRange, duration, previousDate, previousTime and your Extra Variables',
		description:
			'Message text. {{name}} is replaced by the variable of that name, nothing else is evaluated; WhatsApp formatting (*bold*, _italic_, ~strike~) is kept. Type it in Fixed mode.',
	},
];

const sendTimeValues: INodeProperties[] = [
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		default: 24,
		typeOptions: { minValue: 0 },
	},
	{
		displayName: 'Unit',
		name: 'unit',
		type: 'options',
		default: 'hours',
		options: [
			{ name: 'Days', value: 'days', description: 'Calendar days: same clock time, also across daylight-saving changes' },
			{ name: 'Hours', value: 'hours' },
			{ name: 'Minutes', value: 'minutes' },
		],
	},
	{
		displayName: 'Relative To',
		name: 'relativeTo',
		type: 'options',
		default: 'beforeStart',
		options: [
			{ name: 'After End', value: 'afterEnd', description: 'After start plus Duration (the start when no duration is given)' },
			{ name: 'After Start', value: 'afterStart' },
			{ name: 'Before Start', value: 'beforeStart' },
		],
	},
];

const sendTimes = {
	displayName: 'Send Times',
	name: 'sendTimes',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Send Time',
	default: {},
	description:
		'When each message goes out; one output item per send time. Leave empty for one message to send right away (always due).',
	options: [{ displayName: 'Send Time', name: 'times', values: sendTimeValues }],
} satisfies Partial<INodeProperties>;

/** Reminders default to 24 h and 2 h before the start, review requests to 2 h after the end, others to "now". */
export const sendTimesFields: INodeProperties[] = [
	{
		...sendTimes,
		default: {
			times: [
				{ amount: 24, unit: 'hours', relativeTo: 'beforeStart' },
				{ amount: 2, unit: 'hours', relativeTo: 'beforeStart' },
			],
		},
		displayOptions: { show: { kind: ['reminder'] } },
	},
	{
		...sendTimes,
		default: { times: [{ amount: 2, unit: 'hours', relativeTo: 'afterEnd' }] },
		displayOptions: { show: { kind: ['reviewRequest'] } },
	},
	{
		...sendTimes,
		default: {},
		displayOptions: { show: { kind: ['cancellation', 'confirmation', 'noShow', 'reschedule'] } },
	},
];
