import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaEnvelopeRequest } from '../../../shared/transport';
import { devicePath, getManagedDeviceId } from '../../helpers/devicePath';
import { deviceField } from './device.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'This unlinks the WhatsApp account from the device: it must be paired again before it can send. The device slot and its ID are kept.',
		name: 'logoutNotice',
		type: 'notice',
		default: '',
	},
	deviceField,
];

const displayOptions = { show: { resource: ['device'], operation: ['logout'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** POST /devices/{id}/logout: unlinks WhatsApp, keeps the slot. Outputs `{success, loggedOut, device_id, message}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const deviceId = getManagedDeviceId(this, itemIndex);
	const envelope = await gowaEnvelopeRequest.call(this, { method: 'POST', path: devicePath(deviceId, '/logout'), itemIndex });
	return [{ json: { success: true, loggedOut: true, device_id: deviceId, message: envelope.message ?? '' } }];
}
