import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { deviceIdFrom } from './device';

export { devicePath, encodeDevicePathSegment } from '../../shared/path';

/** Reads the Device ID of a Device operation (required, trimmed). */
export function getManagedDeviceId(context: IExecuteFunctions, itemIndex: number, parameterName = 'device'): string {
	const deviceId = deviceIdFrom(context.getNodeParameter(parameterName, itemIndex, ''));
	if (deviceId === '') {
		throw new NodeOperationError(context.getNode(), 'Device ID is empty', {
			itemIndex,
			description: 'Enter the ID of the device slot (as created with Device → Add), or its WhatsApp JID. Device → Get Many lists them.',
		});
	}
	return deviceId;
}
