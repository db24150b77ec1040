/** Message → Send with Message Type "Template", Message → Mark as Read, and the template list search. */
import { runListSearch } from '../../../../harness';
import { CUSTOMER, describeCloudContract, expectRejectedBeforeSending, expectValidGraphRequest, useCloudSimulator } from '../../cloudKit';

describeCloudContract('Message → Send a template (outside the 24-hour window too)', () => {
	const kit = useCloudSimulator();
	const sendTemplate = (fields: Record<string, unknown>) => kit.run({ resource: 'message', operation: 'send', recipient: '+62 812-3456-7890', messageType: 'template', ...fields });

	test('hello_world picked from the list (name|language), no parameters; language policy always sent', async () => {
		const result = await sendTemplate({ template: { __rl: true, mode: 'list', value: 'hello_world|en_US' } });
		expect(result.error).toBeUndefined();
		expectValidGraphRequest(kit.only(), 'POST', `/${kit.sim.phoneNumberId}/messages`, 'sendMessage');
		expect(kit.only().json.template).toEqual({ name: 'hello_world', language: { code: 'en_US', policy: 'deterministic' } });
		expect(result.items[0].json).toMatchObject({ status: 'sent', provider: 'cloud', tenant: kit.sim.phoneNumberId, messageId: expect.stringMatching(/^wamid\./), messageStatus: 'accepted' });
	});

	test('booking_reminder with an image header, text/currency/date_time body, quick reply at 0 and URL button at 2', async () => {
		const result = await sendTemplate({
			template: { __rl: true, mode: 'name', value: 'booking_reminder' },
			languageCode: 'en_US',
			headerType: 'image',
			headerMedia: 'https://example.com/banner.jpg',
			bodyParameters: { parameter: [
				{ type: 'text', text: 'Ayu' },
				{ type: 'text', text: 'haircut' },
				{ type: 'date_time', fallbackValue: 'Monday 10:00' },
				{ type: 'currency', currencyCode: 'idr', amount: 50000.5, fallbackValue: 'IDR 50,000' },
			] },
			buttonParameters: { button: [{ subType: 'quick_reply', index: 0, value: 'confirm-42' }, { subType: 'url', index: 2, value: 'abc42' }] },
		});
		expect(result.error).toBeUndefined();
		expectValidGraphRequest(kit.only(), 'POST', `/${kit.sim.phoneNumberId}/messages`);
		expect(kit.only().json.template.components).toEqual([
			{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/banner.jpg' } }] },
			{ type: 'body', parameters: [
				{ type: 'text', text: 'Ayu' },
				{ type: 'text', text: 'haircut' },
				{ type: 'date_time', date_time: { fallback_value: 'Monday 10:00' } },
				{ type: 'currency', currency: { fallback_value: 'IDR 50,000', code: 'IDR', amount_1000: 50000500 } },
			] },
			{ type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'confirm-42' }] },
			{ type: 'button', sub_type: 'url', index: '2', parameters: [{ type: 'text', text: 'abc42' }] },
		]);
	});

	test('raw components JSON is sent unchanged; the Indonesian version is chosen by Language Code', async () => {
		const components = [{ type: 'body', parameters: [{ type: 'text', text: 'Ayu' }, { type: 'text', text: 'potong rambut' }, { type: 'text', text: 'Senin 10:00' }] }];
		const result = await sendTemplate({ template: { __rl: true, mode: 'list', value: 'booking_reminder|en_US' }, languageCode: 'id', templateParameters: 'json', componentsJson: JSON.stringify(components) });
		expect(result.error).toBeUndefined();
		expect(kit.only().json.template).toEqual({ name: 'booking_reminder', language: { code: 'id', policy: 'deterministic' }, components });
	});

	test('a parameter count that does not match: the 132000 message says what to add', async () => {
		const result = await sendTemplate({ template: { __rl: true, mode: 'name', value: 'booking_reminder' }, languageCode: 'id', bodyParameters: { parameter: [{ type: 'text', text: 'Ayu' }] } });
		expect(result.error?.message).toBe('The template parameters do not match the template (error 132000)');
		expect(result.error?.description).toContain('one body parameter per {{n}}');
		expect(result.error?.description).toContain('does not match the expected number of params (3)');
	});

	test('a pending template: 132001 says only approved templates can be sent', async () => {
		const result = await sendTemplate({ template: { __rl: true, mode: 'name', value: 'spring_promo' } });
		expect(result.error?.message).toBe('The template does not exist in this language or is not approved (error 132001)');
	});

	test.each([
		['a name with capitals', { template: { __rl: true, mode: 'name', value: 'Booking Reminder' } }, 'Template "Booking Reminder" is not a template name'],
		['a bad currency code', { template: { __rl: true, mode: 'name', value: 'x' }, bodyParameters: { parameter: [{ type: 'currency', currencyCode: 'RUPIAH', amount: 1, fallbackValue: 'x' }] } }, 'Body parameter 1: Currency Code has 6 characters; WhatsApp allows at most 3'],
		['two buttons at one position', { template: { __rl: true, mode: 'name', value: 'x' }, buttonParameters: { button: [{ subType: 'quick_reply', index: 1, value: 'a' }, { subType: 'quick_reply', index: 1, value: 'b' }] } }, 'Button parameter position "1" appears twice'],
		['components JSON that is not a list', { template: { __rl: true, mode: 'name', value: 'x' }, templateParameters: 'json', componentsJson: '{"type":"body"}' }, 'Components (JSON) must be a list of components with a "type"'],
	])('rejected before sending: %s', async (_name, fields, message) => {
		expectRejectedBeforeSending(kit, await sendTemplate(fields), message);
	});

	test('the list search offers approved templates only, as name (language)', async () => {
		const { result, thrown } = await runListSearch('searchTemplates', { nodeType: 'whatsAppCloud', credentialType: 'whatsAppCloudApi', credentials: kit.sim.credentials() });
		expect(thrown).toBeUndefined();
		expect(result?.results).toEqual([
			{ name: 'hello_world (en_US)', value: 'hello_world|en_US' },
			{ name: 'booking_reminder (en_US)', value: 'booking_reminder|en_US' },
			{ name: 'booking_reminder (id)', value: 'booking_reminder|id' },
		]);
		const filtered = await runListSearch('searchTemplates', { nodeType: 'whatsAppCloud', credentialType: 'whatsAppCloudApi', credentials: kit.sim.credentials(), filter: 'HELLO' });
		expect(filtered.result?.results.map((entry) => entry.value)).toEqual(['hello_world|en_US']);
	});
});

describeCloudContract('Message → Mark as Read', () => {
	const kit = useCloudSimulator();

	test('with a typing indicator; the local schema (P4) validates the body', async () => {
		const result = await kit.run({ resource: 'message', operation: 'markRead', messageId: 'wamid.IN1', typingIndicator: true });
		expect(result.error).toBeUndefined();
		expectValidGraphRequest(kit.only(), 'POST', `/${kit.sim.phoneNumberId}/messages`);
		expect(kit.only().json).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN1', typing_indicator: { type: 'text' } });
		expect(result.items[0].json).toEqual({ success: true, provider: 'cloud', tenant: kit.sim.phoneNumberId, messageId: 'wamid.IN1', typingIndicator: true });
	});

	test('without the indicator, from another number of the account (Phone Number ID)', async () => {
		await kit.run({ resource: 'message', operation: 'markRead', messageId: 'wamid.IN2', phoneNumberId: kit.sim.phoneNumberId });
		expect(kit.only().json).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN2' });
	});

	test('a Phone Number ID that is not a Graph ID is rejected before sending (no path tricks)', async () => {
		expectRejectedBeforeSending(kit, await kit.run({ resource: 'message', operation: 'markRead', messageId: 'wamid.IN2', phoneNumberId: '../me' }), 'Phone Number ID "../me" is not a Graph ID');
	});
	void CUSTOMER;
});
