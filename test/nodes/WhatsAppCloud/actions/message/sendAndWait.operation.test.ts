/**
 * Message → Send and Wait for Response (Cloud): a call-to-action URL message with one signed link button, valid
 * against Meta's spec; the execution waits; the page the button opens answers (both choices on one page for
 * Approve and Decline).
 */
import type { IDataObject, IRunExecutionData } from 'n8n-workflow';

import { runWebhook } from '../../../../harness';
import { CUSTOMER, describeCloudContract, expectRejectedBeforeSending, expectValidGraphRequest, openWindow, useCloudSimulator } from '../../cloudKit';

describeCloudContract('Message → Send and Wait for Response (Cloud)', () => {
	const kit = useCloudSimulator();
	const ask = (fields: Record<string, unknown>, items?: Parameters<typeof kit.run>[1]) =>
		kit.run({ resource: 'message', operation: 'sendAndWait', recipient: '+62 812-3456-7890', ...fields }, items);

	beforeEach(async () => {
		await openWindow(kit);
	});

	const page = async (run: { data: IRunExecutionData }, method: 'GET' | 'POST', body?: IDataObject) =>
		await runWebhook({
			nodeType: 'whatsAppCloud',
			credentialType: 'whatsAppCloudApi',
			parameters: { resource: 'message', operation: 'sendAndWait' },
			request: { method, query: { approved: 'true' }, body, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
			runExecutionData: run.data,
		});

	test('approve and decline: one CTA URL button "Respond"; the page offers both; the posted choice answers', async () => {
		const result = await ask({ message: 'Confirm Friday 10:00?', approvalOptions: { values: { approvalType: 'double', approveLabel: 'Confirm', disapproveLabel: 'Reschedule' } } });
		expect(result.error).toBeUndefined();
		const request = kit.requests().filter((entry) => entry.graphPath === `/${kit.sim.phoneNumberId}/messages`).at(-1)!;
		expectValidGraphRequest(request, 'POST', `/${kit.sim.phoneNumberId}/messages`, 'sendMessage');
		expect(request.json).toMatchObject({
			to: CUSTOMER,
			type: 'interactive',
			interactive: { type: 'cta_url', body: { text: 'Confirm Friday 10:00?' }, action: { name: 'cta_url', parameters: { display_text: 'Respond' } } },
		});
		expect(request.json.interactive.action.parameters.url).toMatch(/\/webhook-waiting\/[^/]+\/[^?]+\?approved=true&signature=[0-9a-f]{64}$/);
		expect(result.run.waitTill).toBeDefined();

		const html = String((await page(result.run as never, 'GET')).httpResponse.body);
		expect(html).toContain('<input type="hidden" name="approved" value="true"><button type="submit">Confirm</button>');
		expect(html).toContain('<input type="hidden" name="approved" value="false"><button type="submit" class="secondary">Reschedule</button>');

		const noChoice = await page(result.run as never, 'POST', {});
		expect(noChoice.httpResponse.statusCode).toBe(400);
		expect(noChoice.items).toHaveLength(0);

		const declined = await page(result.run as never, 'POST', { approved: 'false' });
		expect(declined.items[0].json).toMatchObject({ status: 'answered', approved: false, provider: 'cloud', tenant: kit.sim.phoneNumberId, recipient: CUSTOMER, messageId: expect.stringMatching(/^wamid\./) });
	});

	test('approve only: the button carries the approve label', async () => {
		const result = await ask({ message: 'Approve the refund?', approvalOptions: { values: { approvalType: 'single', approveLabel: 'Approve refund' } } });
		expect(result.error).toBeUndefined();
		expect(kit.requests().at(-1)!.json.interactive.action.parameters.display_text).toBe('Approve refund');
		const answered = await page(result.run as never, 'POST', {});
		expect(answered.items[0].json).toMatchObject({ approved: true });
	});

	test('chat reply: one reply button per allowed reply (valid against Meta\'s spec); the chat is marked for the hand-off', async () => {
		const result = await ask({ message: 'Friday 10:00 still fine?', responseType: 'chatReply', allowedReplies: 'Confirm, Reschedule' });
		expect(result.error).toBeUndefined();
		const request = kit.requests().filter((entry) => entry.graphPath === `/${kit.sim.phoneNumberId}/messages`).at(-1)!;
		expectValidGraphRequest(request, 'POST', `/${kit.sim.phoneNumberId}/messages`, 'sendMessage');
		expect(request.json.interactive).toEqual({
			type: 'button',
			body: { text: 'Friday 10:00 still fine?' },
			action: { buttons: [{ type: 'reply', reply: { id: 'Confirm', title: 'Confirm' } }, { type: 'reply', reply: { id: 'Reschedule', title: 'Reschedule' } }] },
		});
		const metadata = result.run.data.resultData.metadata as Record<string, string>;
		expect(metadata).toMatchObject({ waWaitChat: `cloud|${CUSTOMER}`, waWaitTenant: kit.sim.phoneNumberId });
	});

	test('chat reply with four allowed replies: refused before any request (three reply buttons at most)', async () => {
		kit.sim.clearRequests();
		const result = await ask({ message: 'x', responseType: 'chatReply', allowedReplies: '1, 2, 3, 4' });
		expectRejectedBeforeSending(kit, result, /^Allowed Replies: 4 given/);
	});

	test.each([
		['a button label over 20 characters', { message: 'x', approvalOptions: { values: { approveLabel: 'Approve this refund now' } } }, 'Approve Button Label has 23 characters; WhatsApp allows at most 20'],
		['a message over 1024 characters', { message: 'x'.repeat(1025) }, 'Message has 1025 characters; WhatsApp allows at most 1024'],
	])('%s: refused before any request', async (_name, fields, message) => {
		kit.sim.clearRequests();
		const result = await ask(fields);
		expectRejectedBeforeSending(kit, result, message);
	});
});
