import { describeContract } from '../../../../harness';
import { expectOk, expectRequest, setupAccountKit } from '../session/accountKit';

describeContract('User → Get My Newsletters (GET /user/my/newsletters)', () => {
	const kit = setupAccountKit();

	test('Simplify: flat channel summaries matching the raw metadata', async () => {
		const simple = await kit.run('user', 'getNewsletters', { returnAll: true, simplify: true });
		expectOk(simple, 3);
		expectRequest(kit.only(), 'GET', '/user/my/newsletters', 'userMyNewsletter', 'salon-main');
		const raw = await kit.run('user', 'getNewsletters', { returnAll: true, simplify: false });
		simple.items.forEach((item, index) => {
			const metadata = raw.items[index].json as { id: string; thread_metadata: { name: { text: string } }; viewer_metadata: { role: string } };
			expect(item.json).toMatchObject({
				newsletter_id: metadata.id,
				name: metadata.thread_metadata.name.text,
				role: metadata.viewer_metadata.role,
				subscribers_count: expect.any(Number),
			});
			expect(metadata.id).toMatch(/@newsletter$/);
		});
		expect(simple.items.map((item) => item.json.role)).toEqual(['owner', 'subscriber', 'subscriber']);
	});

	test('Limit', async () => {
		expectOk(await kit.run('user', 'getNewsletters', { returnAll: false, limit: 1, simplify: false }), 1);
	});
});
