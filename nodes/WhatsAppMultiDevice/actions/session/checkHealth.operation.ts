import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { deviceOverride } from '../../helpers/device';
import { checkEndpointHealth } from '../../helpers/endpointHealth';
import { getConnection } from '../../../shared/transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Require Logged-In Device',
				name: 'requireLoggedIn',
				type: 'boolean',
				default: true,
				description:
					'Whether the endpoint only counts as healthy when its device is logged in and connected to WhatsApp: the Device ID of the node, else the credential’s Default Device ID, else every device of the server',
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeout',
				type: 'number',
				default: 10,
				typeOptions: { minValue: 1 },
				description: 'How long each probe request may take before the server counts as not answering',
			},
		],
	},
];

const displayOptions = { show: { resource: ['session'], operation: ['checkHealth'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * One report `{healthy, reason, problems, version, latencyMs, devices, loggedIn, …}` from /health, /app/info,
 * /devices and /app/status. A server that is down gives healthy: false; only credential problems throw.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const timeout = options.timeout === undefined ? 10 : Number(options.timeout);
	if (!Number.isFinite(timeout) || timeout <= 0) {
		throw new NodeOperationError(this.getNode(), `Timeout (Seconds) must be a positive number, not "${String(options.timeout)}"`, { itemIndex });
	}
	const deviceId = deviceOverride(this, itemIndex) || (await getConnection.call(this, itemIndex)).defaultDeviceId;
	const report = await checkEndpointHealth.call(this, itemIndex, {
		timeoutMs: Math.round(timeout * 1000),
		deviceId,
		requireLoggedIn: options.requireLoggedIn !== false,
	});
	return [{ json: report }];
}
