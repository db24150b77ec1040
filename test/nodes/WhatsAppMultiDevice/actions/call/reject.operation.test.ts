import { describeContract } from '../../../../harness';
import { expectOk, expectRejected, expectRequest, setupAccountKit } from '../session/accountKit';

describeContract('Call → Reject (POST /call/reject)', () => {
	const kit = setupAccountKit();

	test('caller and call ID mapped from a call.offer event; the event’s device is used', async () => {
		const event = { event: 'call.offer', device_id: '6281200000002@s.whatsapp.net', payload: { call_id: ' 5C2A1B7E9D0F ', from: '6281122223333:7@s.whatsapp.net' } };
		const result = await kit.run(
			'call',
			'reject',
			{ callerJid: '={{ $json.payload.from }}', callId: '={{ $json.payload.call_id }}', deviceId: '={{ $json.device_id }}' },
			[{ json: event }],
		);
		expectOk(result);
		const request = kit.only();
		expectRequest(request, 'POST', '/call/reject', 'rejectCall', '6281200000002@s.whatsapp.net');
		expect(request.json).toEqual({ caller_jid: '6281122223333@s.whatsapp.net', call_id: '5C2A1B7E9D0F' });
		expect(result.items[0].json).toEqual({ rejected: true, caller_jid: '6281122223333@s.whatsapp.net', call_id: '5C2A1B7E9D0F', message: 'Call rejected successfully' });
	});

	test('a LID caller is kept as such', async () => {
		await kit.run('call', 'reject', { callerJid: '123456789012345@lid', callId: 'ABC' });
		expect(kit.only().json).toEqual({ caller_jid: '123456789012345@lid', call_id: 'ABC' });
	});

	test.each([
		[{ callerJid: '6281122223333@s.whatsapp.net', callId: '={{ $json.id }}' }, 'Call ID is empty'],
		[{ callerJid: '120363025246125486@g.us', callId: 'ABC' }, 'Caller: "120363025246125486@g.us" is not a WhatsApp user'],
		[{ callerJid: 'somebody', callId: 'ABC' }, 'Caller: "somebody" is not a phone number'],
	])('bad input fails before any request (%#)', async (parameters, message) => {
		expectRejected(kit, await kit.run('call', 'reject', parameters, [{ json: { id: ' ' } }]), message);
	});
});
