import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaEnvelopeRequest } from '../../../shared/transport';
import { actionResult } from '../../helpers/actionResult';
import { deviceOverride } from '../../helpers/device';

const properties: INodeProperties[] = [];

const displayOptions = { show: { resource: ['session'], operation: ['passkeyConfirm'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** POST /app/passkey/confirm: confirms that the passkey pairing code matches the one shown on the phone. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelope = await gowaEnvelopeRequest.call(this, {
		method: 'POST',
		path: '/app/passkey/confirm',
		deviceScoped: true,
		deviceId: deviceOverride(this, itemIndex),
		itemIndex,
	});
	return [{ json: actionResult(envelope, { confirmed: true }) }];
}
