import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { Checker } from '../../helpers/checks';
import { cloudRecipient, senderPhoneNumberId } from '../../helpers/context';
import { cloudRequest } from '../../transport';
import { phoneNumberIdField } from '../common.descriptions';

/** Block and Unblock share their fields and request shape: `{messaging_product, block_users:[{user}]}`. */
export const blockFields: INodeProperties[] = [
	phoneNumberIdField,
	{
		displayName: 'Users',
		name: 'users',
		type: 'string',
		typeOptions: { multipleValues: true },
		default: [],
		required: true,
		placeholder: 'e.g. +62 812-3456-7890',
		description: 'Phone numbers of the WhatsApp users (only users who wrote to this number in the last 24 hours can be blocked)',
	},
];

export async function changeBlock(this: IExecuteFunctions, itemIndex: number, method: 'POST' | 'DELETE'): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex);
	const raw = this.getNodeParameter('users', itemIndex, []) as unknown;
	const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
	check.count(list, 'Users', 1, 1000);
	const users: string[] = [];
	for (const entry of list) users.push(await cloudRecipient.call(this, itemIndex, entry, 'Users'));
	const id = await senderPhoneNumberId.call(this, itemIndex);
	const body: IDataObject = { messaging_product: 'whatsapp', block_users: users.map((user) => ({ user })) };
	const answer = await cloudRequest.call(this, { method, path: [id, 'block_users'], body, itemIndex });
	const result = (answer.block_users ?? {}) as IDataObject;
	return [{ json: { success: true, action: method === 'POST' ? 'blocked' : 'unblocked', phoneNumberId: id, users, ...result } }];
}
