import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupAccountKit } from '../session/accountKit';

describeContract('User → Get Business Profile (GET /user/business-profile)', () => {
	const kit = setupAccountKit();

	test('the profile of a business number', async () => {
		const result = await kit.run('user', 'getBusinessProfile', { phone: '+62 361 123 4567' });
		expectOk(result);
		const request = kit.only();
		expectRequest(request, 'GET', '/user/business-profile', 'userBusinessProfile', 'salon-main');
		expect(request.query).toEqual({ phone: '623611234567@s.whatsapp.net' });
		expect(result.items[0].json).toMatchObject({
			jid: '623611234567@s.whatsapp.net',
			email: expect.any(String),
			categories: [expect.objectContaining({ id: expect.any(String), name: expect.any(String) })],
			business_hours: expect.arrayContaining([expect.objectContaining({ day_of_week: 'mon' })]),
		});
	});

	test('a channel is refused before any request', async () => {
		expectRejected(kit, await kit.run('user', 'getBusinessProfile', { phone: '120363024512399999@newsletter' }), /is not a WhatsApp user$/);
	});
});
