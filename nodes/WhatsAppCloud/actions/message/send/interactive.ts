import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Checker } from '../../../helpers/checks';

/** Interactive messages: reply buttons, list, call-to-action URL, location request (NOTES §2.3). */

const INTERACTIVE = ['buttons', 'list', 'ctaUrl', 'locationRequest'];

export const interactiveFields: INodeProperties[] = [
	{
		displayName: 'Header Text',
		name: 'headerText',
		type: 'string',
		default: '',
		displayOptions: { show: { messageType: ['buttons', 'list', 'ctaUrl'] } },
		description: 'Optional bold line above the body, up to 60 characters',
	},
	{
		displayName: 'Body Text',
		name: 'bodyText',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 3 },
		displayOptions: { show: { messageType: INTERACTIVE } },
		description: 'The message text, up to 1024 characters',
	},
	{
		displayName: 'Footer Text',
		name: 'footerText',
		type: 'string',
		default: '',
		displayOptions: { show: { messageType: ['buttons', 'list', 'ctaUrl'] } },
		description: 'Optional grey line under the body, up to 60 characters',
	},
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add button',
		displayOptions: { show: { messageType: ['buttons'] } },
		description: 'One to three reply buttons. A tap comes back as an interactive button_reply with the button’s ID.',
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{ displayName: 'ID', name: 'id', type: 'string', default: '', description: 'Unique ID returned when tapped, up to 256 characters' },
					{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Button label, up to 20 characters' },
				],
			},
		],
	},
	{
		displayName: 'List Button Text',
		name: 'listButton',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { messageType: ['list'] } },
		placeholder: 'e.g. Choose a time',
		description: 'Label of the button that opens the list, up to 20 characters',
	},
	{
		displayName: 'Sections (JSON)',
		name: 'listSections',
		type: 'json',
		default: '[\n  {\n    "title": "Morning",\n    "rows": [\n      { "id": "slot-0900", "title": "09:00", "description": "Haircut, 45 min" }\n    ]\n  }\n]',
		required: true,
		displayOptions: { show: { messageType: ['list'] } },
		description: 'Sections with rows: 1–10 sections, at most 10 rows in total; row ID ≤200, title ≤24, description ≤72 characters; a section title (≤24) is required when there is more than one section',
	},
	{
		displayName: 'Button Text',
		name: 'ctaDisplayText',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { messageType: ['ctaUrl'] } },
		placeholder: 'e.g. Book now',
		description: 'Label of the link button, up to 20 characters',
	},
	{
		displayName: 'Button URL',
		name: 'ctaUrl',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { messageType: ['ctaUrl'] } },
		placeholder: 'e.g. https://booking.example.com/salon-ayu',
	},
];

function frame(context: IExecuteFunctions, check: Checker, type: string, action: IDataObject): IDataObject {
	const interactive: IDataObject = { type };
	if (type !== 'location_request_message') {
		const header = check.param('headerText', 'Header Text', 60, false);
		if (header !== '') interactive.header = { type: 'text', text: header };
	}
	interactive.body = { text: check.param('bodyText', 'Body Text', 1024) };
	if (type !== 'location_request_message') {
		const footer = check.param('footerText', 'Footer Text', 60, false);
		if (footer !== '') interactive.footer = { text: footer };
	}
	interactive.action = action;
	return { type: 'interactive', interactive };
}

export function buildButtons(context: IExecuteFunctions, check: Checker): IDataObject {
	const raw = context.getNodeParameter('buttons', check.itemIndex, {}) as { button?: IDataObject[] };
	const buttons = check.count(raw.button ?? [], 'Buttons', 1, 3).map((button, index) => ({
		type: 'reply',
		reply: { id: check.text(button.id, `Button ${index + 1}: ID`, 256), title: check.text(button.title, `Button ${index + 1}: Title`, 20) },
	}));
	check.unique(buttons.map((button) => button.reply.id), 'Button ID');
	check.unique(buttons.map((button) => button.reply.title), 'Button title');
	return frame(context, check, 'button', { buttons });
}

export function buildList(context: IExecuteFunctions, check: Checker): IDataObject {
	const button = check.param('listButton', 'List Button Text', 20);
	const parsed = check.json(context.getNodeParameter('listSections', check.itemIndex), 'Sections (JSON)');
	if (!Array.isArray(parsed)) check.fail('Sections (JSON) must be a list of sections', 'e.g. [{"title":"Morning","rows":[{"id":"slot-0900","title":"09:00"}]}]');
	const sectionList = check.count(parsed as IDataObject[], 'Sections', 1, 10);
	let total = 0;
	const sections = sectionList.map((section, index) => {
		const label = `Section ${index + 1}`;
		if (!section || typeof section !== 'object' || !Array.isArray(section.rows)) check.fail(`${label} has no "rows" list`);
		const result: IDataObject = {};
		const title = check.text(section.title, `${label}: title`, 24, sectionList.length > 1);
		if (title !== '') result.title = title;
		const rows = check.count(section.rows as IDataObject[], `${label}: rows`, 1, 10).map((row, rowIndex) => {
			const rowLabel = `${label}, row ${rowIndex + 1}`;
			const entry: IDataObject = { id: check.text(row?.id, `${rowLabel}: id`, 200), title: check.text(row?.title, `${rowLabel}: title`, 24) };
			const description = check.text(row?.description, `${rowLabel}: description`, 72, false);
			if (description !== '') entry.description = description;
			return entry;
		});
		total += rows.length;
		result.rows = rows;
		return result;
	});
	if (total > 10) check.fail(`The list has ${total} rows; WhatsApp allows at most 10 rows across all sections`, 'Remove rows or split the choice into two messages.');
	check.unique(sections.flatMap((section) => (section.rows as IDataObject[]).map((row) => row.id as string)), 'Row id');
	return frame(context, check, 'list', { button, sections });
}

export function buildCtaUrl(context: IExecuteFunctions, check: Checker): IDataObject {
	const displayText = check.param('ctaDisplayText', 'Button Text', 20);
	const url = check.url(context.getNodeParameter('ctaUrl', check.itemIndex, ''), 'Button URL');
	return frame(context, check, 'cta_url', { name: 'cta_url', parameters: { display_text: displayText, url } });
}

export function buildLocationRequest(context: IExecuteFunctions, check: Checker): IDataObject {
	return frame(context, check, 'location_request_message', { name: 'send_location' });
}
