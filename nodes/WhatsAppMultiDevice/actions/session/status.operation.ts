import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaRequest } from '../../../shared/transport';
import { deviceOverride } from '../../helpers/device';

const properties: INodeProperties[] = [];

const displayOptions = { show: { resource: ['session'], operation: ['status'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /app/status: `{is_connected, is_logged_in, device_id, jid}` of the selected device. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const results = (await gowaRequest.call(this, {
		method: 'GET',
		path: '/app/status',
		deviceScoped: true,
		deviceId: deviceOverride(this, itemIndex),
		itemIndex,
	})) as IDataObject;
	return [{ json: results }];
}
