import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaEnvelopeRequest } from '../../../shared/transport';
import { devicePath, getManagedDeviceId } from '../../helpers/devicePath';
import { deviceField } from './device.descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'Deleting a device logs it out of WhatsApp and erases its session, chat history and settings on the server. It cannot be undone. To only unlink WhatsApp and keep the slot, use Log Out.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	deviceField,
];

const displayOptions = { show: { resource: ['device'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** DELETE /devices/{id}: full purge of the slot. Outputs `{deleted: true, device_id, message}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const deviceId = getManagedDeviceId(this, itemIndex);
	const envelope = await gowaEnvelopeRequest.call(this, { method: 'DELETE', path: devicePath(deviceId), itemIndex });
	return [{ json: { deleted: true, device_id: deviceId, message: envelope.message ?? '' } }];
}
