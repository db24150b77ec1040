import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { sameToken } from '../shared/hubSignature';
import { credentialText } from './settings';

/** Meta's challenges are short numbers or strings; anything longer is not Meta. */
const MAX_CHALLENGE_LENGTH = 512;

function answer(context: IWebhookFunctions, status: number, body: string): IWebhookResponseData {
	const response = context.getResponseObject();
	response.status(status);
	response.setHeader('Content-Type', 'text/plain; charset=utf-8');
	// The challenge is echoed verbatim: never let a browser sniff it into HTML.
	response.setHeader('X-Content-Type-Options', 'nosniff');
	response.send(body);
	return { noWebhookResponse: true };
}

/**
 * Meta's verification request, `GET <callback>?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…`, sent when a
 * callback URL or verify token is set. The token is compared in constant time with the credential's Verify Token;
 * the challenge is echoed as text/plain. Nothing here starts an execution.
 */
export async function answerHandshake(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const query = this.getQueryData() as Record<string, unknown>;
	let expected = '';
	try {
		expected = await credentialText(this, 'verifyToken');
	} catch (error) {
		this.logger.warn(`WhatsApp Cloud Trigger: the credential could not be read (${(error as Error).message})`);
	}
	if (expected === '') {
		this.logger.warn('WhatsApp Cloud Trigger: verification refused, the credential has no Verify Token');
		return answer(this, 403, 'Verification refused');
	}
	if (query['hub.mode'] !== 'subscribe' || !sameToken(query['hub.verify_token'], expected)) {
		return answer(this, 403, 'Verification refused');
	}
	const challenge = query['hub.challenge'];
	if (typeof challenge !== 'string' || challenge === '' || challenge.length > MAX_CHALLENGE_LENGTH) {
		return answer(this, 400, 'hub.challenge is missing');
	}
	return answer(this, 200, challenge);
}
