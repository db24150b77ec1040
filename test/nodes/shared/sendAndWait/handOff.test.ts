/**
 * Hand Reply to Waiting Execution through both routers, in n8n's engine, with a stand-in for n8n's public API and a
 * waiting execution's resume URL on a local server: the router's validation pass (every item checked before the first
 * request) must not look up or resume anything; each item looks up once and resumes once.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { CHAT_KEY, RESUME_KEY, TENANT_KEY } from '../../../../nodes/shared/sendAndWait/chatReply';
import { runNode, useSimulator } from '../../../harness';
import { useCloudSimulator } from '../../WhatsAppCloud/cloudKit';

const CUSTOMER = '6281234567890';

/** n8n's API (one waiting execution for `chatKey`) and the execution's resume URL; counts what each received. */
function standInN8n(chatKey: string) {
	const calls = { lookups: 0, resumes: 0 };
	let origin = '';
	const server = http.createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://local');
		const answer = (body: unknown) => {
			response.writeHead(200, { 'Content-Type': 'application/json' });
			response.end(JSON.stringify(body));
		};
		if (request.method === 'GET' && url.pathname === '/api/v1/executions') {
			calls.lookups++;
			return answer({ data: [{ id: '42', customData: { [CHAT_KEY]: chatKey, [TENANT_KEY]: '', [RESUME_KEY]: `${origin}/webhook-waiting/42/ask?reply=true&signature=s` } }], nextCursor: null });
		}
		if (request.method === 'POST' && url.pathname === '/webhook-waiting/42/ask') {
			calls.resumes++;
			request.resume();
			return answer({ handedOff: true, answer: 'confirmed' });
		}
		response.writeHead(404).end();
	});
	return {
		calls,
		credentials: () => ({ whatsAppN8nApi: { baseUrl: origin, apiKey: 'stand-in-key' } }),
		start: async () => {
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		},
		stop: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** The item was handed to execution 42, which the stand-in saw looked up once and resumed once. */
function expectHandedOverOnce(result: Awaited<ReturnType<typeof runNode>>, n8n: ReturnType<typeof standInN8n>): void {
	expect(result.error).toBeUndefined();
	expect(result.items[0].json).toMatchObject({ handedOff: true, handOff: { handedOff: true, executionId: '42' } });
	expect(n8n.calls).toEqual({ lookups: 1, resumes: 1 });
}

describe('Hand Reply to Waiting Execution: looked up and resumed once per item, never in the validation pass', () => {
	const gowa = useSimulator({ deviceId: 'salon-main' });
	const cloud = useCloudSimulator();

	test('GOWA', async () => {
		const n8n = standInN8n(`gowa|${CUSTOMER}@s.whatsapp.net`);
		await n8n.start();
		try {
			const result = await runNode({
				parameters: { resource: 'message', operation: 'handOffReply', chat: CUSTOMER, replyText: '1', tenant: '' },
				credentials: gowa.credentials(),
				moreCredentials: n8n.credentials(),
				items: [{ json: { from: CUSTOMER, text: '1' } }],
			});
			expectHandedOverOnce(result, n8n);
		} finally {
			await n8n.stop();
		}
	});

	test('WhatsApp Cloud', async () => {
		const n8n = standInN8n(`cloud|${CUSTOMER}`);
		await n8n.start();
		try {
			const result = await runNode({
				nodeType: 'whatsAppCloud',
				credentialType: 'whatsAppCloudApi',
				parameters: { resource: 'message', operation: 'handOffReply', chat: CUSTOMER, replyText: '1', tenant: '' },
				credentials: cloud.sim.credentials(),
				moreCredentials: n8n.credentials(),
				items: [{ json: { from: CUSTOMER, text: '1' } }],
			});
			expectHandedOverOnce(result, n8n);
		} finally {
			await n8n.stop();
		}
	});
});
