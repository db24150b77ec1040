import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Checker } from '../../../helpers/checks';

/** Template messages (NOTES §2.4): an approved template, its language, and parameters from fields or raw JSON. */

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
			{ name: 'Fields', value: 'fields', description: 'Header, body and button parameters below' },
			{ name: 'Components JSON', value: 'json', description: 'The template "components" array as Meta documents it' },
		],
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

function headerComponent(context: IExecuteFunctions, check: Checker): IDataObject | undefined {
	const type = context.getNodeParameter('headerType', check.itemIndex, 'none') as string;
	if (type === 'none') return undefined;
	if (type === 'text') return { type: 'header', parameters: [{ type: 'text', text: check.param('headerParameterText', 'Header Text', 60) }] };
	const raw = check.param('headerMedia', 'Header Media', 2000);
	const media = /^\d+$/.test(raw) ? { id: raw } : { link: check.url(raw, 'Header Media') };
	return { type: 'header', parameters: [{ type, [type]: media }] };
}

function bodyComponent(context: IExecuteFunctions, check: Checker): IDataObject | undefined {
	const raw = context.getNodeParameter('bodyParameters', check.itemIndex, {}) as { parameter?: IDataObject[] };
	const list = raw.parameter ?? [];
	if (list.length === 0) return undefined;
	const parameters = list.map((parameter, index) => {
		const label = `Body parameter ${index + 1}`;
		if (parameter.type === 'currency') {
			const code = check.text(parameter.currencyCode, `${label}: Currency Code`, 3).toUpperCase();
			if (!/^[A-Z]{3}$/.test(code)) check.fail(`${label}: Currency Code "${code}" is not an ISO 4217 code`, 'Use three letters, e.g. IDR or USD.');
			const amount = check.number(parameter.amount, `${label}: Amount`, -1e12, 1e12);
			return { type: 'currency', currency: { fallback_value: check.text(parameter.fallbackValue, `${label}: Fallback Text`, 1000), code, amount_1000: Math.round(amount * 1000) } };
		}
		if (parameter.type === 'date_time') return { type: 'date_time', date_time: { fallback_value: check.text(parameter.fallbackValue, `${label}: Fallback Text`, 1000) } };
		return { type: 'text', text: check.text(parameter.text, `${label}: Text`, 32768) };
	});
	return { type: 'body', parameters };
}

function buttonComponents(context: IExecuteFunctions, check: Checker): IDataObject[] {
	const raw = context.getNodeParameter('buttonParameters', check.itemIndex, {}) as { button?: IDataObject[] };
	const list = raw.button ?? [];
	const components = list.map((button, index) => {
		const label = `Button parameter ${index + 1}`;
		const position = check.number(button.index, `${label}: Position`, 0, 9);
		if (!Number.isInteger(position)) check.fail(`${label}: Position must be a whole number from 0 to 9`);
		const value = check.text(button.value, `${label}: Value`, 2000);
		const subType = button.subType === 'url' ? 'url' : 'quick_reply';
		// Meta counts positions from 0 and wants the index as a string (NOTES §2.4).
		return { type: 'button', sub_type: subType, index: String(position), parameters: [subType === 'url' ? { type: 'text', text: value } : { type: 'payload', payload: value }] };
	});
	check.unique(components.map((component) => component.index), 'Button parameter position');
	return components;
}

/** The template's name and language from the locator (list values are `name|language`) and the Language Code field. */
export function templateIdentity(context: IExecuteFunctions, check: Checker): { name: string; language: string } {
	const locator = context.getNodeParameter('template', check.itemIndex, '', { extractValue: true }) as string;
	const [rawName, listLanguage = ''] = String(locator ?? '').split('|');
	const name = check.text(rawName, 'Template', 512);
	if (!/^[a-z0-9_]+$/.test(name)) check.fail(`Template "${name}" is not a template name`, 'Template names use lower-case letters, digits and underscores, e.g. booking_reminder.');
	const language = check.param('languageCode', 'Language Code', 15, false) || listLanguage || 'en_US';
	if (!/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/.test(language)) check.fail(`Language Code "${language}" is not a WhatsApp language code`, 'e.g. en_US, en, id, pt_BR.');
	return { name, language };
}

export function buildTemplate(context: IExecuteFunctions, check: Checker): IDataObject {
	const { name, language } = templateIdentity(context, check);
	const template: IDataObject = { name, language: { code: language, policy: 'deterministic' } };
	let components: IDataObject[];
	if (context.getNodeParameter('templateParameters', check.itemIndex, 'fields') === 'json') {
		const parsed = check.json(context.getNodeParameter('componentsJson', check.itemIndex, '[]'), 'Components (JSON)');
		if (!Array.isArray(parsed) || parsed.some((entry) => !entry || typeof entry !== 'object' || typeof (entry as IDataObject).type !== 'string')) {
			check.fail('Components (JSON) must be a list of components with a "type"', 'e.g. [{"type":"body","parameters":[{"type":"text","text":"Ayu"}]}]');
		}
		components = parsed as IDataObject[];
	} else {
		components = [headerComponent(context, check), bodyComponent(context, check), ...buttonComponents(context, check)].filter((component): component is IDataObject => component !== undefined);
	}
	if (components.length > 0) template.components = components;
	return { type: 'template', template };
}
