import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { deviceIdFrom } from './device';

/**
 * Encodes a device ID for a `/devices/{device_id}` path. GOWA's router does not unescape these path
 * parameters, so characters that are legal in a path segment (RFC 3986 pchar: letters, digits, `-._~`,
 * `!$&'()*+,;=`, `:` and `@`) are kept as they are — a device JID such as `628…:12@s.whatsapp.net` must
 * reach the server verbatim. Everything else (`/`, `?`, `#`, `%`, spaces, non-ASCII) is percent-encoded
 * so it can never change the route.
 */
export function encodeDevicePathSegment(deviceId: string): string {
	return Array.from(deviceId)
		.map((character) => (/^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/.test(character) ? character : encodeURIComponent(character)))
		.join('');
}

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

/** `/devices/{id}` plus an optional suffix such as `/login/code`. */
export function devicePath(deviceId: string, suffix = ''): string {
	return `/devices/${encodeDevicePathSegment(deviceId)}${suffix}`;
}
