import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { senderPhoneNumberId } from '../../helpers/context';
import { graphGetAll, wantedCount } from '../../helpers/paging';
import { phoneNumberIdField, returnAllFields } from '../common.descriptions';

const properties: INodeProperties[] = [phoneNumberIdField, ...returnAllFields];

const displayOptions = { show: { resource: ['block'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = await senderPhoneNumberId.call(this, itemIndex);
	const users = await graphGetAll.call(this, [id, 'block_users'], {}, itemIndex, wantedCount(this, itemIndex));
	return users.map((user) => ({ json: user }));
}
