import type { IExecuteFunctions } from 'n8n-workflow';

/** A device parameter's value: a plain string, or a resource-locator value `{ mode, value }`. */
export function deviceIdFrom(value: unknown): string {
	const raw = value && typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value;
	return raw === undefined || raw === null ? '' : String(raw).trim();
}

/** The per-item Device override ('' = the credential's Default Device ID). */
export function deviceOverride(context: IExecuteFunctions, itemIndex: number): string {
	return deviceIdFrom(context.getNodeParameter('deviceId', itemIndex, ''));
}
