import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Chat Reply: the customer answers in the chat, so the reply reaches a trigger's execution and must be handed to the
 * execution waiting for it. The waiting execution is found in n8n's own records (the only store every n8n process
 * shares and that survives restarts): its custom data names the chat, and holds the signed path that resumes it.
 */

export const CHAT_KEY = 'waWaitChat';
export const TENANT_KEY = 'waWaitTenant';
export const RESUME_KEY = 'waWaitReply';

export const N8N_CREDENTIAL = 'whatsAppN8nApi';

/** How the waiting execution names its chat: provider and chat (tenant kept apart, as it may be unknown on one side). */
export function chatKey(provider: string, chat: string): string {
	return `${provider}|${chat}`;
}

/** Marks the execution as waiting for a reply in this chat. Fails when n8n did not keep the custom data (10 keys at most). */
export function markWaitingChat(context: IExecuteFunctions, itemIndex: number, provider: string, tenant: string, chat: string, resumeUrl: string): void {
	const values = { [CHAT_KEY]: chatKey(provider, chat), [TENANT_KEY]: tenant, [RESUME_KEY]: resumeUrl };
	context.customData.setAll(values);
	for (const [key, value] of Object.entries(values)) {
		if (context.customData.get(key) !== value) {
			throw new NodeOperationError(context.getNode(), 'n8n did not keep the chat this execution waits for', {
				itemIndex,
				description:
					'An execution keeps at most 10 custom data entries of at most 512 characters; this workflow sets others already, or n8n’s webhook URL is very long. Remove some entries (Execution Data node) before Send and Wait for Response.',
			});
		}
	}
}

export interface WaitingExecution {
	id: string;
	/** n8n's signed URL that resumes it (on n8n's webhook address, which in queue mode is not the API's). */
	resumeUrl: string;
}

async function n8nRequest(context: IExecuteFunctions, options: IHttpRequestOptions): Promise<IDataObject> {
	return (await context.helpers.httpRequestWithAuthentication.call(context, N8N_CREDENTIAL, options)) as IDataObject;
}

async function baseUrl(context: IExecuteFunctions): Promise<string> {
	const credentials = await context.getCredentials(N8N_CREDENTIAL);
	return String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '');
}

const MAX_PAGES = 10;

/**
 * The newest execution waiting for a reply in this chat (n8n public API: waiting executions with their custom data),
 * or undefined. Another tenant's wait for the same number is never taken.
 */
export async function findWaitingExecution(context: IExecuteFunctions, provider: string, tenant: string, chat: string): Promise<WaitingExecution | undefined> {
	const base = await baseUrl(context);
	const wanted = chatKey(provider, chat);
	let best: WaitingExecution | undefined;
	let cursor: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const qs: IDataObject = { status: 'waiting', includeData: true, limit: 100 };
		if (cursor !== undefined) qs.cursor = cursor;
		const answer = await n8nRequest(context, { method: 'GET', url: `${base}/api/v1/executions`, qs, json: true });
		for (const execution of (Array.isArray(answer.data) ? answer.data : []) as IDataObject[]) {
			const data = (execution.customData ?? {}) as IDataObject;
			if (data[CHAT_KEY] !== wanted || typeof data[RESUME_KEY] !== 'string') continue;
			const theirTenant = String(data[TENANT_KEY] ?? '');
			if (theirTenant !== '' && tenant !== '' && theirTenant !== tenant) continue;
			if (best === undefined || Number(execution.id) > Number(best.id)) best = { id: String(execution.id), resumeUrl: data[RESUME_KEY] as string };
		}
		cursor = typeof answer.nextCursor === 'string' && answer.nextCursor !== '' ? answer.nextCursor : undefined;
		if (cursor === undefined) break;
	}
	return best;
}

/**
 * Posts the reply to the waiting execution at its signed resume URL; { status, body } of n8n's answer. The signature
 * is the authorisation: no credential goes with it (the URL may be n8n's public webhook address).
 */
export async function postReply(context: IExecuteFunctions, waiting: WaitingExecution, reply: IDataObject): Promise<{ status: number; body: unknown }> {
	try {
		const response = (await context.helpers.httpRequest({
			method: 'POST',
			url: waiting.resumeUrl,
			body: reply,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number; body: unknown };
		return { status: response.statusCode, body: response.body };
	} catch (error) {
		throw new NodeOperationError(context.getNode(), `Could not reach the waiting execution ${waiting.id} at ${new URL(waiting.resumeUrl).origin}`, {
			description: `The reply was not handed over (${(error as Error).message}). The address comes from n8n's WEBHOOK_URL of the process that ran the wait: in queue mode set WEBHOOK_URL on the workers too.`,
		});
	}
}
