import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaEnvelopeRequest } from '../../../shared/transport';
import { deviceOverride } from '../../helpers/device';
import { requireText } from '../../helpers/validation';
import { getUserRecipient } from '../../helpers/user';

const properties: INodeProperties[] = [
	{
		displayName: 'Caller',
		name: 'callerJid',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.payload.from }}',
		description: 'Who is calling: payload.from of the call.offer webhook event (…@s.whatsapp.net or …@lid), or a phone number',
	},
	{
		displayName: 'Call ID',
		name: 'callId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.payload.call_id }}',
		description: 'The payload.call_id of the call.offer webhook event. The call must still be ringing.',
	},
];

const displayOptions = { show: { resource: ['call'], operation: ['reject'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** POST /call/reject `{caller_jid, call_id}`. Outputs `{rejected: true, caller_jid, call_id, message}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const caller = await getUserRecipient.call(this, itemIndex, ['user', 'lid'], 'callerJid', 'Caller');
	const callId = requireText(this, itemIndex, 'callId', 'Call ID', 'Map payload.call_id of the call.offer webhook event.').trim();
	const envelope = await gowaEnvelopeRequest.call(this, {
		method: 'POST',
		path: '/call/reject',
		body: { caller_jid: caller.jid, call_id: callId },
		deviceScoped: true,
		deviceId: deviceOverride(this, itemIndex),
		itemIndex,
	});
	return [{ json: { rejected: true, caller_jid: caller.jid, call_id: callId, message: envelope.message ?? '' } }];
}
