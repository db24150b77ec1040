import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaRequest } from '../../../shared/transport';
import { deviceOverride } from '../../helpers/device';

const properties: INodeProperties[] = [];

const displayOptions = { show: { resource: ['session'], operation: ['passkeyStatus'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /app/passkey: `{device_id, status: none|awaiting_response|awaiting_confirmation, challenge?, code?, skip_handoff_ux?}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const results = (await gowaRequest.call(this, {
		method: 'GET',
		path: '/app/passkey',
		deviceScoped: true,
		deviceId: deviceOverride(this, itemIndex),
		itemIndex,
	})) as IDataObject;
	return [{ json: results }];
}
