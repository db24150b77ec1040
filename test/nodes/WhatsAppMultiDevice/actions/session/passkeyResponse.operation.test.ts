import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupAccountKit } from './accountKit';
import { ASSERTION, CHALLENGE } from './passkey.fixtures';

type PasskeySim = { setPasskey(id: string, state: object): void };

describeContract('Session → Submit Passkey Response (POST /app/passkey/response)', () => {
	const kit = setupAccountKit();

	test('the assertion (JSON text) is sent unchanged as the JSON body', async () => {
		(kit.gowa.sim as unknown as PasskeySim).setPasskey('fresh-slot', { challenge: CHALLENGE });
		const result = await kit.run('session', 'passkeyResponse', { deviceId: 'fresh-slot', assertion: JSON.stringify(ASSERTION, null, 2) });
		expectOk(result);
		const request = kit.only();
		expectRequest(request, 'POST', '/app/passkey/response', 'appPasskeyResponse', 'fresh-slot');
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.json).toEqual(ASSERTION);
		expect(result.items[0].json).toEqual({ success: true, submitted: true, device_id: 'fresh-slot', message: 'Passkey response sent' });
	});

	test('an assertion mapped as an object from the input works too', async () => {
		(kit.gowa.sim as unknown as PasskeySim).setPasskey('fresh-slot', { challenge: CHALLENGE });
		const result = await kit.run('session', 'passkeyResponse', { deviceId: 'fresh-slot', assertion: '={{ $json.credential }}' }, [{ json: { credential: ASSERTION } }]);
		expectOk(result);
		expect(kit.only().json).toEqual(ASSERTION);
	});

	test.each([
		[{ ...ASSERTION, type: 'webauthn.get' }, /"type" must be "public-key", not "webauthn.get"/],
		[{ ...ASSERTION, rawId: '' }, /"rawId" is missing or empty/],
		[{ ...ASSERTION, response: { clientDataJSON: 'x', authenticatorData: 'y' } }, /"response.signature" is missing or empty/],
	])('an incomplete assertion fails before any request (%#)', async (assertion, message) => {
		expectRejected(kit, await kit.run('session', 'passkeyResponse', { deviceId: 'fresh-slot', assertion: JSON.stringify(assertion) }), message);
	});

	test('text that is not JSON fails before any request', async () => {
		const result = await kit.run('session', 'passkeyResponse', { deviceId: 'fresh-slot', assertion: '={{ $json.text }}' }, [{ json: { text: '{"id": "abc"' } }]);
		expectRejected(kit, result, 'Assertion (JSON) is not valid JSON');
	});
});
