import { describeContract } from '../../../../harness';
import { JID, PHONE, expectContinueOnFail, expectRejected, expectSendRequest, expectSent, setupSendKit } from './sendKit';

describeContract('Send → Contact (POST /send/contact)', () => {
	const kit = setupSendKit();

	test('minimal: name trimmed, contact phone normalised to digits', async () => {
		const result = await kit.send('contact', { recipient: '={{ $json.phone }}', contactName: ' Salon Ayu – Front Desk ', contactPhone: '+62 361 234-567', options: {} });
		expectSent(result);
		const request = kit.only();
		expectSendRequest(request, '/send/contact');
		expect(request.json).toEqual({ phone: JID, contact_name: 'Salon Ayu – Front Desk', contact_phone: '62361234567' });
	});

	test('every option; a local contact phone uses the Default Country Code', async () => {
		expectSent(await kit.send('contact', { recipient: PHONE, contactName: 'Budi', contactPhone: '0812 9999 8888', options: { duration: 86400, isForwarded: true } }));
		const request = kit.only();
		expectSendRequest(request, '/send/contact');
		expect(request.json).toEqual({ phone: JID, contact_name: 'Budi', contact_phone: '6281299998888', duration: 86400, is_forwarded: true });
	});

	describe('bad input fails before any request', () => {
		test('empty contact name', async () => {
			expectRejected(kit, await kit.send('contact', { recipient: PHONE, contactName: ' ', contactPhone: PHONE, options: {} }), 'Contact Name is empty');
		});

		test('empty contact phone from the input', async () => {
			expectRejected(kit, await kit.send('contact', { recipient: PHONE, contactName: 'Budi', contactPhone: '={{ $json.card }}', options: {} }), 'Contact Phone is empty');
		});

		test('invalid contact phone', async () => {
			expectRejected(kit, await kit.send('contact', { recipient: PHONE, contactName: 'Budi', contactPhone: 'front desk', options: {} }), 'Contact Phone: "front desk" is not a phone number');
		});

		test('invalid recipient', async () => {
			expectRejected(kit, await kit.send('contact', { recipient: 'nobody', contactName: 'Budi', contactPhone: PHONE, options: {} }), /^Recipient: /);
		});
	});

	test('continue on fail', async () => {
		await expectContinueOnFail(
			kit,
			'contact',
			{ recipient: PHONE, contactName: 'Budi', contactPhone: '={{ $json.card }}', options: {} },
			[{ json: { card: 'x' } }, { json: { card: '+62 811 0000 1111' } }, { json: { card: '' } }],
			/^Contact Phone/,
		);
		expect(kit.only().json).toMatchObject({ contact_phone: '6281100001111' });
	});
});
