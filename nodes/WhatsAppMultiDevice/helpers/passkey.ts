import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { jsonParse, NodeOperationError } from 'n8n-workflow';

/** Keys of `response` a WebAuthn assertion (PublicKeyCredential.toJSON()) must carry, as GOWA checks them. */
const RESPONSE_KEYS = ['clientDataJSON', 'authenticatorData', 'signature'] as const;

function isFilledString(value: unknown): value is string {
	return typeof value === 'string' && value.trim() !== '';
}

/**
 * Problems with a WebAuthn assertion, as GOWA would reject it: `id`, `rawId`, `type` "public-key" and
 * `response.{clientDataJSON, authenticatorData, signature}` must be present; `response.userHandle` may be a
 * string or null. Returns an empty list when the assertion is acceptable.
 */
export function passkeyAssertionProblems(assertion: unknown): string[] {
	if (assertion === null || typeof assertion !== 'object' || Array.isArray(assertion)) {
		return ['the assertion must be a JSON object'];
	}
	const value = assertion as IDataObject;
	const problems: string[] = [];
	if (!isFilledString(value.id)) problems.push('"id" is missing or empty');
	if (!isFilledString(value.rawId)) problems.push('"rawId" is missing or empty');
	if (value.type !== 'public-key') problems.push(`"type" must be "public-key"${value.type === undefined ? '' : `, not ${JSON.stringify(value.type)}`}`);
	const response = value.response;
	if (response === null || typeof response !== 'object' || Array.isArray(response)) {
		problems.push('"response" must be an object with clientDataJSON, authenticatorData and signature');
		return problems;
	}
	for (const key of RESPONSE_KEYS) {
		if (!isFilledString((response as IDataObject)[key])) problems.push(`"response.${key}" is missing or empty`);
	}
	const userHandle = (response as IDataObject).userHandle;
	if (userHandle !== undefined && userHandle !== null && typeof userHandle !== 'string') {
		problems.push('"response.userHandle" must be a string or null');
	}
	return problems;
}

/** Reads the Assertion (JSON) parameter, as an object or JSON text, and validates it before anything is sent. */
export function getPasskeyAssertion(context: IExecuteFunctions, itemIndex: number, parameterName = 'assertion'): IDataObject {
	const raw = context.getNodeParameter(parameterName, itemIndex, '') as unknown;
	let assertion: unknown = raw;
	if (typeof raw === 'string') {
		try {
			assertion = jsonParse(raw);
		} catch {
			throw new NodeOperationError(context.getNode(), 'Assertion (JSON) is not valid JSON', {
				itemIndex,
				description: 'Paste the object PublicKeyCredential.toJSON() produced by the authenticator, e.g. {"id": "…", "rawId": "…", "type": "public-key", "response": {…}}.',
			});
		}
	}
	const problems = passkeyAssertionProblems(assertion);
	if (problems.length > 0) {
		throw new NodeOperationError(context.getNode(), `Assertion (JSON) is not a WebAuthn assertion: ${problems.join('; ')}`, {
			itemIndex,
			description: 'Give the PublicKeyCredential.toJSON() output for the challenge of Session → Get Passkey Status (binary fields base64url-encoded).',
		});
	}
	return assertion as IDataObject;
}
