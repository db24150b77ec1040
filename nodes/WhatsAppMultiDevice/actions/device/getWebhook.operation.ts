import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaRequest } from '../../../shared/transport';
import { devicePath, getManagedDeviceId } from '../../helpers/devicePath';
import { redactWebhookConfig } from '../../helpers/deviceWebhook';
import { deviceField } from './device.descriptions';

const properties: INodeProperties[] = [deviceField];

const displayOptions = { show: { resource: ['device'], operation: ['getWebhook'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * GET /devices/{id}/webhook: `{device_id, webhook_url, webhook_events, webhook_insecure_skip_verify, webhookSecretSet}`.
 * GOWA returns the secret in plain text; the node drops it and only says whether one is set.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const deviceId = getManagedDeviceId(this, itemIndex);
	const results = (await gowaRequest.call(this, { method: 'GET', path: devicePath(deviceId, '/webhook'), itemIndex })) as IDataObject;
	return [{ json: redactWebhookConfig(results) }];
}
