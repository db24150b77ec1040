/** One runnable case per Chat operation (parameters + input items) — requests GOWA accepts. */
import type { INodeParameters } from 'n8n-workflow';

import type { TestItem } from '../harness';

export interface OperationCase {
	resource: string;
	operation: string;
	parameters: INodeParameters;
	items?: TestItem[] | ((context: { store(): { chats: Map<string, { jid: string }> } }) => TestItem[]);
}

const customer = { phone: '+62 811-2222-3333' };

export const cases: OperationCase[] = [
	{ resource: 'chat', operation: 'getAll', parameters: { resource: 'chat', operation: 'getAll', returnAll: false, limit: 120, filters: { archived: 'notArchived' } } },
	{
		resource: 'chat',
		operation: 'getMessages',
		parameters: { resource: 'chat', operation: 'getMessages', chat: '={{ $json.phone }}', returnAll: true, filters: { startTime: '2026-01-01T00:00:00+07:00', sender: 'fromOthers' } },
		items: [{ json: customer }],
	},
	{ resource: 'chat', operation: 'pin', parameters: { resource: 'chat', operation: 'pin', chat: '={{ $json.phone }}', pinned: true }, items: [{ json: customer }] },
	{ resource: 'chat', operation: 'archive', parameters: { resource: 'chat', operation: 'archive', chat: '={{ $json.phone }}', archived: true }, items: [{ json: customer }] },
	{ resource: 'chat', operation: 'setDisappearing', parameters: { resource: 'chat', operation: 'setDisappearing', chat: '={{ $json.phone }}', timerSeconds: 604800 }, items: [{ json: customer }] },
	{
		resource: 'chat',
		operation: 'requestHistory',
		parameters: { resource: 'chat', operation: 'requestHistory', chat: '={{ $json.phone }}', count: 100 },
		// The request is anchored at the oldest stored message: a seeded 1:1 chat has some.
		items: (context) => [{ json: { phone: [...context.store().chats.values()].find((chat) => chat.jid.endsWith('@s.whatsapp.net'))?.jid } }],
	},
];
