import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { markWaitingChat } from '../../../shared/sendAndWait/chatReply';
import { SEND_AND_WAIT, sendAndWaitProperties } from '../../../shared/sendAndWait/descriptions';
import { getConnection } from '../../../shared/transport';
import { deviceOverride } from '../../helpers/device';
import type { AnswerLink } from '../../../shared/sendAndWait/question';
import { answerLinks, readQuestion, waitTillOf } from '../../../shared/sendAndWait/question';
import { waitForAnswer, waitTillText } from '../../../shared/sendAndWait/wait';
import { getRecipient } from '../../helpers/recipient';
import { postSend } from '../../helpers/send';
import { recipientField } from '../common.descriptions';

const properties: INodeProperties[] = [
	recipientField,
	...sendAndWaitProperties('The question. With links, the message ends with the answer link(s); with Chat Reply, say the allowed replies in it. WhatsApp formatting (*bold*, _italic_) works.', false, true),
];

const displayOptions = { show: { resource: ['send'], operation: [SEND_AND_WAIT] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** The WhatsApp text: the question, then each answer link on its own line under its label. */
export function questionText(message: string, links: AnswerLink[]): string {
	return [message, ...links.map((link) => `*${link.label}:*\n${link.url}`)].join('\n\n');
}

/**
 * Sends the question as a text message with signed answer links (Chat Reply: as written, the chat marked in the
 * execution's custom data), then puts the execution to wait. One item per
 * execution: n8n resumes a waiting execution once, with one answer.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	if (itemIndex > 0) {
		throw new NodeOperationError(this.getNode(), 'Send and Wait for Response takes one item per execution', {
			itemIndex,
			description: `It got ${this.getInputData().length} items; an execution waits for one answer. Put a Loop Over Items node before it to ask each recipient in turn.`,
		});
	}
	const recipient = await getRecipient.call(this, itemIndex);
	const question = readQuestion(this, itemIndex);
	const waitTill = waitTillOf(this, itemIndex);
	let text = question.message;
	if (question.responseType === 'chatReply') {
		// The tenant is the device that sends (the trigger reports the device that received the reply).
		const tenant = deviceOverride(this, itemIndex) || (await getConnection.call(this, itemIndex)).defaultDeviceId;
		markWaitingChat(this, itemIndex, 'gowa', tenant, recipient.jid, this.getSignedResumeUrl({ reply: 'true' }));
	} else {
		text = questionText(question.message, answerLinks(this, question));
	}
	const [outcome] = await postSend.call(this, itemIndex, '/send/message', { phone: recipient.jid, message: text }, recipient.jid);
	if (outcome.json.status !== 'sent') return [outcome];
	return await waitForAnswer(
		this,
		itemIndex,
		{
			provider: 'gowa',
			tenant: (outcome.json.tenant as string | null) ?? null,
			messageId: (outcome.json.messageId as string | null) ?? null,
			recipient: recipient.jid,
			sentAt: new Date().toISOString(),
			waitTill: waitTillText(waitTill),
		},
		question,
		waitTill,
	);
}
