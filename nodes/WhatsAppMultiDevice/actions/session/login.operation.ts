import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaRequest } from '../../../shared/transport';
import { deviceOverride } from '../../helpers/device';
import { outputBinaryProperty } from '../../helpers/binary';
import { qrLoginOutput } from '../../helpers/login';
import { outputBinaryField } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		...outputBinaryField,
		hint: 'The name of the output binary field to put the QR code (PNG) in',
	},
];

const displayOptions = { show: { resource: ['session'], operation: ['login'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /app/login: starts QR pairing of the selected device; outputs the QR code as a PNG binary. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const property = outputBinaryProperty(this, itemIndex);
	const results = (await gowaRequest.call(this, {
		method: 'GET',
		path: '/app/login',
		deviceScoped: true,
		deviceId: deviceOverride(this, itemIndex),
		itemIndex,
	})) as IDataObject;
	return await qrLoginOutput.call(this, itemIndex, results, property);
}
