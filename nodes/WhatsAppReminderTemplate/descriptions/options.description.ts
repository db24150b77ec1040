import type { INodeProperties } from 'n8n-workflow';

export const extraVariablesField: INodeProperties = {
	displayName: 'Extra Variables',
	name: 'extraVariables',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Variable',
	default: {},
	description: 'More {{name}} placeholders for custom templates, e.g. a promo code; a name used by a built-in variable replaces it',
	options: [
		{
			displayName: 'Variable',
			name: 'variables',
			values: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'e.g. promoCode',
					description: 'Letters, digits and underscores; the template uses it as {{promoCode}}',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					placeholder: 'e.g. {{ $json.promoCode }}',
				},
			],
		},
	],
};

export const optionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Check Interval (Minutes)',
			name: 'checkIntervalMinutes',
			type: 'number',
			default: 15,
			typeOptions: { minValue: 1, maxValue: 1440 },
			description:
				'How often the Schedule Trigger runs this workflow. A message is due when its send time lies in (slot − interval, slot], slot being now rounded down to a multiple of the interval, so each message is due in exactly one run.',
		},
		{
			displayName: 'Default Country Code',
			name: 'defaultCountryCode',
			type: 'string',
			default: '',
			placeholder: 'e.g. 62',
			description: 'Country calling code for local numbers that start with 0 (0812… → 62812…)',
		},
		{
			displayName: 'Fallback Language',
			name: 'fallbackLanguage',
			type: 'options',
			default: 'id',
			options: [
				{ name: 'English', value: 'en' },
				{ name: 'Indonesian', value: 'id' },
			],
			description: 'Language for items whose Language is empty or not Indonesian or English',
		},
		{
			displayName: 'Fallback Text',
			name: 'fallbackText',
			type: 'string',
			default: '',
			placeholder: 'e.g. -',
			description: 'What an empty variable becomes in a custom template when Missing Variables is Use Fallback Text',
		},
		{
			displayName: 'Include Variables',
			name: 'includeVariables',
			type: 'boolean',
			default: false,
			description: 'Whether to add every variable with its value to the output item (under variables)',
		},
		{
			displayName: 'Missing Variables',
			name: 'missingVariables',
			type: 'options',
			default: 'fail',
			options: [
				{ name: 'Fail the Item', value: 'fail', description: 'The item fails with the name of the empty field' },
				{ name: 'Use Fallback Text', value: 'fallback', description: 'The placeholder becomes Fallback Text' },
			],
			description:
				'What a custom template does with a placeholder whose value is empty. Built-in templates leave out lines whose value is missing.',
		},
		{
			displayName: 'Past Messages',
			name: 'pastMessages',
			type: 'options',
			default: 'skip',
			options: [
				{ name: 'Mark as Past', value: 'mark', description: 'Output them with past: true and due: false' },
				{ name: 'Skip', value: 'skip', description: 'Leave them out of the output' },
			],
			description: 'What to do with scheduled messages whose send time lies before this run’s window',
		},
		{
			displayName: 'Quiet Hours',
			name: 'quietHours',
			type: 'options',
			default: 'later',
			options: [
				{ name: 'Move Earlier', value: 'earlier', description: 'To the start of quiet hours (e.g. 21:00 the evening before)' },
				{ name: 'Move Later', value: 'later', description: 'To the end of quiet hours (e.g. 08:00 the next morning)' },
				{ name: 'Off', value: 'off', description: 'Send at the computed time, whatever the hour' },
			],
			description:
				'Moves scheduled messages out of quiet hours in the booking’s time zone; moved items have shifted: true. A move never takes a reminder past the start; then it moves the other way.',
		},
		{
			displayName: 'Quiet Hours End',
			name: 'quietHoursEnd',
			type: 'string',
			default: '08:00',
			placeholder: 'e.g. 08:00',
			description: 'Time of day (HH:mm) quiet hours end, in the booking’s time zone',
		},
		{
			displayName: 'Quiet Hours Start',
			name: 'quietHoursStart',
			type: 'string',
			default: '21:00',
			placeholder: 'e.g. 21:00',
			description: 'Time of day (HH:mm) quiet hours start, in the booking’s time zone',
		},
		{
			displayName: 'Reference Time',
			name: 'referenceTime',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2026-11-23T07:00:00Z',
			description:
				'Evaluate due and past as if the run happened at this moment (ISO 8601) instead of now; for tests and back-filling',
		},
	],
};
