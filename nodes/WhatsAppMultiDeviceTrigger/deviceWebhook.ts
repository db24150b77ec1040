import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { gowaFailureOf } from '../shared/errors';
import { devicePath } from '../shared/path';
import { gowaRequest } from '../shared/transport';

/** A device's webhook configuration on GOWA (`GET`/`PATCH /devices/{id}/webhook`, GOWA v8.10+). */
export interface DeviceWebhookConfig {
	webhook_url: string;
	webhook_secret: string;
	webhook_events: string;
	webhook_insecure_skip_verify: boolean;
}

/** No device webhook: GOWA falls back to its global --webhook settings. */
export const NO_DEVICE_WEBHOOK: DeviceWebhookConfig = {
	webhook_url: '',
	webhook_secret: '',
	webhook_events: '',
	webhook_insecure_skip_verify: false,
};

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
export async function findDeviceWebhook(this: IHookFunctions, deviceId: string): Promise<DeviceWebhookConfig | undefined> {
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

export async function writeDeviceWebhook(this: IHookFunctions, deviceId: string, config: DeviceWebhookConfig): Promise<DeviceWebhookConfig> {
	return asConfig(await gowaRequest.call(this, { method: 'PATCH', path: webhookPath(deviceId), body: { ...config } }));
}
