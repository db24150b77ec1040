import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { markWaitingChat } from '../../../shared/sendAndWait/chatReply';
import { SEND_AND_WAIT, sendAndWaitProperties } from '../../../shared/sendAndWait/descriptions';
import type { AnswerLink, Question } from '../../../shared/sendAndWait/question';
import { answerLinks, readQuestion, waitTillOf } from '../../../shared/sendAndWait/question';
import { waitForAnswer, waitTillText } from '../../../shared/sendAndWait/wait';
import { Checker } from '../../helpers/checks';
import { cloudRecipient, senderPhoneNumberId, sendOutcome } from '../../helpers/context';
import { cloudRequest } from '../../transport';
import { phoneNumberIdField, recipientField } from '../common.descriptions';

const properties: INodeProperties[] = [
	phoneNumberIdField,
	recipientField,
	...sendAndWaitProperties(
		'The question (at most 1024 characters). It goes out as an interactive message with one link button (with Approve and Decline, the page it opens offers both); with Chat Reply, with one reply button per allowed reply.',
		true,
		true,
	),
];

const displayOptions = { show: { resource: ['message'], operation: [SEND_AND_WAIT] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Cloud API limits of a call-to-action URL message (body text, button text). */
const BODY_MAX = 1024;
const BUTTON_MAX = 20;

/** The interactive call-to-action URL message: the question and one button that opens the answer page. */
export function questionMessage(to: string, message: string, link: AnswerLink) {
	return {
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to,
		type: 'interactive',
		interactive: { type: 'cta_url', body: { text: message }, action: { name: 'cta_url', parameters: { display_text: link.label, url: link.url } } },
	};
}

/** Chat Reply: the question with one reply button per allowed reply (button ID and title = the reply). */
export function replyButtonsMessage(to: string, question: Question) {
	return {
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to,
		type: 'interactive',
		interactive: { type: 'button', body: { text: question.message }, action: { buttons: question.replies.map((reply) => ({ type: 'reply', reply: { id: reply, title: reply } })) } },
	};
}

/**
 * Sends the question as a call-to-action URL message whose button opens the answer page (signed link), then puts
 * the execution to wait. One item per execution: n8n resumes a waiting execution once, with one answer.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex);
	if (itemIndex > 0) {
		check.fail('Send and Wait for Response takes one item per execution', `It got ${this.getInputData().length} items; an execution waits for one answer. Put a Loop Over Items node before it to ask each recipient in turn.`);
	}
	const phoneNumberId = await senderPhoneNumberId.call(this, itemIndex);
	const to = await cloudRecipient.call(this, itemIndex, this.getNodeParameter('recipient', itemIndex, ''));
	const question = readQuestion(this, itemIndex, true);
	check.text(question.message, 'Message', BODY_MAX);
	const waitTill = waitTillOf(this, itemIndex);
	let body: IDataObject;
	if (question.responseType === 'chatReply') {
		check.count(question.replies, 'Allowed Replies', 1, 3);
		for (const reply of question.replies) check.text(reply, `Allowed reply "${reply}"`, BUTTON_MAX);
		markWaitingChat(this, itemIndex, 'cloud', phoneNumberId, to, this.getSignedResumeUrl({ reply: 'true' }));
		body = replyButtonsMessage(to, question);
	} else {
		const [link] = answerLinks(this, question);
		check.text(link.label, question.responseType === 'approval' && !question.choiceOnPage ? 'Approve Button Label' : 'Link Label', BUTTON_MAX);
		body = questionMessage(to, question.message, link);
	}
	const answer = await cloudRequest.call(this, {
		method: 'POST',
		path: [phoneNumberId, 'messages'],
		body,
		itemIndex,
		messageSendFrom: phoneNumberId,
	});
	const [outcome] = sendOutcome.call(this, itemIndex, answer, phoneNumberId, to);
	return await waitForAnswer(
		this,
		itemIndex,
		{ provider: 'cloud', tenant: phoneNumberId, messageId: (outcome.json.messageId as string | null) ?? null, recipient: to, sentAt: new Date().toISOString(), waitTill: waitTillText(waitTill) },
		question,
		waitTill,
	);
}
