import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { Checker } from '../../helpers/checks';
import { senderPhoneNumberId } from '../../helpers/context';
import { cloudRequest } from '../../transport';
import { phoneNumberIdField } from '../common.descriptions';

const properties: INodeProperties[] = [
	phoneNumberIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: [
			{ displayName: 'About', name: 'about', type: 'string', default: '', description: 'Up to 139 characters' },
			{ displayName: 'Address', name: 'address', type: 'string', default: '', description: 'Up to 256 characters' },
			{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Up to 256 characters' },
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Up to 128 characters' },
			{ displayName: 'Industry', name: 'vertical', type: 'string', default: '', placeholder: 'e.g. BEAUTY', description: 'Meta’s vertical code, e.g. BEAUTY, HEALTH, RESTAURANT, RETAIL, PROF_SERVICES, OTHER' },
			{ displayName: 'Websites', name: 'websites', type: 'string', typeOptions: { multipleValues: true }, default: [], description: 'Up to two http(s) addresses' },
		],
	},
];

const displayOptions = { show: { resource: ['businessProfile'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const LIMITS: Record<string, [string, number]> = { about: ['About', 139], address: ['Address', 256], description: ['Description', 256], email: ['Email', 128], vertical: ['Industry', 64] };

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { messaging_product: 'whatsapp' };
	for (const [key, [label, max]] of Object.entries(LIMITS)) {
		if (fields[key] === undefined) continue;
		body[key] = check.text(fields[key], label, max, key === 'about');
	}
	if (typeof body.email === 'string' && body.email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email)) check.fail(`Email "${body.email}" is not an email address`);
	if (Array.isArray(fields.websites)) body.websites = check.count(fields.websites as string[], 'Websites', 0, 2).map((url) => check.url(url, 'Website'));
	if (Object.keys(body).length === 1) check.fail('Nothing to update', 'Add at least one field under Update Fields.');
	const id = await senderPhoneNumberId.call(this, itemIndex);
	const answer = await cloudRequest.call(this, { method: 'POST', path: [id, 'whatsapp_business_profile'], body, itemIndex });
	return [{ json: { success: answer.success === true, phoneNumberId: id, updated: Object.keys(body).filter((key) => key !== 'messaging_product') } }];
}
