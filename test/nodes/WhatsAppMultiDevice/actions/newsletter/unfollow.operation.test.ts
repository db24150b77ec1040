import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupConversationKit } from '../chat/conversationKit';

describeContract('Newsletter → Unfollow (POST /newsletter/unfollow)', () => {
	const kit = setupConversationKit();

	test('{newsletter_id}; a clear success item although GOWA answers without results', async () => {
		const [id] = [...kit.store().newsletters.keys()];
		const result = await kit.run('newsletter', 'unfollow', { newsletterId: ` ${id} ` });
		expectOk(result);
		expectRequest(kit.only(), 'POST', '/newsletter/unfollow', 'unfollowNewsletter');
		expect(kit.only().json).toEqual({ newsletter_id: id });
		expect(result.items[0].json).toEqual({ success: true, unfollowed: true, newsletterId: id, serverStatus: 'Success unfollow newsletter' });
		expect(kit.store().newsletters.has(id)).toBe(false);
	});

	test('device override', async () => {
		expectOk(await kit.run('newsletter', 'unfollow', { newsletterId: '120363024512399999', deviceId: 'branch-2' }));
		expectRequest(kit.only(), 'POST', '/newsletter/unfollow', 'unfollowNewsletter', 'branch-2');
		expect(kit.only().json).toEqual({ newsletter_id: '120363024512399999@newsletter' });
	});

	test('a phone number is not a channel: fails before any request', async () => {
		expectRejected(kit, await kit.run('newsletter', 'unfollow', { newsletterId: '6281234567890@s.whatsapp.net' }), 'Newsletter ID "6281234567890@s.whatsapp.net" is not a channel ID');
	});
});
