import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Checker } from '../../../helpers/checks';

/** Text, location, contacts and reaction messages: their fields and request bodies (NOTES §2.2). */

const shown = (...types: string[]) => ({ show: { messageType: types } });

export const basicFields: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'textBody',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 4 },
		displayOptions: shown('text'),
		description: 'Message text, up to 4096 characters. WhatsApp formatting (*bold*, _italic_) works.',
	},
	{
		displayName: 'Show Link Preview',
		name: 'previewUrl',
		type: 'boolean',
		default: false,
		displayOptions: shown('text'),
		description: 'Whether WhatsApp shows a preview of the first link in the text',
	},
	{ displayName: 'Latitude', name: 'latitude', type: 'number', default: 0, required: true, typeOptions: { numberPrecision: 7 }, displayOptions: shown('location') },
	{ displayName: 'Longitude', name: 'longitude', type: 'number', default: 0, required: true, typeOptions: { numberPrecision: 7 }, displayOptions: shown('location') },
	{ displayName: 'Location Name', name: 'locationName', type: 'string', default: '', displayOptions: shown('location'), placeholder: 'e.g. Salon Ayu' },
	{ displayName: 'Address', name: 'address', type: 'string', default: '', displayOptions: shown('location'), placeholder: 'e.g. Jl. Sudirman 1, Jakarta' },
	{
		displayName: 'Contacts',
		name: 'contacts',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add contact',
		displayOptions: shown('contacts'),
		description: 'One to five contact cards',
		options: [
			{
				displayName: 'Contact',
				name: 'contact',
				values: [
					{
						displayName: 'Company',
						name: 'company',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Email',
						name: 'email',
						type: 'string',
						placeholder: 'name@email.com',
						default: '',
					},
					{
						displayName: 'First Name',
						name: 'firstName',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Full Name',
						name: 'formattedName',
						type: 'string',
						default: '',
						description: 'Name as shown on the card (required)',
					},
					{
						displayName: 'Last Name',
						name: 'lastName',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Phone',
						name: 'phone',
						type: 'string',
						default: '',
						placeholder: 'e.g.	+62 812-3456-7890',
					},
					{
						displayName: 'Phone Type',
						name: 'phoneType',
						type: 'options',
						default: 'WORK',
						options: [
							{
								name: 'Home',
								value: 'HOME',
							},
							{
								name: 'Work',
								value: 'WORK',
							},
						]
					},
			],
			},
		],
	},
	{
		displayName: 'Message ID to React To',
		name: 'reactionMessageId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: shown('reaction'),
		placeholder: 'e.g. wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA',
	},
	{
		displayName: 'Emoji',
		name: 'emoji',
		type: 'string',
		default: '👍',
		displayOptions: shown('reaction'),
		description: 'One emoji. Empty removes this business’s reaction.',
	},
];

export function buildText(context: IExecuteFunctions, check: Checker): IDataObject {
	const body = check.param('textBody', 'Text', 4096);
	return { type: 'text', text: { body, preview_url: context.getNodeParameter('previewUrl', check.itemIndex, false) === true } };
}

/** Latitude and longitude go as strings: the spec types them so (Meta also accepts numbers, NOTES §2.2). */
export function buildLocation(context: IExecuteFunctions, check: Checker): IDataObject {
	const latitude = check.number(context.getNodeParameter('latitude', check.itemIndex), 'Latitude', -90, 90);
	const longitude = check.number(context.getNodeParameter('longitude', check.itemIndex), 'Longitude', -180, 180);
	const location: IDataObject = { latitude: String(latitude), longitude: String(longitude) };
	const name = check.param('locationName', 'Location Name', 1000, false);
	const address = check.param('address', 'Address', 1000, false);
	if (name !== '') location.name = name;
	if (address !== '') location.address = address;
	return { type: 'location', location };
}

export function buildContacts(context: IExecuteFunctions, check: Checker, normalise: (phone: string) => Promise<string>): Promise<IDataObject> {
	const raw = context.getNodeParameter('contacts', check.itemIndex, {}) as { contact?: IDataObject[] };
	const list = check.count(raw.contact ?? [], 'Contacts', 1, 5);
	return (async () => {
		const contacts: IDataObject[] = [];
		for (const [index, entry] of list.entries()) {
			const label = `Contact ${index + 1}`;
			const name: IDataObject = { formatted_name: check.text(entry.formattedName, `${label}: Full Name`, 1000) };
			const first = check.text(entry.firstName, `${label}: First Name`, 1000, false);
			const last = check.text(entry.lastName, `${label}: Last Name`, 1000, false);
			if (first !== '') name.first_name = first;
			if (last !== '') name.last_name = last;
			const contact: IDataObject = { name };
			const phone = check.text(entry.phone, `${label}: Phone`, 100, false);
			if (phone !== '') {
				const digits = await normalise(phone);
				contact.phones = [{ phone: `+${digits}`, wa_id: digits, type: entry.phoneType === 'HOME' ? 'HOME' : 'WORK' }];
			}
			const email = check.text(entry.email, `${label}: Email`, 320, false);
			if (email !== '') contact.emails = [{ email, type: 'WORK' }];
			const company = check.text(entry.company, `${label}: Company`, 1000, false);
			if (company !== '') contact.org = { company };
			contacts.push(contact);
		}
		return { type: 'contacts', contacts };
	})();
}

export function buildReaction(context: IExecuteFunctions, check: Checker): IDataObject {
	const messageId = check.messageId(context.getNodeParameter('reactionMessageId', check.itemIndex, ''), 'Message ID to React To');
	const emoji = check.param('emoji', 'Emoji', 10, false);
	return { type: 'reaction', reaction: { message_id: messageId, emoji } };
}
