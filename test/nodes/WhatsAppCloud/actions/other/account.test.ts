/** Phone Number → Get / Get Many, Business Profile → Get / Update, Block → Block / Unblock / Get Many. */
import { CUSTOMER, describeCloudContract, expectRejectedBeforeSending, expectValidGraphRequest, openWindow, useCloudSimulator } from '../../cloudKit';

describeCloudContract('Phone numbers, business profile, blocked users', () => {
	const kit = useCloudSimulator();

	test('Phone Number → Get: the credential’s default number with its status fields', async () => {
		const result = await kit.run({ resource: 'phoneNumber', operation: 'get' });
		expectValidGraphRequest(kit.only(), 'GET', `/${kit.sim.phoneNumberId}`, 'getPhoneNumberById');
		expect(result.items[0].json).toMatchObject({ id: kit.sim.phoneNumberId, verified_name: 'Salon Ayu', quality_rating: 'GREEN', code_verification_status: 'VERIFIED' });
	});

	test('Phone Number → Get Many: the numbers of the WABA', async () => {
		const result = await kit.run({ resource: 'phoneNumber', operation: 'getAll', returnAll: true });
		expectValidGraphRequest(kit.only(), 'GET', `/${kit.sim.businessAccountId}/phone_numbers`, 'getWhatsAppBusinessAccountPhoneNumbers');
		expect(result.items.map((item) => item.json.id)).toEqual([kit.sim.phoneNumberId]);
	});

	test('Business Profile → Update then Get', async () => {
		const updated = await kit.run({ resource: 'businessProfile', operation: 'update', updateFields: { about: 'Open daily 9–18', websites: ['https://salon.example/book'] } });
		expectValidGraphRequest(kit.only(), 'POST', `/${kit.sim.phoneNumberId}/whatsapp_business_profile`, 'updateWhatsAppBusinessProfileInformation');
		expect(kit.only().json).toEqual({ messaging_product: 'whatsapp', about: 'Open daily 9–18', websites: ['https://salon.example/book'] });
		expect(updated.items[0].json).toEqual({ success: true, phoneNumberId: kit.sim.phoneNumberId, updated: ['about', 'websites'] });
		kit.sim.clearRequests();
		const got = await kit.run({ resource: 'businessProfile', operation: 'get' });
		expect(got.items[0].json).toMatchObject({ about: 'Open daily 9–18', websites: ['https://salon.example/book'], phoneNumberId: kit.sim.phoneNumberId });
	});

	test('Business Profile → Update: About over 139 characters is rejected before sending', async () => {
		expectRejectedBeforeSending(kit, await kit.run({ resource: 'businessProfile', operation: 'update', updateFields: { about: 'a'.repeat(140) } }), 'About has 140 characters; WhatsApp allows at most 139');
	});

	test('Block → Block, Get Many, Unblock (a user who wrote within 24 hours)', async () => {
		await openWindow(kit);
		const blocked = await kit.run({ resource: 'block', operation: 'block', users: ['+62 812-3456-7890'] });
		expect(blocked.error).toBeUndefined();
		expectValidGraphRequest(kit.only(), 'POST', `/${kit.sim.phoneNumberId}/block_users`, 'blockUserS');
		expect(kit.only().json).toEqual({ messaging_product: 'whatsapp', block_users: [{ user: CUSTOMER }] });
		expect(blocked.items[0].json).toMatchObject({ action: 'blocked', users: [CUSTOMER], added_users: [{ input: CUSTOMER, wa_id: CUSTOMER }] });
		kit.sim.clearRequests();
		const list = await kit.run({ resource: 'block', operation: 'getAll', returnAll: true });
		expect(list.items.map((item) => item.json.wa_id)).toEqual([CUSTOMER]);
		const send = await kit.run({ resource: 'message', operation: 'send', recipient: CUSTOMER, messageType: 'text', textBody: 'hi' });
		expect(send.error?.message).toBe('This business blocked the recipient (error 130403)');
		kit.sim.clearRequests();
		await kit.run({ resource: 'block', operation: 'unblock', users: [CUSTOMER] });
		expectValidGraphRequest(kit.only(), 'DELETE', `/${kit.sim.phoneNumberId}/block_users`, 'unblockUserS');
	});
});
