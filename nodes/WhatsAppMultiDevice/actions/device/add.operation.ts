import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { gowaRequest } from '../../../shared/transport';
import { checkWebhookUrl, joinWebhookEvents, redactWebhookConfig } from '../../helpers/deviceWebhook';
import { webhookEventsField, webhookInsecureField, webhookSecretField } from './device.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Device ID',
		name: 'newDeviceId',
		type: 'string',
		default: '',
		placeholder: 'e.g. salon-main',
		description: 'ID for the new device slot, e.g. the tenant or branch name. Leave empty for a random ID. Must not exist yet.',
	},
	{
		displayName: 'Webhook',
		name: 'webhook',
		type: 'collection',
		placeholder: 'Add webhook setting',
		default: {},
		description: 'Optional webhook for this device only; when set it replaces the server’s global webhook for its events',
		options: [
			webhookEventsField,
			webhookSecretField,
			webhookInsecureField,
			{
				displayName: 'Webhook URL',
				name: 'webhookUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://n8n.example.com/webhook/…/webhook',
				description: 'Address GOWA posts this device’s events to',
			},
		],
	},
];

const displayOptions = { show: { resource: ['device'], operation: ['add'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** POST /devices: creates a device slot (then pair it with Login). The webhook secret is never output. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const rawId = this.getNodeParameter('newDeviceId', itemIndex, '') as unknown;
	const deviceId = typeof rawId === 'string' ? rawId.trim() : String(rawId ?? '').trim();
	if (/[/?#%]/.test(deviceId)) {
		throw new NodeOperationError(this.getNode(), `Device ID "${deviceId}" contains / ? # or %`, {
			itemIndex,
			description: 'These characters cannot be used in the /devices/{id} routes. Use letters, digits, - and _.',
		});
	}
	const webhook = this.getNodeParameter('webhook', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (deviceId !== '') body.device_id = deviceId;
	if (webhook.webhookUrl !== undefined) {
		const url = checkWebhookUrl(this, itemIndex, webhook.webhookUrl, true);
		if (url !== '') body.webhook_url = url;
	}
	if (typeof webhook.webhookSecret === 'string' && webhook.webhookSecret !== '') body.webhook_secret = webhook.webhookSecret;
	if (webhook.webhookEvents !== undefined) {
		const events = joinWebhookEvents(this, itemIndex, webhook.webhookEvents);
		if (events !== '') body.webhook_events = events;
	}
	if (webhook.webhookInsecureSkipVerify === true) body.webhook_insecure_skip_verify = true;
	const results = (await gowaRequest.call(this, { method: 'POST', path: '/devices', body, itemIndex })) as IDataObject;
	return [{ json: redactWebhookConfig(results) }];
}
