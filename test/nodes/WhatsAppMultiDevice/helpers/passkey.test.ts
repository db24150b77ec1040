import { NodeOperationError } from 'n8n-workflow';

import { getPasskeyAssertion, passkeyAssertionProblems } from '../../../../nodes/WhatsAppMultiDevice/helpers/passkey';
import { fakeContext } from './fakeContext';

const valid = {
	id: 'XcnXe2W9me1XZTGii6JI9A',
	rawId: 'XcnXe2W9me1XZTGii6JI9A',
	type: 'public-key',
	response: { clientDataJSON: 'eyJ0eXBlIjoid2ViYXV0aG4uZ2V0In0', authenticatorData: 'SZYN5YgO', signature: 'MEUCIQ', userHandle: null },
	clientExtensionResults: {},
};

describe('passkeyAssertionProblems', () => {
	test('a PublicKeyCredential.toJSON() assertion passes', () => {
		expect(passkeyAssertionProblems(valid)).toEqual([]);
		expect(passkeyAssertionProblems({ ...valid, response: { ...valid.response, userHandle: 'dXNlcg' } })).toEqual([]);
	});
	test.each([
		[{ ...valid, id: '' }, '"id" is missing or empty'],
		[{ ...valid, rawId: undefined }, '"rawId" is missing or empty'],
		[{ ...valid, type: 'password' }, '"type" must be "public-key", not "password"'],
		[{ ...valid, response: undefined }, '"response" must be an object'],
		[{ ...valid, response: { ...valid.response, clientDataJSON: '' } }, '"response.clientDataJSON" is missing or empty'],
		[{ ...valid, response: { ...valid.response, authenticatorData: undefined } }, '"response.authenticatorData" is missing or empty'],
		[{ ...valid, response: { ...valid.response, signature: 5 } }, '"response.signature" is missing or empty'],
		[{ ...valid, response: { ...valid.response, userHandle: 7 } }, '"response.userHandle" must be a string or null'],
		[[valid], 'the assertion must be a JSON object'],
	])('%#: %s', (assertion, problem) => {
		expect(passkeyAssertionProblems(assertion).join('; ')).toContain(problem);
	});
});

describe('getPasskeyAssertion', () => {
	test('accepts JSON text and an object', () => {
		expect(getPasskeyAssertion(fakeContext({ assertion: JSON.stringify(valid) }), 0)).toEqual(valid);
		expect(getPasskeyAssertion(fakeContext({ assertion: valid }), 0)).toEqual(valid);
	});
	test('invalid JSON and incomplete assertions fail before any request, naming every problem', () => {
		expect(() => getPasskeyAssertion(fakeContext({ assertion: '{"id": ' }), 0)).toThrow('Assertion (JSON) is not valid JSON');
		const attempt = () => getPasskeyAssertion(fakeContext({ assertion: { id: 'x', type: 'public-key' } }), 0);
		expect(attempt).toThrow(NodeOperationError);
		expect(attempt).toThrow('Assertion (JSON) is not a WebAuthn assertion: "rawId" is missing or empty; "response" must be an object');
	});
});
