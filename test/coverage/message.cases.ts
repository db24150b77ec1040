/**
 * One runnable case per Message operation (parameters + input items) — requests GOWA accepts. Forward and
 * Download Media need a message in the device's chat storage: their items are built from the simulator's seeded
 * storage (`items` as a function of the coverage context, see coverage.test.ts).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { TestItem } from '../harness';

interface SeededStore {
	chats: Map<string, { jid: string; hasMedia?: boolean }>;
	messagesOf(jid: string): Array<{ id: string; chat_jid: string; media_type: string }>;
}

export interface CaseContext {
	/** The simulated device's seeded chat storage. */
	store(deviceId?: string): SeededStore;
}

export interface OperationCase {
	resource: string;
	operation: string;
	parameters: INodeParameters;
	items?: TestItem[] | ((context: CaseContext) => TestItem[]);
	withoutGowaRequest?: string;
}

/** A stored message of a 1:1 chat: `{ chat, id }` of the first one with the given media type ('' = text). */
function storedMessage(context: CaseContext, mediaType: string): IDataObject {
	const store = context.store();
	for (const chat of store.chats.values()) {
		if (!chat.jid.endsWith('@s.whatsapp.net') || (mediaType !== '' && !chat.hasMedia)) continue;
		const message = store.messagesOf(chat.jid).find((candidate) => candidate.media_type === mediaType);
		if (message) return { chat: `+${message.chat_jid.split('@')[0]}`, id: message.id };
	}
	throw new Error(`the simulator has no stored ${mediaType || 'text'} message`);
}

const target = { chat: '={{ $json.chat }}', messageId: '={{ $json.id }}' };
const reply = { chat: '+62 811-2222-3333', id: '3EB089B9D6ADD58153C561' };

export const cases: OperationCase[] = [
	{ resource: 'message', operation: 'react', parameters: { resource: 'message', operation: 'react', ...target, emoji: '🙏' }, items: [{ json: reply }] },
	{ resource: 'message', operation: 'edit', parameters: { resource: 'message', operation: 'edit', ...target, message: 'See you at 11:30 instead' }, items: [{ json: reply }] },
	{ resource: 'message', operation: 'revoke', parameters: { resource: 'message', operation: 'revoke', ...target }, items: [{ json: reply }] },
	{ resource: 'message', operation: 'delete', parameters: { resource: 'message', operation: 'delete', ...target }, items: [{ json: reply }] },
	{ resource: 'message', operation: 'markRead', parameters: { resource: 'message', operation: 'markRead', ...target }, items: [{ json: reply }] },
	{ resource: 'message', operation: 'star', parameters: { resource: 'message', operation: 'star', ...target }, items: [{ json: reply }] },
	{ resource: 'message', operation: 'unstar', parameters: { resource: 'message', operation: 'unstar', ...target }, items: [{ json: reply }] },
	{
		resource: 'message',
		operation: 'forward',
		parameters: { resource: 'message', operation: 'forward', messageId: '={{ $json.id }}', recipient: '0811 4444 5555', options: { duration: 86400 } },
		items: (context) => [{ json: storedMessage(context, '') }],
	},
	{
		resource: 'message',
		operation: 'downloadMedia',
		parameters: { resource: 'message', operation: 'downloadMedia', ...target, binaryPropertyName: 'data' },
		items: (context) => [{ json: storedMessage(context, 'image') }],
	},
	{
		resource: 'message',
		operation: 'markPlayed',
		parameters: { resource: 'message', operation: 'markPlayed', ...target },
		items: (context) => [{ json: storedMessage(context, 'audio') }],
	},
	{
		resource: 'message',
		operation: 'forward',
		parameters: {
			resource: 'message',
			operation: 'forward',
			messageId: '={{ $json.id }}',
			recipient: '0811 4444 5555',
			options: { scheduleAt: '={{ $now.plus({ hours: 3 }).toISO() }}', scheduleTimeZone: 'Asia/Makassar' },
		},
		items: (context) => [{ json: storedMessage(context, '') }],
	},
	{
		resource: 'message',
		operation: 'handOffReply',
		parameters: { resource: 'message', operation: 'handOffReply' },
		// The business's own message is never handed over; the rest needs n8n's API (e2e/cases/chatReply.js).
		items: [{ json: { chatId: '6281234567890@s.whatsapp.net', text: '1', isFromMe: true, sessionId: 'salon-main' } }],
		withoutGowaRequest: 'it re-prompts through GOWA only after n8n answered; covered by e2e/cases/chatReply.js',
	},
];
