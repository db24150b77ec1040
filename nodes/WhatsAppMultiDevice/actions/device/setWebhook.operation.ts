import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaRequest } from '../../../shared/transport';
import { devicePath, getManagedDeviceId } from '../../helpers/devicePath';
import { checkWebhookUrl, joinWebhookEvents, redactWebhookConfig } from '../../helpers/deviceWebhook';
import { deviceField, webhookEventsField, webhookInsecureField, webhookSecretField } from './device.descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'GOWA replaces the device’s whole webhook configuration: settings not sent are reset (no secret, all events). Keep Existing Values reads the current configuration first and keeps what you do not set here.',
		name: 'setWebhookNotice',
		type: 'notice',
		default: '',
	},
	deviceField,
	{
		displayName: 'Webhook URL',
		name: 'webhookUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://n8n.example.com/webhook/…/webhook',
		description: 'Address GOWA posts this device’s events to. Leave empty to remove the device webhook: its events then go to the server’s global webhook.',
	},
	{
		displayName: 'Keep Existing Values',
		name: 'keepExisting',
		type: 'boolean',
		default: true,
		description: 'Whether settings not given under Options keep their current values (the node reads the configuration first). When off, they are reset: no secret, every event, TLS verified.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [webhookEventsField, webhookSecretField, webhookInsecureField],
	},
];

const displayOptions = { show: { resource: ['device'], operation: ['setWebhook'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** PATCH /devices/{id}/webhook with the complete configuration (merged with the current one when asked). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const deviceId = getManagedDeviceId(this, itemIndex);
	const url = checkWebhookUrl(this, itemIndex, this.getNodeParameter('webhookUrl', itemIndex, ''), true);
	const keepExisting = this.getNodeParameter('keepExisting', itemIndex, true) !== false;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const events = options.webhookEvents !== undefined ? joinWebhookEvents(this, itemIndex, options.webhookEvents) : undefined;
	const path = devicePath(deviceId, '/webhook');

	let current: IDataObject = {};
	if (keepExisting) current = (await gowaRequest.call(this, { method: 'GET', path, itemIndex })) as IDataObject;

	const body: IDataObject = {
		webhook_url: url,
		webhook_secret: typeof options.webhookSecret === 'string' ? options.webhookSecret : typeof current.webhook_secret === 'string' ? current.webhook_secret : '',
		webhook_events: events ?? (typeof current.webhook_events === 'string' ? current.webhook_events : ''),
		webhook_insecure_skip_verify:
			options.webhookInsecureSkipVerify !== undefined ? options.webhookInsecureSkipVerify === true : current.webhook_insecure_skip_verify === true,
	};
	const results = (await gowaRequest.call(this, { method: 'PATCH', path, body, itemIndex })) as IDataObject;
	return [{ json: redactWebhookConfig(results) }];
}
