import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { deliveryPolicyOf } from '../../../shared/delivery';
import { findWaitingExecution, postReply } from '../../../shared/sendAndWait/chatReply';
import { getRecipient } from '../../helpers/recipient';
import { postSend } from '../../helpers/send';
import { chatField } from '../common.descriptions';

const properties: INodeProperties[] = [
	{ ...chatField, default: '={{ $json.chatId }}', description: 'The chat the reply came from (the trigger’s chatId)' },
	{
		displayName: 'Reply',
		name: 'replyText',
		type: 'string',
		default: '={{ $json.reply?.title ?? $json.text }}',
		description: 'What the customer answered: the text, or the chosen poll option or button',
	},
	{
		displayName: 'Tenant',
		name: 'tenant',
		type: 'string',
		default: '={{ $json.tenant ?? $json.sessionId ?? "" }}',
		description: 'The device that received the reply (the trigger’s tenant, or its session ID). A wait of another device for the same number is never resumed.',
	},
];

const displayOptions = { show: { resource: ['message'], operation: ['handOffReply'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function isOwnMessage(json: IDataObject): boolean {
	return json.fromMe === true || json.isFromMe === true || json.is_from_me === true;
}

/**
 * Hands a chat message (from the trigger) to the newest execution of that chat waiting in Send and Wait for Response
 * → Chat Reply. An allowed reply resumes it (once: n8n resumes a waiting execution one time); another reply gets the
 * question's re-prompt; without a waiting execution the message flows on. The item keeps the trigger's fields and
 * says `handedOff` and why.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const input = this.getInputData()[itemIndex]?.json ?? {};
	const chat = await getRecipient.call(this, itemIndex, 'chat', 'Chat');
	const replyText = this.getNodeParameter('replyText', itemIndex, '') as unknown;
	const tenant = String(this.getNodeParameter('tenant', itemIndex, '') ?? '').trim();
	const result = (handOff: IDataObject): INodeExecutionData[] => [{ json: { ...input, handedOff: handOff.handedOff, handOff } }];
	// The router's validation pass ends here: nothing is looked up or resumed while items are checked.
	deliveryPolicyOf(this)?.beforeRequest(itemIndex);
	if (isOwnMessage(input)) return result({ handedOff: false, reason: 'ownMessage' });
	if (typeof replyText !== 'string' && typeof replyText !== 'number') return result({ handedOff: false, reason: 'noText' });

	const waiting = await findWaitingExecution(this, 'gowa', tenant, chat.jid);
	if (waiting === undefined) return result({ handedOff: false, reason: 'noWaitingExecution' });
	const answer = await postReply(this, waiting, { text: String(replyText), from: input.from ?? null, messageId: input.messageId ?? null });
	const body = (answer.body && typeof answer.body === 'object' ? answer.body : {}) as IDataObject;
	if (answer.status === 200 && body.handedOff === true) {
		return result({ handedOff: true, executionId: waiting.id, answer: body.answer ?? null });
	}
	if (answer.status === 200 && body.reason === 'noMatch' && typeof body.reprompt === 'string') {
		const [sent] = await postSend.call(this, itemIndex, '/send/message', { phone: chat.jid, message: body.reprompt }, chat.jid);
		return result({ handedOff: false, reason: 'noMatch', executionId: waiting.id, reprompted: sent.json.status === 'sent', repromptMessageId: sent.json.messageId ?? null });
	}
	// Answered or ended meanwhile (n8n: 409 running, or the execution finished): the message flows on.
	return result({ handedOff: false, reason: 'notWaiting', executionId: waiting.id, httpCode: answer.status });
}
