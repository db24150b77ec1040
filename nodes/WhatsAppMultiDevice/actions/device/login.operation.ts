import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaRequest } from '../../../shared/transport';
import { devicePath, getManagedDeviceId } from '../../helpers/devicePath';
import { outputBinaryProperty } from '../../helpers/binary';
import { qrLoginOutput } from '../../helpers/login';
import { outputBinaryField } from '../common.descriptions';
import { deviceField } from './device.descriptions';

const properties: INodeProperties[] = [
	deviceField,
	{ ...outputBinaryField, hint: 'The name of the output binary field to put the QR code (PNG) in' },
];

const displayOptions = { show: { resource: ['device'], operation: ['login'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /devices/{id}/login (GOWA v8.11+): starts QR pairing; outputs `{device_id, qr_link, qr_duration}` and the QR PNG. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const deviceId = getManagedDeviceId(this, itemIndex);
	const property = outputBinaryProperty(this, itemIndex);
	const results = (await gowaRequest.call(this, { method: 'GET', path: devicePath(deviceId, '/login'), itemIndex })) as IDataObject;
	return await qrLoginOutput.call(this, itemIndex, results, property);
}
