import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupAccountKit } from '../session/accountKit';

describeContract('User → Check On WhatsApp (GET /user/check)', () => {
	const kit = setupAccountKit();

	test('one item per number: registered or not', async () => {
		(kit.gowa.sim as unknown as { setUnregisteredNumbers(numbers: string[]): void }).setUnregisteredNumbers(['6281199998888']);
		const result = await kit.run('user', 'check', { phone: '={{ $json.phone }}' }, [{ json: { phone: '+62 811-2222-3333' } }, { json: { phone: '0811 9999 8888' } }]);
		expectOk(result, 2);
		const [first, second] = kit.gowa.requests();
		expectRequest(first, 'GET', '/user/check', 'userCheck', 'salon-main');
		expect(first.query).toEqual({ phone: '6281122223333' });
		expect(second.query).toEqual({ phone: '6281199998888' });
		expect(result.items.map((item) => item.json)).toEqual([
			{ phone: '6281122223333', jid: '6281122223333@s.whatsapp.net', is_on_whatsapp: true },
			{ phone: '6281199998888', jid: '6281199998888@s.whatsapp.net', is_on_whatsapp: false },
		]);
	});

	test.each(['123456789012345@lid', '120363025246125486@g.us'])('%s is refused (GOWA would answer true for it)', async (phone) => {
		expectRejected(kit, await kit.run('user', 'check', { phone }), new RegExp(`^Phone Number: "${phone.replace(/[.]/g, '\\.')}" is not a WhatsApp user$`));
	});
});
