import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { dropLegacyKeys } from './dedup';
import type { DeviceWebhookConfig } from './deviceWebhook';
import { NO_DEVICE_WEBHOOK, findDeviceWebhook, readDeviceWebhook, writeDeviceWebhook } from './deviceWebhook';
import { eventsForGowa, normaliseGowaEvents } from './events';
import { deriveWebhookSecret, openSealed, sealSecret, secretContext } from './secret';
import type { TriggerSettings, VerificationSettings } from './settings';
import { credentialField, readFilter, readSettings } from './settings';

/**
 * Activation registers this trigger on the chosen GOWA device (`PATCH /devices/{id}/webhook`, GOWA v8.10+)
 * and deactivation puts back what was there before. GOWA's PATCH replaces the whole configuration, so the
 * previous one is kept in the node's static data — its secret sealed (secret.ts), never in clear. That record is
 * best effort (queue-mode workers overwrite static data): without it, deactivation clears the device's webhook
 * rather than leave it pointing at a URL that no longer answers.
 */

export interface RegistrationRecord {
	deviceId: string;
	webhookUrl: string;
	events: string;
	/** The device's configuration before this trigger registered itself, without its secret. */
	previous: Omit<DeviceWebhookConfig, 'webhook_secret'> & { webhook_secret?: string };
	/** The previous secret, sealed with a key derived from the credential. */
	previousSecret?: string;
	registeredAt: string;
}

const STATIC_FIELD = 'registration';

export function readRecord(context: IHookFunctions | IWebhookFunctions): RegistrationRecord | undefined {
	const value = context.getWorkflowStaticData('node')[STATIC_FIELD];
	if (typeof value !== 'object' || value === null) return undefined;
	const record = value as unknown as RegistrationRecord;
	return typeof record.deviceId === 'string' && typeof record.webhookUrl === 'string' && typeof record.previous === 'object' ? record : undefined;
}

/** A record written by version 0.1 holds secrets in clear (the generated one, the previous receiver's). */
function holdsSecretsInClear(record: RegistrationRecord): boolean {
	return (record as unknown as IDataObject).secret !== undefined || Boolean(record.previous.webhook_secret);
}

function clearRecord(context: IHookFunctions): void {
	delete context.getWorkflowStaticData('node')[STATIC_FIELD];
}

function ownWebhookUrl(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) {
		throw new NodeOperationError(context.getNode(), 'n8n did not give this trigger a webhook URL to register', {
			description: 'Set WEBHOOK_URL in n8n’s environment to the address GOWA can reach n8n at, e.g. https://n8n.example.com/.',
		});
	}
	return url;
}

/** The secret GOWA must sign with for this trigger: derived from the credential, or the credential's own. */
export async function expectedSecret(context: IHookFunctions | IWebhookFunctions, settings: VerificationSettings): Promise<string> {
	if (settings.secretSource === 'generated') {
		const { key, scope } = await secretContext(context, settings.deviceId);
		return key === undefined ? '' : deriveWebhookSecret(key, scope);
	}
	return await credentialField(context, 'webhookSecret');
}

function missingSecretError(context: IHookFunctions, settings: TriggerSettings): NodeOperationError {
	if (settings.secretSource === 'generated' && settings.registers) {
		return new NodeOperationError(context.getNode(), 'The credential has no Password and no Webhook Secret to derive this trigger’s secret from', {
			description:
				'Webhook Secret → Generated for This Trigger derives the secret from the credential’s Password (GOWA --basic-auth). Set a Password, or a Webhook Secret in the credential (any long random value).',
		});
	}
	return new NodeOperationError(context.getNode(), 'The credential has no Webhook Secret, so no event could be verified', {
		description: settings.registers
			? 'Set Webhook Secret in the WhatsApp MultiDevice API credential, or choose Webhook Secret → Generated for This Trigger.'
			: 'Set Webhook Secret in the WhatsApp MultiDevice API credential to a long random value and start GOWA with the same value in --webhook-secret (WHATSAPP_WEBHOOK_SECRET).',
	});
}

/**
 * `checkExists`: is this trigger's URL, secret and event list registered on the device? Decided from the device
 * alone (no stored state); a changed credential changes the expected secret, so the trigger registers again.
 */
export async function webhookExists(this: IHookFunctions): Promise<boolean> {
	const settings = readSettings(this);
	// Without a registration there is nothing remote to look up; create() checks the manual setup instead.
	if (!settings.registers) return false;
	const record = readRecord(this);
	if (record !== undefined && holdsSecretsInClear(record)) return false;
	const secret = await expectedSecret(this, settings);
	const current = await readDeviceWebhook.call(this, settings.deviceId);
	return (
		secret !== '' &&
		current.webhook_url === ownWebhookUrl(this) &&
		current.webhook_secret === secret &&
		normaliseGowaEvents(current.webhook_events) === eventsForGowa(settings.events) &&
		current.webhook_insecure_skip_verify === settings.insecureSkipVerify
	);
}

/** What deactivation will restore: the record's previous configuration, sealing a secret still in clear. */
function previousOf(current: DeviceWebhookConfig, url: string, ours: RegistrationRecord | undefined): DeviceWebhookConfig | RegistrationRecord {
	if (current.webhook_url !== url) return current;
	// Already pointing here: what this trigger found the first time, or (unknown) GOWA's global settings.
	return ours?.webhookUrl === url ? ours : NO_DEVICE_WEBHOOK;
}

/** `create`: checks the options, then points the device's webhook at this trigger, remembering the old one. */
export async function registerWebhook(this: IHookFunctions): Promise<boolean> {
	const settings = readSettings(this);
	await readFilter(this, settings);
	const staticData = this.getWorkflowStaticData('node');
	dropLegacyKeys(staticData);

	if (!settings.registers) {
		if (settings.verifySignature && (await credentialField(this, 'webhookSecret')) === '') throw missingSecretError(this, settings);
		return true;
	}

	const secret = await expectedSecret(this, settings);
	if (secret === '' && (settings.verifySignature || settings.secretSource === 'generated')) throw missingSecretError(this, settings);
	const url = ownWebhookUrl(this);
	const current = await readDeviceWebhook.call(this, settings.deviceId);
	const record = readRecord(this);
	const previous = previousOf(current, url, record?.deviceId === settings.deviceId ? record : undefined);

	const events = eventsForGowa(settings.events);
	const stored = await writeDeviceWebhook.call(this, settings.deviceId, {
		webhook_url: url,
		webhook_secret: secret,
		webhook_events: events,
		webhook_insecure_skip_verify: settings.insecureSkipVerify,
	});
	if (stored.webhook_url !== url) {
		throw new NodeOperationError(this.getNode(), `GOWA did not store the webhook URL of device "${settings.deviceId}"`, {
			description: 'Per-device webhooks need GOWA v8.10 or later. Update GOWA, or leave Device ID empty and set --webhook yourself.',
		});
	}
	staticData[STATIC_FIELD] = (await newRecord(this, settings.deviceId, url, events, previous)) as unknown as IDataObject;
	return true;
}

async function newRecord(
	context: IHookFunctions,
	deviceId: string,
	url: string,
	events: string,
	previous: DeviceWebhookConfig | RegistrationRecord,
): Promise<RegistrationRecord> {
	const record: RegistrationRecord = { deviceId, webhookUrl: url, events, previous: NO_DEVICE_WEBHOOK, registeredAt: new Date().toISOString() };
	if ('deviceId' in previous) {
		// Carried over from this trigger's earlier registration (a clear 0.1 secret is sealed now).
		const clear = previous.previous.webhook_secret;
		record.previous = { webhook_url: previous.previous.webhook_url, webhook_events: previous.previous.webhook_events, webhook_insecure_skip_verify: previous.previous.webhook_insecure_skip_verify };
		if (previous.previousSecret !== undefined) record.previousSecret = previous.previousSecret;
		if (clear) record.previousSecret = await seal(context, deviceId, clear);
		return record;
	}
	const { webhook_secret: secret, ...rest } = previous;
	record.previous = rest;
	if (secret !== '') record.previousSecret = await seal(context, deviceId, secret);
	return record;
}

async function seal(context: IHookFunctions, deviceId: string, secret: string): Promise<string> {
	const { key, scope } = await secretContext(context, deviceId);
	// registerWebhook() refused already when there is no key material; this keeps the type honest.
	if (key === undefined) throw new NodeOperationError(context.getNode(), 'The credential has no Password and no Webhook Secret');
	return sealSecret(secret, key, scope);
}

/** The configuration to put back: the previous one with its secret unsealed, or none when that is impossible. */
async function restorable(context: IHookFunctions, record: RegistrationRecord): Promise<DeviceWebhookConfig> {
	const { webhook_url, webhook_events, webhook_insecure_skip_verify } = record.previous;
	let secret = record.previous.webhook_secret ?? '';
	if (record.previousSecret !== undefined) {
		const { key, scope } = await secretContext(context, record.deviceId);
		const opened = key === undefined ? undefined : openSealed(record.previousSecret, key, scope);
		if (opened === undefined) {
			context.logger.warn(
				`WhatsApp MultiDevice Trigger: the previous webhook of device "${record.deviceId}" cannot be restored (its secret was sealed with a credential that has changed since); the device now uses GOWA's global webhook`,
			);
			return NO_DEVICE_WEBHOOK;
		}
		secret = opened;
	}
	return { webhook_url, webhook_secret: secret, webhook_events, webhook_insecure_skip_verify };
}

/**
 * `delete`: restores the device's previous webhook, unless someone has pointed it elsewhere since. Without a
 * record (lost static data) a device still pointing here is cleared, never left pointing at a dead URL.
 */
export async function unregisterWebhook(this: IHookFunctions): Promise<boolean> {
	const record = readRecord(this);
	const settings = readSettings(this);
	const deviceId = record?.deviceId ?? (settings.registers ? settings.deviceId : undefined);
	if (deviceId === undefined) return true;
	const current = await findDeviceWebhook.call(this, deviceId);
	if (current === undefined) {
		// The device was removed from GOWA: its webhook went with it, there is nothing to restore.
		this.logger.info(`WhatsApp MultiDevice Trigger: device "${deviceId}" no longer exists, no webhook to restore`);
		clearRecord(this);
		return true;
	}
	if (current.webhook_url === (record?.webhookUrl ?? ownWebhookUrl(this))) {
		await writeDeviceWebhook.call(this, deviceId, record !== undefined ? await restorable(this, record) : NO_DEVICE_WEBHOOK);
	} else {
		this.logger.info(`WhatsApp MultiDevice Trigger: the webhook of device "${deviceId}" was changed by someone else; left as it is`);
	}
	clearRecord(this);
	return true;
}
