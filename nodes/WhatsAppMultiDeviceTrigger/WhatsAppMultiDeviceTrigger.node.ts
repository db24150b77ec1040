import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { triggerHints, triggerProperties } from './descriptions';
import { registerWebhook, unregisterWebhook, webhookExists } from './registration';
import { receiveEvent } from './webhook';

export class WhatsAppMultiDeviceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp MultiDevice Trigger',
		name: 'whatsAppMultiDeviceTrigger',
		icon: {
			light: 'file:../../icons/whatsapp-multidevice.svg',
			dark: 'file:../../icons/whatsapp-multidevice.dark.svg',
		},
		group: ['trigger'],
		// 1.1: Ignore Own Messages / Ignore Group Chats (on) and Download Media (off) are top-level and visible, and the
		// output is the event shape both triggers share (sharedShape.ts; GOWA's event name moves to `gowaEvent`).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ [].concat($parameter["events"]).join(", ") }}',
		description:
			'Starts the workflow when a GOWA (go-whatsapp-web-multidevice) server reports a WhatsApp event: messages, reactions, receipts, calls, groups',
		defaults: { name: 'WhatsApp MultiDevice Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'whatsAppMultiDeviceApi', required: true }],
		// responseData empty: n8n answers with what webhook() returns as webhookResponse (`{"received":true}`)
		// instead of its fallback, the literal text "firstEntryJson".
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'webhook' }],
		eventTriggerDescription: 'Waiting for GOWA to send a WhatsApp event',
		activationMessage: 'GOWA now sends the selected WhatsApp events to this workflow.',
		hints: triggerHints,
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await webhookExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await registerWebhook.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await unregisterWebhook.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveEvent.call(this);
	}
}
