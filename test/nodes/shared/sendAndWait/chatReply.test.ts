/**
 * The Chat Reply store (nodes/shared/sendAndWait/chatReply.ts) with a stand-in for n8n's public API: which waiting
 * execution a reply goes to, and the custom data check. (The real API and resume run in e2e/cases/chatReply.js.)
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CHAT_KEY, RESUME_KEY, TENANT_KEY, findWaitingExecution, markWaitingChat, postReply } from '../../../../nodes/shared/sendAndWait/chatReply';

const CHAT = '6281234567890@s.whatsapp.net';

function waiting(id: number, chat: string, tenant: string): IDataObject {
	return { id: String(id), customData: { [CHAT_KEY]: `gowa|${chat}`, [TENANT_KEY]: tenant, [RESUME_KEY]: `https://hooks.example.com/webhook-waiting/${id}/node?reply=true&signature=x` } };
}

function apiContext(pages: IDataObject[][]): { context: IExecuteFunctions; requests: IHttpRequestOptions[] } {
	const requests: IHttpRequestOptions[] = [];
	const context = {
		getCredentials: async () => ({ baseUrl: 'https://n8n.example.com/', apiKey: 'k' }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				requests.push(options);
				const page = Number((options.qs as IDataObject).cursor ?? 0);
				return { data: pages[page] ?? [], nextCursor: page + 1 < pages.length ? String(page + 1) : null };
			},
		},
	} as unknown as IExecuteFunctions;
	return { context, requests };
}

describe('Chat Reply: finding the waiting execution', () => {
	test('the newest wait of the chat, across pages; other chats and other devices are never taken', async () => {
		const { context, requests } = apiContext([
			[waiting(7, CHAT, 'salon-main'), waiting(12, '6289999999999@s.whatsapp.net', 'salon-main')],
			[waiting(9, CHAT, ''), waiting(15, CHAT, 'branch-2'), { id: '20', customData: {} }],
		]);
		expect(await findWaitingExecution(context, 'gowa', 'salon-main', CHAT)).toEqual({ id: '9', resumeUrl: 'https://hooks.example.com/webhook-waiting/9/node?reply=true&signature=x' });
		expect(requests.map((request) => [request.url, (request.qs as IDataObject).status, (request.qs as IDataObject).includeData])).toEqual([
			['https://n8n.example.com/api/v1/executions', 'waiting', true],
			['https://n8n.example.com/api/v1/executions', 'waiting', true],
		]);
	});

	test('no wait for the chat: undefined; at most 10 pages (1,000 waiting executions) are read', async () => {
		const { context, requests } = apiContext(Array.from({ length: 15 }, () => [waiting(1, '6280000000000@s.whatsapp.net', '')]));
		expect(await findWaitingExecution(context, 'gowa', '', CHAT)).toBeUndefined();
		expect(requests).toHaveLength(10);
	});
});

describe('Chat Reply: marking the wait', () => {
	function customDataContext(limit: number) {
		const stored: Record<string, string> = {};
		return {
			stored,
			context: {
				getNode: () => ({ name: 'Ask' }),
				customData: {
					setAll(values: Record<string, string>) {
						for (const [key, value] of Object.entries(values)) if (key in stored || Object.keys(stored).length < limit) stored[key] = value;
					},
					get: (key: string) => stored[key],
				},
			} as unknown as IExecuteFunctions,
		};
	}

	test('chat, device and the signed resume URL are kept', () => {
		const { context, stored } = customDataContext(10);
		markWaitingChat(context, 0, 'gowa', 'salon-main', CHAT, 'https://n8n.example.com/webhook-waiting/42/abc?reply=true&signature=ff');
		expect(stored).toEqual({ [CHAT_KEY]: `gowa|${CHAT}`, [TENANT_KEY]: 'salon-main', [RESUME_KEY]: 'https://n8n.example.com/webhook-waiting/42/abc?reply=true&signature=ff' });
	});

	test('when n8n keeps no more custom data (10 entries), the node fails instead of waiting unfindably', () => {
		const { context } = customDataContext(1);
		expect(() => markWaitingChat(context, 0, 'gowa', '', CHAT, 'https://n8n.example.com/webhook-waiting/1/a?reply=true&signature=ff')).toThrow(NodeOperationError);
	});
});

describe('Chat Reply: handing the reply over', () => {
	test('posted to the signed resume URL without any credential; n8n\'s answer is returned as is', async () => {
		const calls: IHttpRequestOptions[] = [];
		const context = {
			helpers: {
				httpRequest: async (options: IHttpRequestOptions) => {
					calls.push(options);
					return { statusCode: 409, body: { message: 'running' } };
				},
				httpRequestWithAuthentication: async () => {
					throw new Error('no credential may go to the resume URL');
				},
			},
		} as unknown as IExecuteFunctions;
		const answer = await postReply(context, { id: '5', resumeUrl: 'https://hooks.example.com/webhook-waiting/5/n?reply=true&signature=ab' }, { text: '1' });
		expect(answer).toEqual({ status: 409, body: { message: 'running' } });
		expect(calls).toEqual([expect.objectContaining({ method: 'POST', url: 'https://hooks.example.com/webhook-waiting/5/n?reply=true&signature=ab', body: { text: '1' } })]);
		expect(calls[0].headers).toBeUndefined();
	});

	test('an unreachable resume URL (queue mode without WEBHOOK_URL on the workers) fails with what to set', async () => {
		const context = {
			getNode: () => ({ name: 'Hand Reply' }),
			helpers: {
				httpRequest: async () => {
					throw new Error('connect ECONNREFUSED 127.0.0.1:5678');
				},
			},
		} as unknown as IExecuteFunctions;
		const failure = postReply(context, { id: '5', resumeUrl: 'http://127.0.0.1:5678/webhook-waiting/5/n?reply=true&signature=ab' }, { text: '1' });
		await expect(failure).rejects.toThrow('Could not reach the waiting execution 5 at http://127.0.0.1:5678');
		await expect(failure).rejects.toMatchObject({ description: expect.stringContaining('set WEBHOOK_URL on the workers too') });
	});
});
