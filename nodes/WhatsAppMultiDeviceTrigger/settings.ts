import type { ICredentialDataDecryptedObject, IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../shared/transport';
import { DEFAULT_WINDOW_MINUTES } from './dedup';
import { selectedEvents } from './events';
import type { EventFilter } from './filters';
import { buildFilter } from './filters';

type TriggerContext = IHookFunctions | IWebhookFunctions;

export type SecretSource = 'generated' | 'credential';

/** The parameters that decide how a delivery is verified: all a forged post makes the trigger read. */
export interface VerificationSettings {
	/** Device whose webhook the trigger registers; '' = GOWA is pointed at the trigger by hand. */
	deviceId: string;
	/** Whether activation registers the webhook on the device (only with a device). */
	registers: boolean;
	secretSource: SecretSource;
	verifySignature: boolean;
	options: IDataObject;
}

/** The trigger's parameters, each read once per call. */
export interface TriggerSettings extends VerificationSettings {
	events: string[];
	ignoreFromMe: boolean;
	ignoreGroups: boolean;
	dedupWindowMs: number;
	/** Events whose own timestamp is older than this are answered and dropped; 0 = no limit. */
	maxEventAgeMs: number;
	downloadMedia: boolean;
	binaryPropertyName: string;
	insecureSkipVerify: boolean;
}

function stringParameter(context: TriggerContext, name: string): string {
	const value = context.getNodeParameter(name, '') as unknown;
	return typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value).trim();
}

/** A minutes option: a finite number ≥ 0 (0 = off), the fallback when unset or not a number. */
function minutes(value: unknown, fallback: number): number {
	const number = value === undefined || value === null || value === '' ? Number.NaN : Number(value);
	return Number.isFinite(number) ? Math.max(0, number) : fallback;
}

export function readVerificationSettings(context: TriggerContext): VerificationSettings {
	const options = (context.getNodeParameter('options', {}) ?? {}) as IDataObject;
	const deviceId = stringParameter(context, 'deviceId');
	const registers = deviceId !== '' && context.getNodeParameter('registerWebhook', true) !== false;
	return {
		deviceId,
		registers,
		// Without a registration GOWA's own --webhook-secret applies, which only the credential can hold.
		secretSource: registers && context.getNodeParameter('secretSource', 'generated') !== 'credential' ? 'generated' : 'credential',
		verifySignature: options.disableSignatureCheck !== true,
		options,
	};
}

/** All parameters; those of `verification` (already read for this call) are not read again. */
export function readSettings(context: TriggerContext, verification = readVerificationSettings(context)): TriggerSettings {
	const options = verification.options;
	const window = minutes(options.dedupWindowMinutes, DEFAULT_WINDOW_MINUTES);
	// Version 1 kept these in Options, off while absent; 1.1 shows them as parameters with their defaults.
	const visible = context.getNode().typeVersion >= 1.1;
	const flag = (name: string, fallback: boolean) => (visible ? context.getNodeParameter(name, fallback) === true : options[name] === true);
	const binaryProperty = visible ? context.getNodeParameter('binaryPropertyName', 'data') : options.binaryPropertyName;
	const property = typeof binaryProperty === 'string' ? binaryProperty.trim() : '';
	return {
		...verification,
		events: selectedEvents(context.getNodeParameter('events', ['message'])),
		dedupWindowMs: window * 60_000,
		// Unset: the deduplication window, so an event the window has forgotten cannot be replayed.
		maxEventAgeMs: minutes(options.maxEventAgeMinutes, window) * 60_000,
		ignoreFromMe: flag('ignoreFromMe', true),
		ignoreGroups: flag('ignoreGroups', true),
		downloadMedia: flag('downloadMedia', false),
		binaryPropertyName: property === '' ? 'data' : property,
		insecureSkipVerify: options.insecureSkipVerify === true,
	};
}

/**
 * The trigger's credential, decrypted once per call: n8n answers each getCredentials with a database read, a
 * decryption and — with its default expression engine — a new expression isolate, so the password, the webhook
 * secret and the country code of one delivery come from one read. Keyed by the call's context object (n8n makes
 * one per request and per activation hook), so a changed credential is read on the next call.
 */
const credentialsOfCall = new WeakMap<object, Promise<ICredentialDataDecryptedObject>>();

function credentialsOf(context: TriggerContext): Promise<ICredentialDataDecryptedObject> {
	let pending = credentialsOfCall.get(context);
	if (pending === undefined) {
		pending = context.getCredentials(CREDENTIAL_TYPE);
		credentialsOfCall.set(context, pending);
	}
	return pending;
}

export async function credentialField(context: TriggerContext, field: string): Promise<string> {
	const credentials = await credentialsOf(context);
	const value = credentials[field];
	return typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value).trim();
}

/** The event filter of the options; a bad entry becomes an error that names the option and how to fix it. */
export async function readFilter(context: TriggerContext, settings: TriggerSettings): Promise<EventFilter> {
	const options = settings.options;
	const needsCountryCode = options.senders !== undefined || options.chats !== undefined;
	const countryCode = needsCountryCode ? await credentialField(context, 'defaultCountryCode') : '';
	return buildFilter(
		{
			events: settings.events,
			ignoreFromMe: settings.ignoreFromMe,
			ignoreGroups: settings.ignoreGroups,
			chats: options.chats,
			senders: options.senders,
			deviceIds: options.deviceIds,
			sessionIds: options.sessionIds,
		},
		countryCode,
		(option, entry, hint) => {
			throw new NodeOperationError(context.getNode(), `${option}: "${entry}" is not a phone number or chat`, {
				description: hint,
			});
		},
	);
}
