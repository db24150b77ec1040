import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties } from './descriptions';
import { renderBookings } from './execute';

export class WhatsAppReminderTemplate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Reminder Template',
		name: 'whatsAppReminderTemplate',
		icon: {
			light: 'file:reminderTemplate.svg',
			dark: 'file:reminderTemplate.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["kind"] + " (" + $parameter["template"] + ")" }}',
		description:
			'Turn booking data into ready-to-send WhatsApp confirmations, reminders, reschedule, cancellation, no-show and review messages in Indonesian or English, with send times and quiet hours',
		defaults: { name: 'WhatsApp Reminder Template' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: nodeProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await renderBookings.call(this);
	}
}
