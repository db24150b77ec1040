import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { cloudTriggerProperties } from './descriptions';
import { answerHandshake } from './handshake';
import { subscribeWaba, subscriptionExists, unsubscribeWaba } from './registration';
import { receiveDelivery } from './webhook';

export class WhatsAppCloudTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Cloud Trigger',
		name: 'whatsAppCloudTrigger',
		icon: { light: 'file:../../icons/whatsapp-cloud.svg', dark: 'file:../../icons/whatsapp-cloud.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves exactly as 1. n8n evaluates the expression $parameter["options"]["binaryData"] for every
		// request to a start node of version 1 (webhook-helpers parseRequestBody, meant for its Webhook node v1): with
		// N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE that builds an expression isolate per delivery; from 1.1 on it does not.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ [].concat($parameter["events"]).join(", ") }}',
		description: 'Starts the workflow when Meta’s WhatsApp Business Cloud API reports messages, delivery statuses or errors',
		defaults: { name: 'WhatsApp Cloud Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'whatsAppCloudApi', required: true }],
		webhooks: [
			// Meta's verification handshake (GET) and its deliveries (POST) arrive at the same URL.
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
			// responseData empty: n8n answers with what webhook() returns as webhookResponse.
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'webhook' },
		],
		eventTriggerDescription: 'Waiting for Meta to send a WhatsApp event',
		activationMessage: 'Meta now sends this WhatsApp Business Account’s events to this workflow.',
		properties: cloudTriggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await subscriptionExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await subscribeWaba.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await unsubscribeWaba.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (this.getWebhookName() === 'setup') return await answerHandshake.call(this);
		return await receiveDelivery.call(this);
	}
}
