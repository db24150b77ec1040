/**
 * The Call case: rejecting a call from a `call.offer` webhook event (caller and call ID mapped from the payload).
 * Run with `runNode({ parameters: c.parameters, items: c.items, credentials })` from test/harness.
 */
import type { OperationCase } from './send.cases';

export const cases: OperationCase[] = [
	{
		resource: 'call',
		operation: 'reject',
		parameters: { resource: 'call', operation: 'reject', callerJid: '={{ $json.payload.from }}', callId: '={{ $json.payload.call_id }}' },
		items: [{ json: { event: 'call.offer', payload: { call_id: '5C2A1B7E9D0F4A3B', from: '6281234567891@s.whatsapp.net', auto_rejected: false } } }],
	},
];
