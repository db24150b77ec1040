import type { IExecuteFunctions } from 'n8n-workflow';

/** The per-item Device ID override ('' = the credential's Default Device ID). */
export function deviceOverride(context: IExecuteFunctions, itemIndex: number): string {
	const value = context.getNodeParameter('deviceId', itemIndex, '') as unknown;
	return typeof value === 'string' ? value.trim() : String(value ?? '').trim();
}
