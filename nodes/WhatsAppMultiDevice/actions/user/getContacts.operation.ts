import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { phoneFromJid } from '../../../shared/phone';
import { applyLimit, dataArray, getListLimit } from '../../helpers/paging';
import { userGet } from '../../helpers/user';
import { limitField, returnAllField } from '../common.descriptions';

const properties: INodeProperties[] = [returnAllField, limitField];

const displayOptions = { show: { resource: ['user'], operation: ['getContacts'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /user/my/contacts: one item per contact `{jid, name, phone}` (`phone` = digits of a phone JID, else null). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const listLimit = getListLimit(this, itemIndex);
	const contacts = applyLimit(dataArray(await userGet.call(this, itemIndex, '/user/my/contacts')), listLimit);
	return contacts.map((contact) => ({ json: { ...contact, phone: phoneFromJid(contact.jid) ?? null } }));
}
