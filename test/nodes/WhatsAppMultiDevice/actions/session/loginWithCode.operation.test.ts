import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupAccountKit } from './accountKit';

describeContract('Session → Log In With Pairing Code (GET /app/login-with-code)', () => {
	const kit = setupAccountKit();

	test('the phone number is normalised to international digits; the pairing code is returned', async () => {
		const result = await kit.run('session', 'loginWithCode', { deviceId: 'fresh-slot', phone: '0812-3456-7890' });
		expectOk(result);
		const request = kit.only();
		expectRequest(request, 'GET', '/app/login-with-code', 'appLoginWithCode', 'fresh-slot');
		expect(request.query).toEqual({ phone: '6281234567890' });
		expect(result.items[0].json).toEqual({ device_id: 'fresh-slot', pair_code: expect.stringMatching(/^[1-9A-Z]{4}-[1-9A-Z]{4}$/), phone: '6281234567890' });
	});

	test.each([
		['', 'Phone Number: The phone number is empty'],
		['+62 812 ABC', 'Phone Number: "+62 812 ABC" is not a phone number'],
		['6281234567890@g.us', 'Phone Number: "6281234567890@g.us" is not a phone number'],
	])('%j fails before any request', async (phone, message) => {
		// From an expression (an empty fixed value is already refused by n8n as a missing required parameter).
		const result = await kit.run('session', 'loginWithCode', { deviceId: 'fresh-slot', phone: '={{ $json.phone }}' }, [{ json: { phone } }]);
		expectRejected(kit, result, message);
	});
});
