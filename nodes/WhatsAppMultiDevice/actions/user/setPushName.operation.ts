import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaEnvelopeRequest } from '../../../shared/transport';
import { deviceOverride } from '../../helpers/device';
import { requireText } from '../../helpers/validation';

const properties: INodeProperties[] = [
	{
		displayName: 'Display Name',
		name: 'pushName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Salon Bella',
		description: 'Name other WhatsApp users see for this account (push name)',
	},
];

const displayOptions = { show: { resource: ['user'], operation: ['setPushName'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** POST /user/pushname `{push_name}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const pushName = requireText(this, itemIndex, 'pushName', 'Display Name').trim();
	const envelope = await gowaEnvelopeRequest.call(this, {
		method: 'POST',
		path: '/user/pushname',
		body: { push_name: pushName },
		deviceScoped: true,
		deviceId: deviceOverride(this, itemIndex),
		itemIndex,
	});
	return [{ json: { success: true, pushName, message: envelope.message ?? '' } }];
}
