import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaEnvelopeRequest } from '../../../shared/transport';
import { deviceOverride } from '../../helpers/device';
import { applyLimit, dataArray, getListLimit } from '../../helpers/paging';
import { limitField, returnAllField } from '../common.descriptions';

const properties: INodeProperties[] = [returnAllField, limitField];

const displayOptions = { show: { resource: ['session'], operation: ['getDevices'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /app/devices (device-scoped, unlike /devices): one item per device `{name, device, jid}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const listLimit = getListLimit(this, itemIndex);
	const envelope = await gowaEnvelopeRequest.call(this, {
		method: 'GET',
		path: '/app/devices',
		deviceScoped: true,
		deviceId: deviceOverride(this, itemIndex),
		itemIndex,
	});
	return applyLimit(dataArray(envelope.results), listLimit).map((json) => ({ json }));
}
