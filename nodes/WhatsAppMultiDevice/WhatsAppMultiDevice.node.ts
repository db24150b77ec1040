import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { sendAndWaitWebhooks, waitingTooltip } from '../shared/sendAndWait/descriptions';
import { sendAndWaitWebhook } from '../shared/sendAndWait/webhook';
import { nodeProperties } from './actions/properties';
import { router } from './actions/router';
import { searchDevices } from './methods/listSearch';

export class WhatsAppMultiDevice implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp MultiDevice',
		name: 'whatsAppMultiDevice',
		icon: {
			light: 'file:../../icons/whatsapp-multidevice.svg',
			dark: 'file:../../icons/whatsapp-multidevice.dark.svg',
		},
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["resource"] + ": " + $parameter["operation"]}}',
		description:
			'Send WhatsApp messages and manage devices, chats and groups through a GOWA (go-whatsapp-web-multidevice) server',
		defaults: { name: 'WhatsApp MultiDevice' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'whatsAppMultiDeviceApi', required: true },
			// Chat Reply hand-off: finds the waiting execution through n8n's public API.
			{ name: 'whatsAppN8nApi', required: true, displayOptions: { show: { operation: ['handOffReply'] } } },
		],
		// Send and Wait for Response: the answer pages, served only while an execution waits (restartWebhook).
		webhooks: sendAndWaitWebhooks,
		waitingNodeTooltip: waitingTooltip,
		properties: nodeProperties,
	};

	methods = { listSearch: { searchDevices } };

	webhook = sendAndWaitWebhook;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
