import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaEnvelopeRequest } from '../../../shared/transport';
import { actionResult } from '../../helpers/actionResult';
import { deviceOverride } from '../../helpers/device';

const properties: INodeProperties[] = [
	{
		displayName: 'This unlinks the WhatsApp account from the device: it must be paired again (QR code or pairing code) before it can send. The device slot and its ID are kept.',
		name: 'logoutNotice',
		type: 'notice',
		default: '',
	},
];

const displayOptions = { show: { resource: ['session'], operation: ['logout'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /app/logout: unlinks the WhatsApp session of the selected device, keeping its slot. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelope = await gowaEnvelopeRequest.call(this, {
		method: 'GET',
		path: '/app/logout',
		deviceScoped: true,
		deviceId: deviceOverride(this, itemIndex),
		itemIndex,
	});
	return [{ json: actionResult(envelope, { loggedOut: true }) }];
}
