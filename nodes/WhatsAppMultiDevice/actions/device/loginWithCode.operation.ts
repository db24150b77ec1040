import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaRequest } from '../../../shared/transport';
import { devicePath, getManagedDeviceId } from '../../helpers/devicePath';
import { getPairingPhone } from '../../helpers/login';
import { pairingPhoneField } from '../common.descriptions';
import { deviceField } from './device.descriptions';

const properties: INodeProperties[] = [deviceField, pairingPhoneField];

const displayOptions = { show: { resource: ['device'], operation: ['loginWithCode'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** POST /devices/{id}/login/code?phone= (no body): outputs `{device_id, pair_code, phone}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const deviceId = getManagedDeviceId(this, itemIndex);
	const phone = await getPairingPhone.call(this, itemIndex);
	const results = (await gowaRequest.call(this, {
		method: 'POST',
		path: devicePath(deviceId, '/login/code'),
		qs: { phone },
		itemIndex,
	})) as IDataObject;
	return [{ json: { ...results, phone } }];
}
