import type { INodeProperties } from 'n8n-workflow';

import { WEBHOOK_EVENT_OPTIONS } from '../../helpers/deviceWebhook';
import { deviceIdField } from '../common.descriptions';

/** Fields shared by the Device operations. */

export const deviceField: INodeProperties = {
	...deviceIdField,
	name: 'device',
	required: true,
	description: 'The device slot (as created with Device → Add, listed by Device → Get Many), or its WhatsApp JID',
};

export const webhookSecretField: INodeProperties = {
	displayName: 'Webhook Secret',
	name: 'webhookSecret',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description:
		'Secret GOWA signs this device’s webhook calls with (X-Hub-Signature-256). Empty uses the server’s global secret. Use the same value as the Webhook Secret of the credential the trigger uses.',
};

export const webhookEventsField: INodeProperties = {
	displayName: 'Events',
	name: 'webhookEvents',
	type: 'multiOptions',
	default: [],
	options: WEBHOOK_EVENT_OPTIONS,
	description: 'Events sent to this device’s webhook. None selected means every event.',
};

export const webhookInsecureField: INodeProperties = {
	displayName: 'Skip TLS Verification',
	name: 'webhookInsecureSkipVerify',
	type: 'boolean',
	default: false,
	description: 'Whether GOWA accepts an invalid or self-signed TLS certificate from the webhook URL. Only for testing.',
};
