/**
 * Template → variables: the resource mapper lists the chosen template's variables (read from the WABA), and a send
 * built from their values matches the template (the simulator checks counts, header format and button types).
 */
import { ExecutionLifecycleHooks, LoadOptionsContext } from 'n8n-core';
import type { ResourceMapperFields } from 'n8n-workflow';

import { TestCredentialsHelper } from '../../../../harness/credentialsHelper';
import { WORKFLOW_ID, additionalDataFor, newExecutionId } from '../../../../harness/engine';
import { triggerSetup } from '../../../../harness/webhook';
import { describeCloudContract, expectValidGraphRequest, useCloudSimulator } from '../../cloudKit';

describeCloudContract('Message → Send a template from its variables (resource mapper)', () => {
	const kit = useCloudSimulator();

	async function mapperFields(parameters: Record<string, unknown>): Promise<ResourceMapperFields> {
		const setup = triggerSetup({ nodeType: 'whatsAppCloud', credentialType: 'whatsAppCloudApi', credentials: kit.sim.credentials(), parameters: { resource: 'message', operation: 'send', messageType: 'template', templateParameters: 'variables', ...parameters } });
		const executionId = newExecutionId();
		const hooks = new ExecutionLifecycleHooks('manual', executionId, { id: WORKFLOW_ID, nodes: [], connections: {} } as never);
		const context = new LoadOptionsContext(setup.workflow, setup.node, additionalDataFor(hooks, executionId, new TestCredentialsHelper(setup.credentialsByType)), 'parameters');
		const method = setup.nodeType.methods?.resourceMapping?.templateVariables;
		if (!method) throw new Error('no resourceMapping.templateVariables');
		return await method.call(context);
	}

	test('booking_reminder (en_US): image header, four body variables, two quick replies and a URL suffix', async () => {
		const { fields } = await mapperFields({ template: { __rl: true, mode: 'list', value: 'booking_reminder|en_US' } });
		expect(fields.map((field) => [field.id, field.displayName, field.required])).toEqual([
			['header_image', 'Header image (link or media ID)', true],
			['body_1', 'Body {{1}}', true],
			['body_2', 'Body {{2}}', true],
			['body_3', 'Body {{3}}', true],
			['body_4', 'Body {{4}}', true],
			['button_0_payload', 'Button 1 "Confirm": payload', false],
			['button_1_payload', 'Button 2 "Reschedule": payload', false],
			['button_2_url', 'Button 3 "Manage booking": URL suffix', true],
		]);
		expect(kit.only().query).toMatchObject({ name: 'booking_reminder' });
	});

	test('the language follows Language Code; a template without variables says so; an unknown one too', async () => {
		expect((await mapperFields({ template: { __rl: true, mode: 'name', value: 'booking_reminder' }, languageCode: 'id' })).fields.map((field) => field.id)).toEqual(['body_1', 'body_2', 'body_3']);
		expect(await mapperFields({ template: { __rl: true, mode: 'list', value: 'hello_world|en_US' } })).toEqual({ fields: [], emptyFieldsNotice: 'This template has no variables' });
		expect(await mapperFields({ template: { __rl: true, mode: 'name', value: 'nothing_here' } })).toEqual({ fields: [], emptyFieldsNotice: 'The account has no template "nothing_here" in en_US' });
	});

	test('a send from the mapped values is accepted by the simulator’s template checks', async () => {
		const result = await kit.run({
			resource: 'message',
			operation: 'send',
			recipient: '+62 812-3456-7890',
			messageType: 'template',
			template: { __rl: true, mode: 'list', value: 'booking_reminder|en_US' },
			templateParameters: 'variables',
			templateVariables: { mappingMode: 'defineBelow', value: { header_image: 'https://example.com/banner.jpg', body_1: 'Ayu', body_2: 'haircut', body_3: 'Monday 10:00', body_4: 'IDR 50,000', button_0_payload: 'confirm-9', button_2_url: 'b-9' } },
		});
		expect(result.error).toBeUndefined();
		expectValidGraphRequest(kit.only(), 'POST', `/${kit.sim.phoneNumberId}/messages`, 'sendMessage');
		expect(kit.only().json.template.components).toEqual([
			{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/banner.jpg' } }] },
			{ type: 'body', parameters: ['Ayu', 'haircut', 'Monday 10:00', 'IDR 50,000'].map((text) => ({ type: 'text', text })) },
			{ type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'confirm-9' }] },
			{ type: 'button', sub_type: 'url', index: '2', parameters: [{ type: 'text', text: 'b-9' }] },
		]);
	});

	test('a missing body value: Meta’s 132000 names the count', async () => {
		const result = await kit.run({
			resource: 'message', operation: 'send', recipient: '6281234567890', messageType: 'template',
			template: { __rl: true, mode: 'name', value: 'booking_reminder' }, languageCode: 'id', templateParameters: 'variables',
			templateVariables: { mappingMode: 'defineBelow', value: { body_1: 'Ayu', body_2: '', body_3: 'Senin' } },
		});
		expect(result.error?.message).toBe('The template parameters do not match the template (error 132000)');
	});
});
