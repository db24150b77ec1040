import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** Fields of a template message (NOTES §2.4): an approved template, its language, and its parameters. */

const shown = (extra: IDataObject = {}) => ({ show: { messageType: ['template'], ...extra } });

export const templateFields: INodeProperties[] = [
	{
		displayName: 'Template',
		name: 'template',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: shown(),
		description: 'An APPROVED template of the credential’s WhatsApp Business Account',
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchTemplates', searchable: true } },
			{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. booking_reminder' },
		],
	},
	{
		displayName: 'Language Code',
		name: 'languageCode',
		type: 'string',
		default: '',
		displayOptions: shown(),
		placeholder: 'e.g. en_US',
		description: 'Language of the template. Empty: the language of the template picked from the list (en_US for a name).',
	},
	{
		displayName: 'Parameters From',
		name: 'templateParameters',
		type: 'options',
		default: 'fields',
		displayOptions: shown(),
		options: [
			{ name: 'Components JSON', value: 'json', description: 'The template "components" array as Meta documents it' },
			{ name: 'Fields', value: 'fields', description: 'Header, body and button parameters below' },
			{ name: 'Template Variables', value: 'variables', description: 'One field per variable of the chosen template, read from the template' },
		],
	},
	{
		displayName: 'Template Variables',
		name: 'templateVariables',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		displayOptions: shown({ templateParameters: ['variables'] }),
		typeOptions: {
			loadOptionsDependsOn: ['template.value', 'languageCode'],
			resourceMapper: {
				resourceMapperMethod: 'templateVariables',
				mode: 'add',
				fieldWords: { singular: 'variable', plural: 'variables' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: false,
			},
		},
	},
	{
		displayName: 'Header',
		name: 'headerType',
		type: 'options',
		default: 'none',
		displayOptions: shown({ templateParameters: ['fields'] }),
		options: [
			{ name: 'Document', value: 'document' },
			{ name: 'Image', value: 'image' },
			{ name: 'No Header Parameter', value: 'none' },
			{ name: 'Text', value: 'text' },
			{ name: 'Video', value: 'video' },
		],
		description: 'The parameter of the template’s header, if it has a variable or a media header',
	},
	{ displayName: 'Header Text', name: 'headerParameterText', type: 'string', default: '', displayOptions: shown({ templateParameters: ['fields'], headerType: ['text'] }) },
	{
		displayName: 'Header Media',
		name: 'headerMedia',
		type: 'string',
		default: '',
		displayOptions: shown({ templateParameters: ['fields'], headerType: ['image', 'video', 'document'] }),
		placeholder: 'e.g. https://example.com/banner.jpg or 1037543291543636',
		description: 'A public http(s) link, or the ID of uploaded media (digits)',
	},
	{
		displayName: 'Body Parameters',
		name: 'bodyParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add body parameter',
		displayOptions: shown({ templateParameters: ['fields'] }),
		description: 'One per {{n}} variable of the body, in order',
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{
						displayName: 'Amount',
						name: 'amount',
						type: 'number',
						default: 0
					},
					{
						displayName: 'Currency Code',
						name: 'currencyCode',
						type: 'string',
						default: 'USD',
						description: 'ISO 4217 code, e.g. IDR',
					},
					{
						displayName: 'Fallback Text',
						name: 'fallbackValue',
						type: 'string',
						default: '',
						description: 'Shown as is (for date_time the Cloud API always shows this)',
					},
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						default: 'text',
						options: [
							{
								name: 'Text',
								value: 'text',
							},
							{
								name: 'Currency',
								value: 'currency',
							},
							{
								name: 'Date Time',
								value: 'date_time',
							},
						]
					},
			],
			},
		],
	},
	{
		displayName: 'Button Parameters',
		name: 'buttonParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add button parameter',
		displayOptions: shown({ templateParameters: ['fields'] }),
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{ displayName: 'Button Type', name: 'subType', type: 'options', default: 'quick_reply', options: [{ name: 'Quick Reply', value: 'quick_reply' }, { name: 'URL', value: 'url' }] },
					{ displayName: 'Position', name: 'index', type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: 9 }, description: 'Position of the button in the template, counting from 0' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'Quick reply: the payload returned when tapped. URL: the text appended to the button’s URL.' },
				],
			},
		],
	},
	{
		displayName: 'Components (JSON)',
		name: 'componentsJson',
		type: 'json',
		default: '[\n  { "type": "body", "parameters": [{ "type": "text", "text": "Ayu" }] }\n]',
		displayOptions: shown({ templateParameters: ['json'] }),
		description: 'Sent as template.components without changes',
	},
];
