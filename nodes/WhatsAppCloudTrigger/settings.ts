import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

type TriggerContext = IHookFunctions | IWebhookFunctions;

export type CloudEventKind = 'message' | 'status' | 'error';

/** One day: Meta's redeliveries of an event answered with 200 come within hours. */
export const DEFAULT_DEDUP_MINUTES = 1440;
/** Seven days, the longest Meta says it retries a delivery. */
export const DEFAULT_MAX_AGE_MINUTES = 10_080;

const KINDS: CloudEventKind[] = ['message', 'status', 'error'];
const STATUSES = ['sent', 'delivered', 'read', 'played', 'failed'];

/** The trigger's parameters, read once per call. */
export interface CloudTriggerSettings {
	kinds: Set<CloudEventKind>;
	statuses: Set<string>;
	/** Business phone number IDs to accept; empty = all. */
	phoneNumberIds: Set<string>;
	registers: boolean;
	downloadMedia: boolean;
	binaryPropertyName: string;
	dedupWindowMs: number;
	maxEventAgeMs: number;
}

/** A minutes option: a finite number ≥ 0 (0 = off), the fallback when unset or not a number. */
function minutes(value: unknown, fallback: number): number {
	const number = value === undefined || value === null || value === '' ? Number.NaN : Number(value);
	return Number.isFinite(number) ? Math.max(0, number) : fallback;
}

function list(value: unknown, allowed: string[]): string[] {
	return (Array.isArray(value) ? value : [value]).map(String).filter((entry) => allowed.includes(entry));
}

export function readSettings(context: TriggerContext): CloudTriggerSettings {
	const options = (context.getNodeParameter('options', {}) ?? {}) as IDataObject;
	const ids = String(context.getNodeParameter('phoneNumberIds', '') ?? '');
	const property = String(context.getNodeParameter('binaryPropertyName', 'data') ?? '').trim();
	return {
		kinds: new Set(list(context.getNodeParameter('events', ['message']), KINDS) as CloudEventKind[]),
		statuses: new Set(list(context.getNodeParameter('statuses', STATUSES), STATUSES)),
		phoneNumberIds: new Set(ids.split(/[\s,;]+/).filter((id) => id !== '')),
		registers: context.getNodeParameter('registration', 'manual') === 'subscribeWaba',
		downloadMedia: context.getNodeParameter('downloadMedia', false) === true,
		binaryPropertyName: property === '' ? 'data' : property,
		dedupWindowMs: minutes(options.dedupWindowMinutes, DEFAULT_DEDUP_MINUTES) * 60_000,
		maxEventAgeMs: minutes(options.maxEventAgeMinutes, DEFAULT_MAX_AGE_MINUTES) * 60_000,
	};
}

/** A text field of the trigger's credential ('' when absent). */
export async function credentialText(context: TriggerContext, field: 'appSecret' | 'verifyToken'): Promise<string> {
	const credentials = await context.getCredentials('whatsAppCloudApi');
	const value = credentials[field];
	return typeof value === 'string' ? value.trim() : '';
}
