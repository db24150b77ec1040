import type { IDataObject, INodeParameters, IRunExecutionData } from 'n8n-workflow';

import { describeContract, runWebhook } from '../../../../harness';
import { JID, PHONE, expectSendRequest, setupSendKit } from './sendKit';

const SIGNED = /^http:\/\/[^/]+\/webhook-waiting\/[^/]+\/[^?]+\?approved=(true|false)&signature=[0-9a-f]{64}$/;

describeContract('Send → Send and Wait for Response (GOWA)', () => {
	const kit = setupSendKit();

	async function sendAndWait(parameters: INodeParameters, items = [{ json: { phone: PHONE, name: 'Ayu' } }]) {
		return await kit.send('sendAndWait', { recipient: '={{ $json.phone }}', ...parameters }, items);
	}

	function waitingStackItem(run: { data: IRunExecutionData }): IDataObject {
		const stack = run.data.executionData?.nodeExecutionStack ?? [];
		expect(stack).toHaveLength(1);
		return stack[0].data.main[0]?.[0]?.json as IDataObject;
	}

	async function answerPage(result: Awaited<ReturnType<typeof sendAndWait>>, parameters: INodeParameters, method: 'GET' | 'POST', query: IDataObject, body?: IDataObject) {
		return await runWebhook({
			nodeType: 'whatsAppMultiDevice',
			parameters: { resource: 'send', operation: 'sendAndWait', ...parameters },
			request: { method, query: query as Record<string, string>, body, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
			runExecutionData: result.run.data,
		});
	}

	test('approve and decline: one text with two signed links, the execution waits, the stack carries the timeout item', async () => {
		const parameters = {
			message: '=Hi {{ $json.name }}, confirm your booking?',
			approvalOptions: { values: { approvalType: 'double', approveLabel: 'Yes', disapproveLabel: 'No' } },
			options: { limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 2, resumeUnit: 'hours' } } },
		};
		const before = Date.now();
		const result = await sendAndWait(parameters);
		expect(result.error).toBeUndefined();
		const request = kit.only();
		expectSendRequest(request, '/send/message');
		const { phone, message } = request.json as { phone: string; message: string };
		expect(phone).toBe(JID);
		const [question, yes, yesUrl, no, noUrl] = message.split('\n\n').flatMap((part) => part.split('\n'));
		expect(question).toBe('Hi Ayu, confirm your booking?');
		expect([yes, no]).toEqual(['*Yes:*', '*No:*']);
		expect(yesUrl).toMatch(SIGNED);
		expect(yesUrl).toContain('approved=true');
		expect(noUrl).toMatch(SIGNED);
		expect(noUrl).toContain('approved=false');

		const waitTill = new Date(result.run.waitTill as Date).getTime();
		expect(waitTill).toBeGreaterThanOrEqual(before + 2 * 3_600_000);
		expect(waitTill).toBeLessThan(Date.now() + 2 * 3_600_000 + 1000);
		const carried = waitingStackItem(result.run as never);
		expect(carried).toMatchObject({ status: 'timeout', timedOut: true, provider: 'gowa', recipient: JID, responseType: 'approval', waitTill: new Date(waitTill).toISOString() });
		expect(carried.messageId).toEqual(expect.any(String));
		expect((carried.question as IDataObject).message).toBe('Hi Ayu, confirm your booking?');
	});

	test('the approve link shows a confirmation page on GET (nothing answered) and answers on POST with the message ID', async () => {
		const parameters = { message: 'Approve the refund?', approvalOptions: { values: { approvalType: 'double' } } };
		const result = await sendAndWait(parameters);
		const messageId = waitingStackItem(result.run as never).messageId;

		const page = await answerPage(result, parameters, 'GET', { approved: 'false' });
		expect(page.response).toEqual({ noWebhookResponse: true });
		expect(page.httpResponse.statusCode).toBe(200);
		expect(page.httpResponse.headers['content-security-policy']).toContain("default-src 'none'");
		expect(String(page.httpResponse.body)).toContain('<form method="post"><button type="submit" class="secondary">Decline</button>');
		expect(page.items).toHaveLength(0);

		const answer = await answerPage(result, parameters, 'POST', { approved: 'false' });
		expect(answer.items).toHaveLength(1);
		expect(answer.items[0].json).toMatchObject({ status: 'answered', timedOut: false, approved: false, messageId, recipient: JID, provider: 'gowa' });
		expect(answer.items[0].json.respondedAt).toEqual(expect.any(String));
		expect(String(answer.response?.webhookResponse)).toContain('Got it, thanks');
	});

	test('free text: the form escapes the question; an empty answer is refused with the form again; a text answers', async () => {
		const parameters = { message: '<script>alert(1)</script> Any wishes?', responseType: 'freeText', options: { responseFormTitle: 'Your wishes' } };
		const result = await sendAndWait(parameters);
		expect((kit.only().json as { message: string }).message).toMatch(/^<script>alert\(1\)<\/script> Any wishes\?\n\n\*Respond:\*\nhttp/);

		const page = await answerPage(result, parameters, 'GET', { approved: 'true' });
		const html = String(page.httpResponse.body);
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Any wishes?');
		expect(html).not.toContain('<script>');
		expect(html).toContain('<textarea id="f0" name="field-0" maxlength="4096" required>');

		const empty = await answerPage(result, parameters, 'POST', { approved: 'true' }, { 'field-0': '   ' });
		expect(empty.items).toHaveLength(0);
		expect(empty.httpResponse.statusCode).toBe(400);
		expect(String(empty.httpResponse.body)).toContain('Write an answer before sending');

		const answer = await answerPage(result, parameters, 'POST', { approved: 'true' }, { 'field-0': ' A window seat, please ' });
		expect(answer.items[0].json).toMatchObject({ status: 'answered', text: 'A window seat, please', responseType: 'freeText' });
	});

	test('custom form: typed fields are checked, the answer is named by label', async () => {
		const parameters = {
			message: 'Pick a new slot',
			responseType: 'customForm',
			formFields: {
				values: [
					{ fieldLabel: 'Day', fieldType: 'date', requiredField: true },
					{ fieldLabel: 'Time', fieldType: 'dropdown', choices: 'Morning, Afternoon', requiredField: true },
					{ fieldLabel: 'People', fieldType: 'number' },
					{ fieldLabel: 'Email', fieldType: 'email' },
				],
			},
		};
		const result = await sendAndWait(parameters);
		const page = String((await answerPage(result, parameters, 'GET', { approved: 'true' })).httpResponse.body);
		expect(page).toContain('<select id="f1" name="field-1" required><option value=""></option><option>Morning</option><option>Afternoon</option></select>');

		const bad = await answerPage(result, parameters, 'POST', { approved: 'true' }, { 'field-0': '2026-12-24', 'field-1': 'Night' });
		expect(bad.items).toHaveLength(0);
		expect(String(bad.httpResponse.body)).toContain('&quot;Time&quot; must be one of: Morning, Afternoon');
		expect(String(bad.httpResponse.body)).toContain('value="2026-12-24"');

		const good = await answerPage(result, parameters, 'POST', { approved: 'true' }, { 'field-0': '2026-12-24', 'field-1': 'Afternoon', 'field-2': '3', 'field-3': '' });
		expect(good.items[0].json).toMatchObject({ status: 'answered', form: { Day: '2026-12-24', Time: 'Afternoon', People: 3, Email: null } });
	});

	test('a webhook call without the carried question (no waiting execution) answers 404 and resumes nothing', async () => {
		const page = await runWebhook({ nodeType: 'whatsAppMultiDevice', parameters: { resource: 'send', operation: 'sendAndWait' }, request: { method: 'POST', body: { sendAndWait: true } } });
		expect(page.httpResponse.statusCode).toBe(404);
		expect(page.items).toHaveLength(0);
	});

	test('chat reply: the question goes out as written; the chat and the signed reply path are in the custom data; only an allowed reply resumes', async () => {
		const parameters = { message: 'Reply 1 to confirm, 2 to reschedule', responseType: 'chatReply', allowedReplies: '1, 2, Yes' };
		const result = await sendAndWait(parameters);
		expect(result.error).toBeUndefined();
		expect(kit.only().json).toEqual({ phone: JID, message: 'Reply 1 to confirm, 2 to reschedule' });
		const metadata = result.run.data.resultData.metadata as Record<string, string>;
		expect(metadata.waWaitChat).toBe(`gowa|${JID}`);
		expect(metadata.waWaitTenant).toBe('salon-main');
		expect(metadata.waWaitReply).toMatch(/^http:\/\/[^/]+\/webhook-waiting\/[^/]+\/[^?]+\?reply=true&signature=[0-9a-f]{64}$/);

		const opened = await answerPage(result, parameters, 'GET', { reply: 'true' });
		expect(opened.httpResponse.statusCode).toBe(404);
		const wrong = await answerPage(result, parameters, 'POST', { reply: 'true' }, { text: 'maybe' });
		expect(wrong.items).toHaveLength(0);
		expect(wrong.response?.webhookResponse).toEqual({ handedOff: false, reason: 'noMatch', reprompt: 'Please reply with one of: 1, 2, Yes' });
		const right = await answerPage(result, parameters, 'POST', { reply: 'true' }, { text: ' yes ', from: '6281122223333', messageId: '3EB0X' });
		expect(right.response?.webhookResponse).toEqual({ handedOff: true, answer: 'Yes' });
		expect(right.items[0].json).toMatchObject({ status: 'answered', answer: 'Yes', reply: 'yes', from: '6281122223333', replyMessageId: '3EB0X', responseType: 'chatReply' });
	});

	describe('bad input fails before any request', () => {
		test.each([
			['an empty message', { message: ' ' }, 'Message is empty'],
			['a custom form without fields', { message: 'x', responseType: 'customForm' }, 'The Custom Form has no fields'],
			['a dropdown without choices', { message: 'x', responseType: 'customForm', formFields: { values: [{ fieldLabel: 'A', fieldType: 'dropdown' }] } }, 'The dropdown "A" has no choices'],
			['two fields with one label', { message: 'x', responseType: 'customForm', formFields: { values: [{ fieldLabel: 'A' }, { fieldLabel: 'A' }] } }, 'Two form fields are labelled "A"'],
			['a wait limit in the past', { message: 'x', options: { limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime: '2020-01-01T00:00:00Z' } } } }, 'Limit Wait Time: Max Date and Time has passed'],
			['chat reply without allowed replies', { message: 'x', responseType: 'chatReply', allowedReplies: ' , ' }, 'Allowed Replies is empty'],
			['chat reply listing an answer twice', { message: 'x', responseType: 'chatReply', allowedReplies: 'Yes, yes' }, 'Allowed Replies lists an answer twice'],
			['a zero wait amount', { message: 'x', options: { limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 0, resumeUnit: 'hours' } } } }, 'Limit Wait Time: the amount must be a positive number'],
		])('%s', async (_name, parameters, message) => {
			const result = await sendAndWait(parameters as INodeParameters);
			expect(result.error?.message).toBe(message);
			expect(kit.gowa.requests()).toHaveLength(0);
			expect(result.run.waitTill).toBeUndefined();
		});

		test('two items: refused before anything is sent (one answer per execution)', async () => {
			const result = await sendAndWait({ message: 'x' }, [{ json: { phone: PHONE, name: 'a' } }, { json: { phone: PHONE, name: 'b' } }]);
			expect(result.error?.message).toBe('Send and Wait for Response takes one item per execution');
			expect(kit.gowa.requests()).toHaveLength(0);
		});
	});
});
