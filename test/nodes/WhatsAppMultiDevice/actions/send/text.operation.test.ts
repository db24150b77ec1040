import { describeContract, runNode, useSimulator } from '../../../../harness';
import { AUTH, DEVICES, JID, PHONE, expectContinueOnFail, expectRejected, expectSendRequest, expectSent, setupSendKit } from './sendKit';

describeContract('Send → Text (POST /send/message)', () => {
	const kit = setupSendKit();

	test('minimal: recipient from an expression, normalised; message as typed', async () => {
		const result = await kit.send('text', { recipient: '={{ $json.phone }}', message: '=Hi {{ $json.name }},\n*see you* at 10:00', options: {} }, [
			{ json: { phone: PHONE, name: 'Ayu' } },
		]);
		expectSent(result);
		const request = kit.only();
		expectSendRequest(request, '/send/message');
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.json).toEqual({ phone: JID, message: 'Hi Ayu,\n*see you* at 10:00' });
		expect(result.items[0]).toMatchObject({
			json: { status: 'sent', provider: 'gowa', tenant: 'salon-main', recipient: JID, messageId: expect.any(String), attempts: 1 },
			pairedItem: { item: 0 },
		});
		expect(result.items[0].json.messageId).not.toBe('');
	});

	test('every option: disappearing, forwarded, mentions (numbers normalised, @everyone kept), reply', async () => {
		const result = await kit.send('text', {
			recipient: '120363025246125486@g.us',
			message: 'Team meeting moved',
			options: { duration: 604800, isForwarded: true, mentions: ['0811 4444 5555', '@everyone'], replyMessageId: ' 3EB089B9D6ADD58153C561 ' },
		});
		expectSent(result);
		const request = kit.only();
		expectSendRequest(request, '/send/message');
		expect(request.json).toEqual({
			phone: '120363025246125486@g.us',
			message: 'Team meeting moved',
			duration: 604800,
			is_forwarded: true,
			mentions: ['6281144445555', '@everyone'],
			reply_message_id: '3EB089B9D6ADD58153C561',
		});
	});

	test('Disappearing After "Off" sends duration 0', async () => {
		expectSent(await kit.send('text', { recipient: PHONE, message: 'x', options: { duration: 0 } }));
		expect(kit.only().json).toEqual({ phone: JID, message: 'x', duration: 0 });
	});

	test('the Device ID on the node wins over the credential default (slot id or device JID); the output names it as tenant', async () => {
		const bySlot = await kit.send('text', { recipient: PHONE, message: 'x', options: {}, deviceId: 'branch-2' });
		expectSent(bySlot);
		expectSendRequest(kit.only(), '/send/message', 'branch-2');
		expect(bySlot.items[0].json).toMatchObject({ provider: 'gowa', tenant: 'branch-2' });
		kit.gowa.sim.clearRequests();
		const byJid = await kit.send('text', { recipient: PHONE, message: 'x', options: {}, deviceId: DEVICES[1].jid });
		expectSent(byJid);
		expectSendRequest(kit.only(), '/send/message', DEVICES[1].jid);
		expect(byJid.items[0].json).toMatchObject({ provider: 'gowa', tenant: DEVICES[1].jid });
	});


	test('local numbers use the credential’s Default Country Code', async () => {
		expectSent(await kit.send('text', { recipient: '0811-2222-3333', message: 'x', options: {} }));
		expect((kit.only().json as { phone: string }).phone).toBe(JID);
	});

	describe('bad input fails before any request', () => {
		test('invalid phone', async () => {
			const result = await kit.send('text', { recipient: '={{ $json.phone }}', message: 'x', options: {} }, [{ json: { phone: 'call me' } }]);
			expectRejected(kit, result, 'Recipient: "call me" is not a phone number');
			expect(result.error?.description).toMatch(/international number/);
		});

		test('local number without a Default Country Code', async () => {
			const result = await kit.send('text', { recipient: '0811-2222-3333', message: 'x', options: {} }, undefined, { credentials: { defaultCountryCode: '' } });
			expectRejected(kit, result, 'Recipient: "0811-2222-3333" is a local number and no Default Country Code is set');
		});

		test('empty message from the input (also whitespace only)', async () => {
			const parameters = { recipient: PHONE, message: '={{ $json.text }}', options: {} };
			expectRejected(kit, await kit.send('text', parameters, [{ json: { text: '' } }]), 'Message is empty');
			expectRejected(kit, await kit.send('text', parameters, [{ json: { text: ' \n ' } }]), 'Message is empty');
			expectRejected(kit, await kit.send('text', parameters, [{ json: {} }]), 'Message is empty');
			expectRejected(kit, await kit.send('text', { ...parameters, message: '   ' }), 'Message is empty');
		});

		test('a Message left empty in the editor: n8n itself refuses to run the node', async () => {
			const result = await kit.send('text', { recipient: PHONE, message: '', options: {} });
			expect(result.error?.message).toMatch(/Parameter "Message" is required/);
			expect(kit.gowa.requests()).toHaveLength(0);
		});

		test('a bad mention', async () => {
			const result = await kit.send('text', { recipient: PHONE, message: 'x', options: { mentions: ['not-a-number'] } });
			expectRejected(kit, result, 'Mentions: "not-a-number" is not a phone number');
		});

		test('the failing item is named (second item)', async () => {
			const result = await kit.send('text', { recipient: '={{ $json.phone }}', message: 'x', options: {} }, [
				{ json: { phone: PHONE } },
				{ json: { phone: '' } },
			]);
			expect(result.error?.message).toBe('Recipient: The recipient is empty');
			expect(result.error?.context?.itemIndex).toBe(1);
		});
	});

	test('continue on fail: bad items become error items, the good one is sent', async () => {
		await expectContinueOnFail(
			kit,
			'text',
			{ recipient: '={{ $json.phone }}', message: 'x', options: {} },
			[{ json: { phone: 'abc' } }, { json: { phone: PHONE } }, { json: { phone: '12' } }],
			/^Recipient: /,
		);
		expectSendRequest(kit.only(), '/send/message');
	});
});

describeContract('Send → Text on a one-device server without a Default Device ID', () => {
	const gowa = useSimulator({ auth: AUTH, basePath: '/gowa', devices: [DEVICES[0]], deviceId: '', defaultCountryCode: '62' });

	test('no device on the node or the credential: no X-Device-Id, and the tenant is null', async () => {
		const result = await runNode({ parameters: { resource: 'send', operation: 'text', recipient: PHONE, message: 'x', options: {} }, credentials: gowa.credentials() });
		expect(result.error).toBeUndefined();
		const [request] = gowa.requests();
		expect(request.headers['x-device-id']).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ status: 'sent', provider: 'gowa', tenant: null, messageId: request.response?.body?.results?.message_id });
		expect(result.items[0].json.messageId).toEqual(expect.any(String));
	});
});
