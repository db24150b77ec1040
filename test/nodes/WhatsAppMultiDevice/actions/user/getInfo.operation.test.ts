import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupAccountKit } from '../session/accountKit';

describeContract('User → Get Info (GET /user/info)', () => {
	const kit = setupAccountKit();

	test('phone normalised to a JID; one item per entry of data, with the resolved LID merged in', async () => {
		const result = await kit.run('user', 'getInfo', { phone: '0811-2222-3333' });
		expectOk(result);
		const request = kit.only();
		expectRequest(request, 'GET', '/user/info', 'userInfo', 'salon-main');
		expect(request.query).toEqual({ phone: '6281122223333@s.whatsapp.net' });
		const served = (request.response as { body: { results: { data: unknown[]; resolved_lid: string } } }).body.results;
		expect(result.items[0].json).toEqual({
			jid: '6281122223333@s.whatsapp.net',
			found: true,
			...(served.data[0] as object),
			resolved_phone: null,
			resolved_lid: served.resolved_lid,
		});
		expect(result.items[0].json.devices).toEqual([
			expect.objectContaining({ User: '6281122223333', Server: 's.whatsapp.net' }),
			expect.objectContaining({ Device: 'CHROME' }),
		]);
	});

	test('no entry in data: one item with found: false (the input item is not lost)', async () => {
		(kit.gowa.sim as unknown as { failNext(rule: object): void }).failNext({
			path: '/user/info',
			status: 200,
			code: 'SUCCESS',
			message: 'Success get user info',
			results: { data: [] },
		});
		const result = await kit.run('user', 'getInfo', { phone: '+62 811 2222 3333' });
		expectOk(result);
		expect(result.items[0].json).toEqual({ jid: '6281122223333@s.whatsapp.net', found: false, resolved_phone: null, resolved_lid: null });
	});

	test('the Device ID override is honoured', async () => {
		await kit.run('user', 'getInfo', { phone: '6281122223333', deviceId: 'branch-2' });
		expectRequest(kit.only(), 'GET', '/user/info', 'userInfo', 'branch-2');
	});

	test('a group is not a user: refused before any request', async () => {
		expectRejected(kit, await kit.run('user', 'getInfo', { phone: '120363025246125486@g.us' }), 'Phone Number: "120363025246125486@g.us" is not a WhatsApp user');
	});
});
