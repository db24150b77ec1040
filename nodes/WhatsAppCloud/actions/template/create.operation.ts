import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { Checker } from '../../helpers/checks';
import { businessAccountId } from '../../helpers/context';
import { cloudRequest } from '../../transport';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder: 'e.g. booking_reminder', description: 'Lower-case letters, digits and underscores, up to 512 characters' },
	{ displayName: 'Language Code', name: 'language', type: 'string', default: 'en_US', required: true, placeholder: 'e.g. en_US' },
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		default: 'UTILITY',
		options: [
			{ name: 'Authentication', value: 'AUTHENTICATION' },
			{ name: 'Marketing', value: 'MARKETING' },
			{ name: 'Utility', value: 'UTILITY' },
		],
	},
	{
		displayName: 'Define With',
		name: 'definition',
		type: 'options',
		default: 'fields',
		options: [
			{ name: 'Fields', value: 'fields', description: 'Header text, body, footer and quick-reply buttons' },
			{ name: 'Components JSON', value: 'json', description: 'The "components" array as Meta documents it' },
		],
	},
	{ displayName: 'Header Text', name: 'headerText', type: 'string', default: '', displayOptions: { show: { definition: ['fields'] } }, description: 'Optional, up to 60 characters' },
	{
		displayName: 'Body Text',
		name: 'bodyText',
		type: 'string',
		default: '',
		typeOptions: { rows: 4 },
		displayOptions: { show: { definition: ['fields'] } },
		placeholder: 'e.g. Hi {{1}}, see you on {{2}}.',
		description: 'Up to 1024 characters; {{1}}, {{2}}… are the variables filled when sending',
	},
	{
		displayName: 'Body Example Values',
		name: 'bodyExamples',
		type: 'string',
		default: '',
		displayOptions: { show: { definition: ['fields'] } },
		placeholder: 'e.g. Ayu, Monday 10:00',
		description: 'Comma-separated sample values, one per variable (Meta requires them for review)',
	},
	{ displayName: 'Footer Text', name: 'footerText', type: 'string', default: '', displayOptions: { show: { definition: ['fields'] } }, description: 'Optional, up to 60 characters' },
	{
		displayName: 'Quick Reply Buttons',
		name: 'quickReplies',
		type: 'string',
		typeOptions: { multipleValues: true },
		default: [],
		displayOptions: { show: { definition: ['fields'] } },
		description: 'Button labels, up to 25 characters each',
	},
	{ displayName: 'Components (JSON)', name: 'componentsJson', type: 'json', default: '[]', displayOptions: { show: { definition: ['json'] } } },
];

const displayOptions = { show: { resource: ['template'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function componentsFromFields(context: IExecuteFunctions, check: Checker): IDataObject[] {
	const components: IDataObject[] = [];
	const header = check.param('headerText', 'Header Text', 60, false);
	if (header !== '') components.push({ type: 'HEADER', format: 'TEXT', text: header });
	const body = check.param('bodyText', 'Body Text', 1024);
	const variables = new Set(body.match(/\{\{\d+\}\}/g) ?? []).size;
	const bodyComponent: IDataObject = { type: 'BODY', text: body };
	const examples = check.param('bodyExamples', 'Body Example Values', 5000, false).split(',').map((value) => value.trim()).filter((value) => value !== '');
	if (variables > 0) {
		if (examples.length !== variables) check.fail(`Body Example Values has ${examples.length} values; the body has ${variables} variables`, 'Give one sample value per {{n}}, separated by commas.');
		bodyComponent.example = { body_text: [examples] };
	}
	components.push(bodyComponent);
	const footer = check.param('footerText', 'Footer Text', 60, false);
	if (footer !== '') components.push({ type: 'FOOTER', text: footer });
	const replies = (context.getNodeParameter('quickReplies', check.itemIndex, []) as string[]).map((label, index) => check.text(label, `Quick reply ${index + 1}`, 25));
	if (replies.length > 0) {
		check.count(replies, 'Quick Reply Buttons', 1, 10);
		components.push({ type: 'BUTTONS', buttons: replies.map((text) => ({ type: 'QUICK_REPLY', text })) });
	}
	return components;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex);
	const name = check.param('name', 'Name', 512);
	if (!/^[a-z0-9_]+$/.test(name)) check.fail(`Name "${name}" is not a valid template name`, 'Use lower-case letters, digits and underscores, e.g. booking_reminder.');
	const language = check.param('language', 'Language Code', 15);
	let components: IDataObject[];
	if (this.getNodeParameter('definition', itemIndex, 'fields') === 'json') {
		const parsed = check.json(this.getNodeParameter('componentsJson', itemIndex, '[]'), 'Components (JSON)');
		if (!Array.isArray(parsed) || parsed.length === 0) check.fail('Components (JSON) must be a non-empty list of components', 'e.g. [{"type":"BODY","text":"Hello"}]');
		components = parsed as IDataObject[];
	} else {
		components = componentsFromFields(this, check);
	}
	const waba = await businessAccountId.call(this, itemIndex);
	const body = { name, language, category: this.getNodeParameter('category', itemIndex, 'UTILITY') as string, components };
	return [{ json: await cloudRequest.call(this, { method: 'POST', path: [waba, 'message_templates'], body, itemIndex }) }];
}
