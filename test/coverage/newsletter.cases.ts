/** One runnable case per Newsletter operation (parameters + input items) — requests GOWA accepts. */
import type { INodeParameters } from 'n8n-workflow';

import type { TestItem } from '../harness';

export interface CaseContext {
	store(deviceId?: string): { newsletters: Map<string, unknown> };
}

export interface OperationCase {
	resource: string;
	operation: string;
	parameters: INodeParameters;
	items?: TestItem[] | ((context: CaseContext) => TestItem[]);
}

/** The first channel the simulated account follows. */
const followed = (context: CaseContext): TestItem[] => [{ json: { newsletterId: [...context.store().newsletters.keys()][0] } }];

export const cases: OperationCase[] = [
	{
		resource: 'newsletter',
		operation: 'getMessages',
		parameters: { resource: 'newsletter', operation: 'getMessages', newsletterId: '={{ $json.newsletterId }}', returnAll: true },
		items: followed,
	},
	{
		resource: 'newsletter',
		operation: 'unfollow',
		parameters: { resource: 'newsletter', operation: 'unfollow', newsletterId: '={{ $json.newsletterId }}' },
		items: followed,
	},
	{
		resource: 'newsletter',
		operation: 'downloadMedia',
		parameters: { resource: 'newsletter', operation: 'downloadMedia', newsletterId: '={{ $json.newsletterId }}', serverId: '={{ $json.serverId }}', binaryPropertyName: 'data' },
		items: (context) => [{ json: { ...followed(context)[0].json, serverId: 105 } }],
	},
];
