import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaRequest } from '../../../shared/transport';
import { deviceOverride } from '../../helpers/device';
import { getPairingPhone } from '../../helpers/login';
import { pairingPhoneField } from '../common.descriptions';

const properties: INodeProperties[] = [pairingPhoneField];

const displayOptions = { show: { resource: ['session'], operation: ['loginWithCode'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /app/login-with-code?phone=: returns the pairing code to type on the phone (Linked Devices → Link with phone number). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const phone = await getPairingPhone.call(this, itemIndex);
	const results = (await gowaRequest.call(this, {
		method: 'GET',
		path: '/app/login-with-code',
		qs: { phone },
		deviceScoped: true,
		deviceId: deviceOverride(this, itemIndex),
		itemIndex,
	})) as IDataObject;
	return [{ json: { ...results, phone } }];
}
