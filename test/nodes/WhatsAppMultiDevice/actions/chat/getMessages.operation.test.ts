import { describeContract } from '../../../../harness';
import type { ConversationKit } from './conversationKit';
import { expectOk, expectRejected, expectRequest, setupConversationKit } from './conversationKit';

/** A seeded 1:1 chat of the device, with its stored messages (60, newest first). */
function seededChat(kit: ConversationKit): { jid: string; phone: string; messages: Array<{ id: string; timestamp: number; is_from_me: boolean; media_type: string }> } {
	const store = kit.store();
	const chat = [...store.chats.values()].find((candidate) => candidate.jid.endsWith('@s.whatsapp.net') && candidate.hasMedia);
	if (!chat) throw new Error('no seeded chat with media');
	const messages = store.messagesOf(chat.jid);
	expect(messages.some((message) => message.media_type !== '')).toBe(true);
	return { jid: chat.jid, phone: `+${chat.jid.split('@')[0]}`, messages };
}

describeContract('Chat → Get Messages (GET /chat/{chat_jid}/messages)', () => {
	const kit = setupConversationKit();

	test('the chat (typed as a phone number) becomes a percent-encoded JID in the path; one item per message', async () => {
		const chat = seededChat(kit);
		const result = await kit.run('chat', 'getMessages', { chat: chat.phone, returnAll: true, filters: {} });
		expectOk(result, chat.messages.length);
		const request = kit.only();
		expect(request.rawPath).toBe(`/gowa/chat/${encodeURIComponent(chat.jid)}/messages?limit=100&offset=0`);
		expect(request.rawPath).toContain('%40s.whatsapp.net');
		expectRequest(request, 'GET', `/chat/${encodeURIComponent(chat.jid)}/messages`, 'getChatMessages');
		expect(result.items.map((item) => item.json.id)).toEqual(chat.messages.map((message) => message.id));
		expect(result.items[0].json).toMatchObject({ chat_jid: chat.jid, id: expect.any(String), timestamp: expect.any(String), is_from_me: expect.any(Boolean) });
	});

	test('Return All across several pages of 100, Limit across two requests', async () => {
		const chatJid = '6281299998888@s.whatsapp.net';
		const base = Date.parse('2026-08-01T00:00:00Z');
		for (let i = 0; i < 230; i++) kit.addMessage({ chatJid, id: `3EB0PAGE${String(i).padStart(6, '0')}`, content: `m${i}`, timestamp: base + i * 60_000 });
		const all = await kit.run('chat', 'getMessages', { chat: chatJid, returnAll: true, filters: {} });
		expectOk(all, 230);
		const path = `/chat/${encodeURIComponent(chatJid)}/messages`;
		expect(kit.calls()).toEqual([`GET ${path}?limit=100&offset=0`, `GET ${path}?limit=100&offset=100`, `GET ${path}?limit=100&offset=200`]);
		expect(all.items[0].json.content).toBe('m229');
		expect(all.items[229].json.content).toBe('m0');
		expect(new Set(all.items.map((item) => item.json.id)).size).toBe(230);

		kit.gowa.sim.clearRequests();
		expectOk(await kit.run('chat', 'getMessages', { chat: chatJid, returnAll: false, limit: 120, filters: {} }), 120);
		expect(kit.calls()).toEqual([`GET ${path}?limit=100&offset=0`, `GET ${path}?limit=20&offset=100`]);
	});

	test('filters: time range (RFC 3339, workflow time zone for text without offset), sender, media only', async () => {
		const chat = seededChat(kit);
		const newest = chat.messages[0].timestamp;
		const after = new Date(newest - 6 * 3_600_000).toISOString().replace('.000Z', 'Z');
		const result = await kit.run('chat', 'getMessages', {
			chat: chat.jid,
			returnAll: true,
			filters: { startTime: after, endTime: '2030-01-01T00:00:00+07:00', sender: 'fromOthers', mediaOnly: true },
		});
		expect(result.error).toBeUndefined();
		const request = kit.only();
		expectRequest(request, 'GET', `/chat/${encodeURIComponent(chat.jid)}/messages`, 'getChatMessages');
		expect(request.query).toEqual({ start_time: after, end_time: '2030-01-01T00:00:00+07:00', is_from_me: 'false', media_only: 'true', limit: '100', offset: '0' });
		const expected = chat.messages.filter((m) => m.timestamp >= Date.parse(after) && !m.is_from_me && m.media_type !== '');
		expect(expected.length).toBeGreaterThan(0);
		expect(result.items.map((item) => item.json.id)).toEqual(expected.map((m) => m.id));
	});

	test('a date-time without offset is sent with the offset of the workflow time zone', async () => {
		const chat = seededChat(kit);
		await kit.run('chat', 'getMessages', { chat: chat.jid, filters: { endTime: '2026-08-20T09:00:00' } });
		expect(kit.only().query.end_time).toMatch(/^2026-08-20T09:00:00([+-]\d\d:\d\d|Z)$/);
		expectRequest(kit.only(), 'GET', `/chat/${encodeURIComponent(chat.jid)}/messages`, 'getChatMessages');
	});

	test('Sender "Sent by This Account" sends is_from_me=true; only own messages come back', async () => {
		const chat = seededChat(kit);
		const result = await kit.run('chat', 'getMessages', { chat: chat.jid, returnAll: true, filters: { sender: 'fromMe' } });
		expect(kit.only().query).toMatchObject({ is_from_me: 'true' });
		expect(result.items.length).toBe(chat.messages.filter((m) => m.is_from_me).length);
		for (const item of result.items) expect(item.json.is_from_me).toBe(true);
	});

	test('Search: one request for the 100 newest matches (GOWA ignores offset and filters then); the node applies the other filters', async () => {
		const chatJid = '6281277776666@s.whatsapp.net';
		const base = Date.parse('2026-08-01T00:00:00Z');
		for (let i = 0; i < 150; i++) kit.addMessage({ chatJid, id: `3EB0SRCH${String(i).padStart(6, '0')}`, content: i % 2 ? 'booking confirmed' : 'hello', fromMe: i % 4 === 1, timestamp: base + i * 60_000 });
		const result = await kit.run('chat', 'getMessages', { chat: chatJid, returnAll: true, filters: { search: 'booking', sender: 'fromMe' } });
		expect(result.error).toBeUndefined();
		const request = kit.only();
		expectRequest(request, 'GET', `/chat/${encodeURIComponent(chatJid)}/messages`, 'getChatMessages');
		expect(request.query).toEqual({ search: 'booking', limit: '100' });
		// i odd → "booking"; fromMe when i % 4 === 1: i = 1, 5, …, 149 → 38 messages, all within the 75 matches GOWA returns
		expect(result.items).toHaveLength(38);
		for (const item of result.items) expect(item.json).toMatchObject({ content: 'booking confirmed', is_from_me: true });

		kit.gowa.sim.clearRequests();
		expectOk(await kit.run('chat', 'getMessages', { chat: chatJid, limit: 10, filters: { search: 'booking' } }), 10);
		expect(kit.only().query).toEqual({ search: 'booking', limit: '100' });
	});

	test('a group chat JID is encoded too; an unknown chat gives no items (GOWA answers 200 with an empty list)', async () => {
		const group = '120363999999999999@g.us';
		const result = await kit.run('chat', 'getMessages', { chat: group, returnAll: true, filters: {} });
		expectOk(result, 0);
		expect(kit.only().rawPath).toBe('/gowa/chat/120363999999999999%40g.us/messages?limit=100&offset=0');
	});

	test('device override', async () => {
		const chat = seededChat(kit);
		await kit.run('chat', 'getMessages', { chat: chat.jid, limit: 1, filters: {}, deviceId: 'branch-2' });
		expect(kit.only().headers['x-device-id']).toBe('branch-2');
	});

	describe('bad input fails before any request', () => {
		test('chat that is not a phone number or JID', async () => {
			expectRejected(kit, await kit.run('chat', 'getMessages', { chat: 'Ayu', filters: {} }), 'Chat: "Ayu" is not a phone number');
		});
		test('a date that is not a date', async () => {
			expectRejected(kit, await kit.run('chat', 'getMessages', { chat: '6281234567890', filters: { startTime: 'last week' } }), 'After "last week" is not a date and time');
		});
		test('After later than Before', async () => {
			const result = await kit.run('chat', 'getMessages', { chat: '6281234567890', filters: { startTime: '2026-08-02T00:00:00Z', endTime: '2026-08-01T00:00:00Z' } });
			expectRejected(kit, result, /After \(2026-08-02T00:00:00Z\) is later than Before/);
		});
	});
});
