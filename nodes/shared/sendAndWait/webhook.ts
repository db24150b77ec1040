import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { Question } from './question';
import { matchReply } from './question';

import { parseFormAnswer } from './answer';
import { PAGE_CSP, approvalPage, escapeHtml, formPage, recordedPage } from './pages';
import { answerItem, carriedQuestion } from './wait';

type Response = ReturnType<IWebhookFunctions['getResponseObject']>;

function sendPage(res: Response, status: number, html: string): IWebhookResponseData {
	res.status(status);
	res.setHeader('Content-Type', 'text/html; charset=utf-8');
	res.send(html);
	return { noWebhookResponse: true };
}

/**
 * A chat reply handed over by "Hand Reply to Waiting Execution" (POST, JSON). A reply that is one of the allowed
 * answers resumes the execution; any other answers `handedOff: false` with the re-prompt, and the execution waits on.
 */
function chatReply(context: IWebhookFunctions, res: Response, carried: IDataObject, question: Question): IWebhookResponseData {
	if (context.getRequestObject().method !== 'POST') {
		return sendPage(res, 404, '<!DOCTYPE html><p>This question is answered in the WhatsApp chat.</p>');
	}
	res.setHeader('Content-Type', 'application/json');
	const body = (context.getBodyData() ?? {}) as IDataObject;
	const answer = matchReply(question, body.text);
	if (answer === undefined) return { webhookResponse: { handedOff: false, reason: 'noMatch', reprompt: question.reprompt } };
	const reply = { answer, reply: String(body.text).trim(), from: body.from ?? null, replyMessageId: body.messageId ?? null };
	return { webhookResponse: { handedOff: true, answer }, workflowData: [[answerItem(carried, reply)]] };
}

/**
 * The node's webhook() for "Send and Wait for Response". n8n calls it only for a waiting execution and a link whose
 * signature it checked (the `approved` value in the link is signed too). GET shows a page and never answers — link
 * previews and scanners fetch URLs — and POST records the answer, which resumes the execution.
 */
export async function sendAndWaitWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const req = this.getRequestObject();
	const res = this.getResponseObject();
	res.setHeader('Content-Security-Policy', PAGE_CSP);
	res.setHeader('Cache-Control', 'no-store');
	res.setHeader('X-Robots-Tag', 'noindex, nofollow');
	res.setHeader('Referrer-Policy', 'no-referrer');

	const carried = carriedQuestion(this);
	if (carried === undefined) {
		return sendPage(res, 404, `<!DOCTYPE html><p>${escapeHtml('This question is not waiting for an answer any more.')}</p>`);
	}
	const question = carried.question;
	if (question.responseType === 'chatReply') return chatReply(this, res, carried, question);
	const approved = (this.getQueryData() as IDataObject).approved !== 'false';

	if (req.method === 'GET') {
		return sendPage(res, 200, question.responseType === 'approval' ? approvalPage(question, approved) : formPage(question));
	}
	if (req.method !== 'POST') return sendPage(res, 405, '<!DOCTYPE html><p>Method not allowed</p>');

	let answer: IDataObject;
	if (question.responseType === 'approval' && question.choiceOnPage) {
		// One link for both answers: the choice is the button pressed on the page.
		const chosen = ((this.getBodyData() ?? {}) as IDataObject).approved;
		if (chosen !== 'true' && chosen !== 'false') return sendPage(res, 400, approvalPage(question, true, 'Choose one of the buttons'));
		answer = { approved: chosen === 'true' };
	} else if (question.responseType === 'approval') {
		answer = { approved };
	} else {
		const parsed = parseFormAnswer(question, (this.getBodyData() ?? {}) as IDataObject);
		if (parsed.answer === undefined) return sendPage(res, 400, formPage(question, parsed.values, parsed.error));
		answer = parsed.answer;
	}
	res.setHeader('Content-Type', 'text/html; charset=utf-8');
	return { webhookResponse: recordedPage(), workflowData: [[answerItem(carried, answer)]] };
}
