import { describeContract } from '../../../../harness';
import type { ConversationKit } from '../chat/conversationKit';
import { expectOk, expectRejected, expectRequest, setupConversationKit } from '../chat/conversationKit';

function seededNewsletter(kit: ConversationKit): { id: string; serverIds: number[] } {
	const [id, newsletter] = [...kit.store().newsletters.entries()][0];
	return { id, serverIds: newsletter.messages.map((message) => message.server_id) };
}

describeContract('Newsletter → Get Messages (GET /newsletter/messages)', () => {
	const kit = setupConversationKit();

	test('Return All pages backwards with before = the oldest server_id so far, count ≤ 100, until a short page', async () => {
		const newsletter = seededNewsletter(kit);
		expect(newsletter.serverIds.length).toBeGreaterThan(100);
		const result = await kit.run('newsletter', 'getMessages', { newsletterId: newsletter.id, returnAll: true });
		expectOk(result, newsletter.serverIds.length);
		const requests = kit.gowa.requests();
		expect(requests.map((request) => request.query)).toEqual([
			{ newsletter_id: newsletter.id, count: '100' },
			{ newsletter_id: newsletter.id, count: '100', before: String(Math.min(...newsletter.serverIds.slice(-100))) },
		]);
		for (const request of requests) expectRequest(request, 'GET', '/newsletter/messages', 'getNewsletterMessages');
		const ids = result.items.map((item) => item.json.server_id as number);
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort((a, b) => a - b)).toEqual(newsletter.serverIds);
		expect(result.items[0].json).toMatchObject({ newsletter_id: newsletter.id, message_id: expect.any(String), views_count: expect.any(Number) });
	});

	test('Limit 30: one request with count=30; Limit 150: 100 + 50', async () => {
		const newsletter = seededNewsletter(kit);
		expectOk(await kit.run('newsletter', 'getMessages', { newsletterId: newsletter.id, returnAll: false, limit: 30 }), 30);
		expect(kit.only().query).toEqual({ newsletter_id: newsletter.id, count: '30' });
		kit.gowa.sim.clearRequests();
		const result = await kit.run('newsletter', 'getMessages', { newsletterId: newsletter.id, returnAll: false, limit: 150 });
		// 120 seeded: the second page (count 50) returns 20 → short page → done
		expectOk(result, newsletter.serverIds.length);
		expect(kit.gowa.requests().map((request) => request.query.count)).toEqual(['100', '50']);
	});

	test('Older Than Server ID starts the paging below that post', async () => {
		const newsletter = seededNewsletter(kit);
		const start = newsletter.serverIds[50];
		const result = await kit.run('newsletter', 'getMessages', { newsletterId: newsletter.id, returnAll: true, options: { before: start } });
		expectOk(result, 50);
		expectRequest(kit.only(), 'GET', '/newsletter/messages', 'getNewsletterMessages');
		expect(kit.only().query).toEqual({ newsletter_id: newsletter.id, count: '100', before: String(start) });
		for (const item of result.items) expect(item.json.server_id as number).toBeLessThan(start);
	});

	test('a bare channel number gets @newsletter; device override', async () => {
		const newsletter = seededNewsletter(kit);
		await kit.run('newsletter', 'getMessages', { newsletterId: newsletter.id.split('@')[0], limit: 1, deviceId: 'salon-main' });
		expectRequest(kit.only(), 'GET', '/newsletter/messages', 'getNewsletterMessages', 'salon-main');
		expect(kit.only().query.newsletter_id).toBe(newsletter.id);
	});

	test('a group id is not a channel id: fails before any request', async () => {
		expectRejected(kit, await kit.run('newsletter', 'getMessages', { newsletterId: '120363025246125486@g.us', limit: 5 }), 'Newsletter ID "120363025246125486@g.us" is not a channel ID');
	});
});
