import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaEnvelopeRequest } from '../../../shared/transport';
import { actionResult } from '../../helpers/actionResult';
import { deviceOverride } from '../../helpers/device';

const properties: INodeProperties[] = [];

const displayOptions = { show: { resource: ['session'], operation: ['reconnect'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /app/reconnect: reconnects the selected device to WhatsApp (it must have been paired before). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelope = await gowaEnvelopeRequest.call(this, {
		method: 'GET',
		path: '/app/reconnect',
		deviceScoped: true,
		deviceId: deviceOverride(this, itemIndex),
		itemIndex,
	});
	return [{ json: actionResult(envelope, { reconnected: true }) }];
}
