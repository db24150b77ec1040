import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaEnvelopeRequest } from '../../../shared/transport';
import { applyLimit, dataArray, getListLimit } from '../../helpers/paging';
import { limitField, returnAllField } from '../common.descriptions';

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'State',
				name: 'state',
				type: 'multiOptions',
				default: [],
				options: [
					{ name: 'Connected', value: 'connected' },
					{ name: 'Connecting', value: 'connecting' },
					{ name: 'Disconnected', value: 'disconnected' },
					{ name: 'Logged In', value: 'logged_in' },
				],
				description: 'Only devices in one of these states',
			},
		],
	},
];

const displayOptions = { show: { resource: ['device'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /devices: one item per device `{id, phone_number, display_name, state, jid, created_at}` (none on a fresh server). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const listLimit = getListLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const states = Array.isArray(filters.state) ? (filters.state as string[]) : [];
	const envelope = await gowaEnvelopeRequest.call(this, { method: 'GET', path: '/devices', itemIndex });
	const devices = dataArray(envelope.results).filter((device) => states.length === 0 || states.includes(String(device.state)));
	return applyLimit(devices, listLimit).map((json) => ({ json }));
}
