/** Template → Get Many / Get / Create / Delete against the Meta simulator. */
import { describeCloudContract, expectRejectedBeforeSending, expectValidGraphRequest, useCloudSimulator } from '../../cloudKit';

describeCloudContract('Template', () => {
	const kit = useCloudSimulator();

	test('Get Many: approved by default filter; Return All follows the cursor pages', async () => {
		const waba = kit.sim.businessAccountId;
		for (let n = 0; n < 120; n++) kit.sim.state.wabas.get(waba).templates.push({ id: String(800000 + n), name: `bulk_${n}`, language: 'en_US', status: 'APPROVED', category: 'UTILITY', components: [] });
		try {
			const result = await kit.run({ resource: 'template', operation: 'getAll', returnAll: true, filters: { status: 'APPROVED' } });
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(123);
			expect(kit.requests().map((request) => request.query.after ?? null)).toEqual([null, expect.any(String)]);
			for (const request of kit.requests()) expectValidGraphRequest(request, 'GET', `/${waba}/message_templates`, 'getTemplateByNameDefaultFields');
		} finally {
			const templates = kit.sim.state.wabas.get(waba).templates;
			templates.splice(templates.findIndex((template: { name: string }) => template.name === 'bulk_0'));
		}
	});

	test('Get Many with a limit and a name filter', async () => {
		const result = await kit.run({ resource: 'template', operation: 'getAll', returnAll: false, limit: 1, filters: { name: 'booking_reminder' } });
		expect(result.items.map((item) => [item.json.name, item.json.language])).toEqual([['booking_reminder', 'en_US']]);
		expect(kit.only().query).toMatchObject({ name: 'booking_reminder', limit: '1' });
	});

	test('Create from fields: components with the example values Meta requires; comes back PENDING; Get shows it', async () => {
		const result = await kit.run({ resource: 'template', operation: 'create', name: 'visit_followup', language: 'en_US', category: 'UTILITY', definition: 'fields', headerText: 'Thank you', bodyText: 'Hi {{1}}, how was your {{2}}?', bodyExamples: 'Ayu, haircut', footerText: 'Salon Ayu', quickReplies: ['Great', 'Not good'] });
		expect(result.error).toBeUndefined();
		const request = kit.only();
		expectValidGraphRequest(request, 'POST', `/${kit.sim.businessAccountId}/message_templates`);
		expect(request.json).toEqual({
			name: 'visit_followup',
			language: 'en_US',
			category: 'UTILITY',
			components: [
				{ type: 'HEADER', format: 'TEXT', text: 'Thank you' },
				{ type: 'BODY', text: 'Hi {{1}}, how was your {{2}}?', example: { body_text: [['Ayu', 'haircut']] } },
				{ type: 'FOOTER', text: 'Salon Ayu' },
				{ type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Great' }, { type: 'QUICK_REPLY', text: 'Not good' }] },
			],
		});
		expect(result.items[0].json).toEqual({ id: expect.any(String), status: 'PENDING', category: 'UTILITY' });
		kit.sim.clearRequests();
		const got = await kit.run({ resource: 'template', operation: 'get', templateId: result.items[0].json.id });
		expect(got.items[0].json).toMatchObject({ name: 'visit_followup', status: 'PENDING' });
	});

	test('Create from raw JSON, then Delete by name', async () => {
		const components = [{ type: 'BODY', text: 'Your order is ready' }];
		const created = await kit.run({ resource: 'template', operation: 'create', name: 'order_ready', language: 'id', category: 'UTILITY', definition: 'json', componentsJson: JSON.stringify(components) });
		expect(kit.only().json.components).toEqual(components);
		kit.sim.clearRequests();
		const deleted = await kit.run({ resource: 'template', operation: 'delete', templateName: 'order_ready', templateId: created.items[0].json.id });
		expectValidGraphRequest(kit.only(), 'DELETE', `/${kit.sim.businessAccountId}/message_templates`, 'deleteTemplateByName');
		expect(kit.only().query).toEqual({ name: 'order_ready', hsm_id: created.items[0].json.id });
		expect(deleted.items[0].json).toEqual({ success: true, name: 'order_ready', templateId: created.items[0].json.id });
	});

	test('Create: example values must match the variables (checked before sending)', async () => {
		expectRejectedBeforeSending(kit, await kit.run({ resource: 'template', operation: 'create', name: 'x', language: 'en_US', definition: 'fields', bodyText: 'Hi {{1}} {{2}}', bodyExamples: 'Ayu' }), 'Body Example Values has 1 values; the body has 2 variables');
	});
});
