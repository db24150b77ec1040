import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaEnvelopeRequest } from '../../../shared/transport';
import { devicePath, getManagedDeviceId } from '../../helpers/devicePath';
import { deviceField } from './device.descriptions';

const properties: INodeProperties[] = [deviceField];

const displayOptions = { show: { resource: ['device'], operation: ['reconnect'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** POST /devices/{id}/reconnect. Outputs `{success, reconnected, device_id, message}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const deviceId = getManagedDeviceId(this, itemIndex);
	const envelope = await gowaEnvelopeRequest.call(this, { method: 'POST', path: devicePath(deviceId, '/reconnect'), itemIndex });
	return [{ json: { success: true, reconnected: true, device_id: deviceId, message: envelope.message ?? '' } }];
}
