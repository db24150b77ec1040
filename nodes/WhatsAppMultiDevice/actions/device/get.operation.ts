import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaRequest } from '../../../shared/transport';
import { devicePath, getManagedDeviceId } from '../../helpers/devicePath';
import { deviceField } from './device.descriptions';

const properties: INodeProperties[] = [deviceField];

const displayOptions = { show: { resource: ['device'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /devices/{id}: the device `{id, phone_number, display_name, state, jid, created_at}`. GOWA answers 500 for unknown IDs. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const deviceId = getManagedDeviceId(this, itemIndex);
	const results = (await gowaRequest.call(this, { method: 'GET', path: devicePath(deviceId), itemIndex })) as IDataObject;
	return [{ json: results }];
}
