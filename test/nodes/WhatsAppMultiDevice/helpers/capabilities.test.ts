/**
 * Capability detection (helpers/capabilities.ts) through the operations GOWA v9.5 added: Message → Mark as Played,
 * Chat → Request History, Newsletter → Download Message Media — working on a v9.5 simulator, refused with the server
 * version (and nothing but /app/info asked) on a v9.2 one.
 */
import type { INodeParameters } from 'n8n-workflow';

import { parseVersion } from '../../../../nodes/WhatsAppMultiDevice/helpers/capabilities';
import type { RunResult, Simulator, TestItem } from '../../../harness';
import { describeContractNext, expectContract, runNode, useSimulator } from '../../../harness';

const AUTH = { username: 'salon-admin', password: 'Capabilities-Pw-95' };

interface Store {
	chats: Map<string, { jid: string; hasMedia?: boolean }>;
	messagesOf(jid: string): Array<{ id: string; media_type: string }>;
	newsletters: Map<string, unknown>;
}

function storeOf(sim: Simulator): Store {
	return (sim.storeFor as (device: unknown) => Store)((sim.registry as { find(id: string): unknown }).find('salon-main'));
}

/** A stored audio message of a 1:1 chat and a followed channel. */
function fixtures(sim: Simulator): { chat: string; audioId: string; newsletterId: string } {
	const store = storeOf(sim);
	for (const chat of store.chats.values()) {
		if (!chat.jid.endsWith('@s.whatsapp.net') || !chat.hasMedia) continue;
		const audio = store.messagesOf(chat.jid).find((message) => message.media_type === 'audio');
		if (audio) return { chat: chat.jid, audioId: audio.id, newsletterId: [...store.newsletters.keys()][0] };
	}
	throw new Error('no stored audio message');
}

const OPERATIONS: Array<[string, INodeParameters, string]> = [
	['message', { operation: 'markPlayed', chat: '={{ $json.chat }}', messageId: '={{ $json.audioId }}' }, 'Mark as Played needs'],
	['chat', { operation: 'requestHistory', chat: '={{ $json.chat }}', count: 120 }, 'Request History needs'],
	['newsletter', { operation: 'downloadMedia', newsletterId: '={{ $json.newsletterId }}', serverId: 105, binaryPropertyName: 'data' }, 'Download Message Media of a channel needs'],
];

function kitFor(version: '9.5' | '9.2') {
	const gowa = useSimulator({ auth: AUTH, basePath: '/gowa', version, deviceId: 'salon-main', defaultCountryCode: '62' });
	const run = async (resource: string, parameters: INodeParameters): Promise<RunResult> => {
		const items: TestItem[] = [{ json: fixtures(gowa.sim) }];
		return await runNode({ parameters: { resource, ...parameters }, items, credentials: gowa.credentials() });
	};
	return { gowa, run };
}

test('parseVersion reads GOWA version strings', () => {
	expect(parseVersion('v9.5.0')).toEqual([9, 5, 0]);
	expect(parseVersion('9.2')).toEqual([9, 2, 0]);
	expect(parseVersion('v10.0.1-beta')).toEqual([10, 0, 1]);
	expect(parseVersion('dev')).toBeUndefined();
	expect(parseVersion(null)).toBeUndefined();
});

describeContractNext('v9.5 operations on a GOWA v9.5 server', () => {
	const kit = kitFor('9.5');

	test('Mark as Played: POST /message/{id}/played with the chat', async () => {
		const { chat, audioId } = fixtures(kit.gowa.sim);
		const result = await kit.run(...(OPERATIONS[0].slice(0, 2) as [string, INodeParameters]));
		expect(result.items[0].json).toMatchObject({ success: true, played: true, messageId: audioId, chat });
		const request = kit.gowa.requests().find((candidate) => candidate.path.endsWith('/played'));
		expect(request?.json).toEqual({ phone: chat });
		expectContract(request!, '9.5');
	});

	test('Request History: POST /chat/{jid}/history {count}; output names the anchor', async () => {
		const result = await kit.run(...(OPERATIONS[1].slice(0, 2) as [string, INodeParameters]));
		expect(result.items[0].json).toMatchObject({ success: true, status: 'requested', requestedCount: 120, anchorMessageId: expect.any(String) });
		const request = kit.gowa.requests().find((candidate) => candidate.path.endsWith('/history'));
		expect(request?.json).toEqual({ count: 120 });
		expectContract(request!, '9.5');
	});

	test('Download Message Media: the channel post’s image as n8n binary data', async () => {
		const result = await kit.run(...(OPERATIONS[2].slice(0, 2) as [string, INodeParameters]));
		expect(result.error).toBeUndefined();
		const [item] = result.items;
		expect(item.json).toMatchObject({ serverId: 105, mediaType: 'image', mimeType: 'image/jpeg', fileName: 'image.jpeg' });
		expect(item.binary?.data.data.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
		const request = kit.gowa.requests().find((candidate) => candidate.path === '/newsletter/messages/105/download');
		expectContract(request!, '9.5');
	});

	test('Request History: Count outside 1–500 fails before any request', async () => {
		for (const count of [0, 501, 2.5]) {
			kit.gowa.sim.clearRequests();
			const result = await runNode({ parameters: { resource: 'chat', operation: 'requestHistory', chat: '+62 811-2222-3333', count }, credentials: kit.gowa.credentials() });
			expect(result.error?.message).toBe(`Count must be a whole number from 1 to 500, not "${count}"`);
			expect(kit.gowa.requests()).toHaveLength(0);
		}
	});

	test('Request History on a chat without stored messages: GOWA’s 400 in the error', async () => {
		const result = await runNode({ parameters: { resource: 'chat', operation: 'requestHistory', chat: '+62 899-0000-1111', count: 50 }, credentials: kit.gowa.credentials() });
		expect(result.error?.message).toMatch(/no stored messages to anchor/);
	});
});

describeContractNext('v9.5 operations on a GOWA v9.2 server', () => {
	const kit = kitFor('9.2');

	test.each(OPERATIONS)('%s → %j fails with the server version before anything is sent', async (resource, parameters, feature) => {
		const result = await kit.run(resource, parameters);
		expect(result.error?.message).toBe(`this GOWA server is v9.2.0; ${feature} v9.5 or newer`);
		expect(kit.gowa.requests().map((request) => request.path)).toEqual(['/app/info']);
	});
});
