import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/** Request helpers both signed-webhook triggers (GOWA, WhatsApp Cloud) need. */

type RawBodyRequest = ReturnType<IWebhookFunctions['getRequestObject']>;

/** The exact bytes the sender signed. n8n keeps them on `req.rawBody` (after gzip/deflate decoding). */
export async function rawBodyOf(request: RawBodyRequest): Promise<Buffer | undefined> {
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function') {
		try {
			await request.readRawBody();
		} catch {
			// The stream could not be read again: without the bytes the request is treated as unsigned.
			return undefined;
		}
	}
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;
}

/** Answers the request directly with `{ message }` and starts no execution. */
export function answerWithoutExecution(context: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	context.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true };
}
