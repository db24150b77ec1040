import { describeContract } from '../../../../harness';
import { expectSendRequest, expectSent, setupSendKit } from './sendKit';

describeContract('Send → Presence (POST /send/presence)', () => {
	const kit = setupSendKit();

	test.each(['available', 'unavailable'])('%s: only the type, device-scoped, no recipient', async (presence) => {
		const result = await kit.send('presence', { presence, options: {} }, [{ json: {} }]);
		expectSent(result);
		const request = kit.only();
		expectSendRequest(request, '/send/presence');
		expect(request.json).toEqual({ type: presence });
		expect(result.items[0].json).toMatchObject({ status: 'sent', recipient: null });
	});

	test('with Mark as Forwarded, for the device on the node', async () => {
		expectSent(await kit.send('presence', { presence: 'available', options: { isForwarded: true }, deviceId: 'branch-2' }, [{ json: {} }]));
		const request = kit.only();
		expectSendRequest(request, '/send/presence', 'branch-2');
		expect(request.json).toEqual({ type: 'available', is_forwarded: true });
	});

	test('one request per item', async () => {
		expectSent(await kit.send('presence', { presence: 'available', options: {} }, [{ json: {} }, { json: {} }]), 2);
		expect(kit.gowa.requests()).toHaveLength(2);
	});
});
