import { randomBytes } from 'node:crypto';
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { gowaFailureOf } from '../shared/errors';
import { devicePath } from '../shared/path';
import { gowaRequest } from '../shared/transport';
import { eventsForGowa, normaliseGowaEvents } from './events';
import type { TriggerSettings } from './settings';
import { credentialField, readFilter, readSettings } from './settings';

/**
 * Activation registers this trigger on the chosen GOWA device (`PATCH /devices/{id}/webhook`, GOWA v8.10+)
 * and deactivation puts back what was there before. GOWA's PATCH replaces the whole configuration, so the
 * previous one is kept in the node's static data together with what was registered.
 */

export interface DeviceWebhookConfig {
	webhook_url: string;
	webhook_secret: string;
	webhook_events: string;
	webhook_insecure_skip_verify: boolean;
}

export interface RegistrationRecord {
	deviceId: string;
	webhookUrl: string;
	/** Secret generated for this trigger (absent when the credential's secret is used). */
	secret?: string;
	events: string;
	/** The device's configuration before this trigger registered itself, restored on deactivation. */
	previous: DeviceWebhookConfig;
	registeredAt: string;
}

const STATIC_FIELD = 'registration';

/** No device webhook: GOWA falls back to its global --webhook settings. */
export const NO_DEVICE_WEBHOOK: DeviceWebhookConfig = {
	webhook_url: '',
	webhook_secret: '',
	webhook_events: '',
	webhook_insecure_skip_verify: false,
};

export function readRecord(context: IHookFunctions | IWebhookFunctions): RegistrationRecord | undefined {
	const value = context.getWorkflowStaticData('node')[STATIC_FIELD];
	if (typeof value !== 'object' || value === null) return undefined;
	const record = value as unknown as RegistrationRecord;
	return typeof record.deviceId === 'string' && typeof record.webhookUrl === 'string' ? record : undefined;
}

function writeRecord(context: IHookFunctions, record: RegistrationRecord): void {
	context.getWorkflowStaticData('node')[STATIC_FIELD] = record as unknown as IDataObject;
}

function clearRecord(context: IHookFunctions): void {
	delete context.getWorkflowStaticData('node')[STATIC_FIELD];
}

function asConfig(results: IDataObject | IDataObject[]): DeviceWebhookConfig {
	const data = (Array.isArray(results) ? (results[0] ?? {}) : results) as IDataObject;
	const text = (value: unknown) => (typeof value === 'string' ? value : '');
	return {
		webhook_url: text(data.webhook_url),
		webhook_secret: text(data.webhook_secret),
		webhook_events: text(data.webhook_events),
		webhook_insecure_skip_verify: data.webhook_insecure_skip_verify === true,
	};
}

/** Errors from the transport already are n8n errors; anything else is wrapped so n8n shows it properly. */
function asNodeError(context: IHookFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error);
}

function webhookPath(deviceId: string): string {
	return devicePath(deviceId, '/webhook');
}

/** GOWA's JSON 404 (`NOT_FOUND`) for an unknown device; a plain-text 404 (no such route: GOWA before v8.10) is not that. */
function isUnknownDevice(error: unknown): boolean {
	const failure = gowaFailureOf(error)?.failure;
	return failure?.httpCode === 404 && failure.code !== undefined;
}

/** The device's webhook configuration, or undefined when GOWA does not know the device. */
async function findDeviceWebhook(this: IHookFunctions, deviceId: string): Promise<DeviceWebhookConfig | undefined> {
	try {
		return asConfig(await gowaRequest.call(this, { method: 'GET', path: webhookPath(deviceId) }));
	} catch (error) {
		if (isUnknownDevice(error)) return undefined;
		throw asNodeError(this, error);
	}
}

export async function readDeviceWebhook(this: IHookFunctions, deviceId: string): Promise<DeviceWebhookConfig> {
	const config = await findDeviceWebhook.call(this, deviceId);
	if (config === undefined) {
		throw new NodeOperationError(this.getNode(), `GOWA has no device "${deviceId}"`, {
			description:
				'Check Device ID of the trigger: a device slot ID as listed by GET /devices (WhatsApp MultiDevice node → Device → Get Many) or the device’s WhatsApp JID.',
		});
	}
	return config;
}

async function writeDeviceWebhook(this: IHookFunctions, deviceId: string, config: DeviceWebhookConfig): Promise<DeviceWebhookConfig> {
	return asConfig(await gowaRequest.call(this, { method: 'PATCH', path: webhookPath(deviceId), body: { ...config } }));
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

/** The secret GOWA must sign with for this trigger: the generated one in static data, or the credential's. */
export async function expectedSecret(
	context: IHookFunctions | IWebhookFunctions,
	settings: TriggerSettings,
	record = readRecord(context),
): Promise<string> {
	if (settings.secretSource === 'generated') {
		return record?.deviceId === settings.deviceId ? (record.secret ?? '') : '';
	}
	return await credentialField(context, 'webhookSecret');
}

function missingSecretError(context: IHookFunctions, manual: boolean): NodeOperationError {
	return new NodeOperationError(context.getNode(), 'The credential has no Webhook Secret, so no event could be verified', {
		description: manual
			? 'Set Webhook Secret in the WhatsApp MultiDevice API credential to a long random value and start GOWA with the same value in --webhook-secret (WHATSAPP_WEBHOOK_SECRET).'
			: 'Set Webhook Secret in the WhatsApp MultiDevice API credential, or choose Webhook Secret → Generated for This Trigger.',
	});
}

/** `checkExists`: is this trigger's URL, secret and event list registered on the device already? */
export async function webhookExists(this: IHookFunctions): Promise<boolean> {
	const settings = readSettings(this);
	// Without a registration there is nothing remote to look up; create() checks the manual setup instead.
	if (!settings.registers) return false;
	const record = readRecord(this);
	if (record === undefined || record.deviceId !== settings.deviceId) return false;
	const current = await readDeviceWebhook.call(this, settings.deviceId);
	return (
		current.webhook_url === ownWebhookUrl(this) &&
		current.webhook_secret === (await expectedSecret(this, settings, record)) &&
		normaliseGowaEvents(current.webhook_events) === eventsForGowa(settings.events) &&
		current.webhook_insecure_skip_verify === settings.insecureSkipVerify
	);
}

/** `create`: checks the options, then points the device's webhook at this trigger, remembering the old one. */
export async function registerWebhook(this: IHookFunctions): Promise<boolean> {
	const settings = readSettings(this);
	await readFilter(this, settings);

	if (!settings.registers) {
		if (settings.verifySignature && (await credentialField(this, 'webhookSecret')) === '') {
			throw missingSecretError(this, true);
		}
		return true;
	}

	const url = ownWebhookUrl(this);
	const current = await readDeviceWebhook.call(this, settings.deviceId);
	const record = readRecord(this);
	const ours = record?.deviceId === settings.deviceId ? record : undefined;
	// Already pointing here: restore what this trigger found the first time, or (unknown) GOWA's global settings.
	const previous = current.webhook_url === url ? (ours?.webhookUrl === url ? ours.previous : NO_DEVICE_WEBHOOK) : current;

	let secret: string;
	if (settings.secretSource === 'generated') {
		secret = ours?.secret ?? randomBytes(32).toString('hex');
	} else {
		secret = await credentialField(this, 'webhookSecret');
		if (secret === '' && settings.verifySignature) throw missingSecretError(this, false);
	}

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
	writeRecord(this, {
		deviceId: settings.deviceId,
		webhookUrl: url,
		...(settings.secretSource === 'generated' ? { secret } : {}),
		events,
		previous,
		registeredAt: new Date().toISOString(),
	});
	return true;
}

/** `delete`: restores the device's previous webhook, unless someone has pointed it elsewhere since. */
export async function unregisterWebhook(this: IHookFunctions): Promise<boolean> {
	const record = readRecord(this);
	if (record === undefined) return true;
	const current = await findDeviceWebhook.call(this, record.deviceId);
	if (current === undefined) {
		// The device was removed from GOWA: its webhook went with it, there is nothing to restore.
		this.logger.info(`WhatsApp MultiDevice Trigger: device "${record.deviceId}" no longer exists, no webhook to restore`);
		clearRecord(this);
		return true;
	}
	if (current.webhook_url === record.webhookUrl) {
		await writeDeviceWebhook.call(this, record.deviceId, record.previous);
	} else {
		this.logger.info(
			`WhatsApp MultiDevice Trigger: the webhook of device "${record.deviceId}" was changed by someone else; left as it is`,
		);
	}
	clearRecord(this);
	return true;
}
