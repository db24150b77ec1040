import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { sendAndWaitWebhooks, waitingTooltip } from '../shared/sendAndWait/descriptions';
import { sendAndWaitWebhook } from '../shared/sendAndWait/webhook';
import { nodeProperties } from './actions/properties';
import { router } from './actions/router';
import { searchTemplates } from './methods/listSearch';
import { templateVariables } from './methods/resourceMapping';

export class WhatsAppCloud implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Cloud',
		name: 'whatsAppCloud',
		icon: { light: 'file:../../icons/whatsapp-cloud.svg', dark: 'file:../../icons/whatsapp-cloud.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["resource"] + ": " + $parameter["operation"]}}',
		description: "Send every WhatsApp message type and manage media, templates and numbers through Meta's WhatsApp Business Cloud API",
		defaults: { name: 'WhatsApp Cloud' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'whatsAppCloudApi', required: true },
			// Chat Reply hand-off: finds the waiting execution through n8n's public API.
			{ name: 'whatsAppN8nApi', required: true, displayOptions: { show: { operation: ['handOffReply'] } } },
		],
		// Send and Wait for Response: the answer pages, served only while an execution waits (restartWebhook).
		webhooks: sendAndWaitWebhooks,
		waitingNodeTooltip: waitingTooltip,
		properties: nodeProperties,
	};

	methods = { listSearch: { searchTemplates }, resourceMapping: { templateVariables } };

	webhook = sendAndWaitWebhook;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
