import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { deliveryPolicyOf } from '../delivery';
import { findWaitingExecution, postReply } from './chatReply';

/** What a provider's hand-off operation gives the shared hand-off: the reply, where it came from, how to re-prompt. */
export interface ReplyToHandOff {
	provider: string;
	tenant: string;
	chat: string;
	replyText: unknown;
	/** Sends the question's re-prompt to the chat; returns the sent message's ID (null when unknown). */
	reprompt(text: string): Promise<string | null>;
}

function isOwnMessage(json: IDataObject): boolean {
	return json.fromMe === true || json.isFromMe === true || json.is_from_me === true;
}

/**
 * Hands a chat message (from a trigger) to the newest execution of that chat waiting in Send and Wait for Response
 * → Chat Reply. An allowed reply resumes it (once: n8n resumes a waiting execution one time); another reply gets the
 * question's re-prompt; without a waiting execution the message flows on. The item keeps the trigger's fields and
 * says `handedOff` and why (`handOff`).
 */
export async function handOffReply(context: IExecuteFunctions, itemIndex: number, reply: ReplyToHandOff): Promise<INodeExecutionData[]> {
	const input = context.getInputData()[itemIndex]?.json ?? {};
	const result = (handOff: IDataObject): INodeExecutionData[] => [{ json: { ...input, handedOff: handOff.handedOff, handOff } }];
	if (isOwnMessage(input)) return result({ handedOff: false, reason: 'ownMessage' });
	if (typeof reply.replyText !== 'string' && typeof reply.replyText !== 'number') return result({ handedOff: false, reason: 'noText' });

	// The router's validation pass ends here: nothing is looked up or resumed while items are checked.
	deliveryPolicyOf(context)?.beforeRequest(itemIndex);
	const waiting = await findWaitingExecution(context, reply.provider, reply.tenant, reply.chat);
	if (waiting === undefined) return result({ handedOff: false, reason: 'noWaitingExecution' });
	const answer = await postReply(context, waiting, { text: String(reply.replyText), from: input.from ?? input.sender ?? null, messageId: input.messageId ?? null });
	const body = (answer.body && typeof answer.body === 'object' ? answer.body : {}) as IDataObject;
	if (answer.status === 200 && body.handedOff === true) {
		return result({ handedOff: true, executionId: waiting.id, answer: body.answer ?? null });
	}
	if (answer.status === 200 && body.reason === 'noMatch' && typeof body.reprompt === 'string') {
		const repromptMessageId = await reply.reprompt(body.reprompt);
		return result({ handedOff: false, reason: 'noMatch', executionId: waiting.id, reprompted: true, repromptMessageId });
	}
	// Answered or ended meanwhile (n8n: 409 running, or the execution finished): the message flows on.
	return result({ handedOff: false, reason: 'notWaiting', executionId: waiting.id, httpCode: answer.status });
}
