import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupConversationKit } from './conversationKit';

describeContract('Chat → Get Many (GET /chats)', () => {
	const kit = setupConversationKit();

	test('Return All walks limit/offset pages of 100 until the total; one item per chat, newest first', async () => {
		const stored = kit.store();
		const result = await kit.run('chat', 'getAll', { returnAll: true, filters: {} });
		expectOk(result, stored.chats.size);
		expect(stored.chats.size).toBeGreaterThan(200);
		expect(kit.calls()).toEqual(['GET /chats?limit=100&offset=0', 'GET /chats?limit=100&offset=100', 'GET /chats?limit=100&offset=200']);
		for (const request of kit.gowa.requests()) expectRequest(request, 'GET', '/chats', 'listChats');
		const jids = result.items.map((item) => item.json.jid);
		expect(new Set(jids).size).toBe(stored.chats.size);
		const times = result.items.map((item) => Date.parse(item.json.last_message_time as string));
		expect(times).toEqual([...times].sort((a, b) => b - a));
		expect(Object.keys(result.items[0].json).sort()).toEqual(['archived', 'created_at', 'ephemeral_expiration', 'jid', 'last_message_time', 'name', 'updated_at']);
	});

	test('Limit asks only for what is missing (100 + 30)', async () => {
		const result = await kit.run('chat', 'getAll', { returnAll: false, limit: 130, filters: {} });
		expectOk(result, 130);
		expect(kit.calls()).toEqual(['GET /chats?limit=100&offset=0', 'GET /chats?limit=30&offset=100']);
	});

	test('default Limit 50: one request', async () => {
		expectOk(await kit.run('chat', 'getAll', { filters: {} }), 50);
		expect(kit.calls()).toEqual(['GET /chats?limit=50&offset=0']);
	});

	test('filters: search, has media, only archived / only not archived', async () => {
		const archived = await kit.run('chat', 'getAll', { returnAll: true, filters: { archived: 'archived', hasMedia: true, search: ' a ' } });
		expect(archived.error).toBeUndefined();
		const request = kit.gowa.requests()[0];
		expectRequest(request, 'GET', '/chats', 'listChats');
		expect(request.query).toEqual({ archived: 'true', has_media: 'true', search: 'a', limit: '100', offset: '0' });
		expect(archived.items.length).toBeGreaterThan(0);
		for (const item of archived.items) expect(item.json.archived).toBe(true);

		kit.gowa.sim.clearRequests();
		const active = await kit.run('chat', 'getAll', { returnAll: true, filters: { archived: 'notArchived' } });
		expect(active.items.length).toBeGreaterThan(0);
		for (const item of active.items) expect(item.json.archived).toBe(false);
		expect(kit.gowa.requests()[0].query).toMatchObject({ archived: 'false' });
		expect(active.items.length + [...kit.store().chats.values()].filter((chat) => chat.archived).length).toBe(kit.store().chats.size);
	});

	test('Has Media off sends no has_media (GOWA would read false as "no filter" anyway)', async () => {
		await kit.run('chat', 'getAll', { filters: { hasMedia: false } });
		expect(kit.gowa.requests()[0].query).toEqual({ limit: '50', offset: '0' });
	});

	test('the Device ID on the node wins over the credential default', async () => {
		expectOk(await kit.run('chat', 'getAll', { limit: 5, filters: {}, deviceId: 'branch-2' }), 5);
		expectRequest(kit.only(), 'GET', '/chats', 'listChats', 'branch-2');
	});

	test('an empty chat storage gives no items, not an error', async () => {
		kit.store().chats.clear();
		const result = await kit.run('chat', 'getAll', { returnAll: true, filters: {} });
		expectOk(result, 0);
		expect(kit.calls()).toEqual(['GET /chats?limit=100&offset=0']);
	});

	test('Limit 0 (from an expression) fails before any request', async () => {
		expectRejected(kit, await kit.run('chat', 'getAll', { limit: '={{ 0 }}', filters: {} }), /Limit must be a whole number of at least 1/);
	});
});
