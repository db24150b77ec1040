import type { IDataObject, IExecuteFunctions, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';
import { WAIT_INDEFINITELY } from 'n8n-workflow';

import type { Question } from './question';

/** What the node knows after sending: it is carried across the wait and appears in every output item. */
export interface SentQuestion {
	provider: string;
	/** The sending account, as the send output's `tenant` names it (GOWA: the device; Cloud: the phone number ID). */
	tenant: string | null;
	messageId: string | null;
	recipient: string | null;
	sentAt: string;
	waitTill: string | null;
}

const MARKER = 'sendAndWait';

/**
 * Starts the wait after the message went out. n8n keeps the waiting node's input on the execution stack (in the
 * database, so it survives restarts and reaches whichever process resumes it): that input is replaced by one item
 * that says "timeout". When the wait time runs out, n8n passes the waiting node's input through unchanged, so this
 * item is the timeout output; when the recipient answers, the node's webhook reads it back (`$json`) to add the
 * sent message's ID to the answer. Returns what the node outputs at this moment (n8n replaces it on resume).
 */
export async function waitForAnswer(
	context: IExecuteFunctions,
	itemIndex: number,
	sent: SentQuestion,
	question: Question,
	waitTill: Date,
): Promise<INodeExecutionData[]> {
	const timeoutItem: INodeExecutionData = {
		json: { status: 'timeout', timedOut: true, responseType: question.responseType, ...sent, question, [MARKER]: true },
		pairedItem: { item: itemIndex },
	};
	const executeData = context.getExecuteData();
	executeData.data.main[0] = [timeoutItem];
	await context.putExecutionToWait(waitTill);
	return [{ json: { status: 'sent', waiting: true, responseType: question.responseType, ...sent } }];
}

/** The ISO time of a wait limit, or null for "no limit". */
export function waitTillText(waitTill: Date): string | null {
	return waitTill.getTime() === WAIT_INDEFINITELY.getTime() ? null : waitTill.toISOString();
}

/** The item waitForAnswer() left on the stack, read back in the resuming webhook; undefined if there is none. */
export function carriedQuestion(context: IWebhookFunctions): (IDataObject & { question: Question }) | undefined {
	let carried: unknown;
	try {
		carried = context.evaluateExpression('{{ $json }}', 0);
	} catch {
		return undefined;
	}
	if (!carried || typeof carried !== 'object') return undefined;
	const json = carried as IDataObject;
	if (json[MARKER] !== true || !json.question || typeof json.question !== 'object') return undefined;
	return json as IDataObject & { question: Question };
}

/** The output item of an answer: what was sent, the answer, and when it came. */
export function answerItem(carried: IDataObject, answer: IDataObject): INodeExecutionData {
	const sent: IDataObject = { ...carried };
	for (const key of [MARKER, 'status', 'timedOut']) delete sent[key];
	return { json: { status: 'answered', timedOut: false, ...sent, ...answer, respondedAt: new Date().toISOString() }, pairedItem: { item: 0 } };
}
