import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaEnvelopeRequest } from '../../../shared/transport';
import { actionResult } from '../../helpers/actionResult';
import { deviceOverride } from '../../helpers/device';
import { getPasskeyAssertion } from '../../helpers/passkey';

const ASSERTION_TEMPLATE = `{
  "id": "",
  "rawId": "",
  "type": "public-key",
  "response": {
    "clientDataJSON": "",
    "authenticatorData": "",
    "signature": "",
    "userHandle": null
  }
}`;

const properties: INodeProperties[] = [
	{
		displayName: 'Assertion (JSON)',
		name: 'assertion',
		type: 'json',
		default: ASSERTION_TEMPLATE,
		required: true,
		description:
			'The WebAuthn assertion for the pending challenge (Session → Get Passkey Status), as PublicKeyCredential.toJSON() returns it: ID, rawId, type "public-key" and response.clientDataJSON, authenticatorData, signature (base64url)',
	},
];

const displayOptions = { show: { resource: ['session'], operation: ['passkeyResponse'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** POST /app/passkey/response with the validated WebAuthn assertion (JSON body, unchanged). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const assertion = getPasskeyAssertion(this, itemIndex);
	const envelope = await gowaEnvelopeRequest.call(this, {
		method: 'POST',
		path: '/app/passkey/response',
		body: assertion,
		deviceScoped: true,
		deviceId: deviceOverride(this, itemIndex),
		itemIndex,
	});
	return [{ json: actionResult(envelope, { submitted: true }) }];
}
