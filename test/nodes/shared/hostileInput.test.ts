/**
 * Issue 16 item 2: a 100 kB phone/JID field (from an unauthenticated Webhook body, or a hostile GOWA event) is refused
 * or ignored by a length check before any parsing, in every node: the action node's recipient, the Reminder
 * Template's phone, the trigger's sender / chat parsing and its sender filter. Behaviour is asserted (error, nothing
 * sent, no regex applied to the hostile string), never wall time.
 */
import { createHmac } from 'node:crypto';

import { expectRejectedBeforeSending, runNode, runWebhook, useSimulator } from '../../harness';
import { MAX_RECIPIENT_LENGTH } from '../../../nodes/shared/phone';
import { forgetInProcess } from '../../../nodes/WhatsAppMultiDeviceTrigger/dedup';
import { buildFilter, filterOut } from '../../../nodes/WhatsAppMultiDeviceTrigger/filters';
import { flattenEvent, parseGowaEvent } from '../../../nodes/WhatsAppMultiDeviceTrigger/normalize';
import { watchRegexWork } from './regexWork';

/** 100 kB of `:` with a line break: quadratic for the old `/[.:].*$/` device-suffix strip. */
const HOSTILE_JID = `1${':'.repeat(100_000)}\n1@s.whatsapp.net`;
const HOSTILE_PHONE = `+62${' '.repeat(100_000)}812`;

describe('action node: a 100 kB recipient', () => {
	const gowa = useSimulator({ deviceId: 'salon-main' });

	test.each([
		['JID', HOSTILE_JID],
		['phone number', HOSTILE_PHONE],
	])('a %s of 100 kB fails the item with a clear error before any request', async (_name, phone) => {
		const result = await runNode({
			parameters: { resource: 'send', operation: 'text', recipient: '={{ $json.phone }}', message: 'Hi', options: {} },
			credentials: gowa.credentials({ defaultCountryCode: '62' }),
			items: [{ json: { phone } }],
		});
		expectRejectedBeforeSending(result, gowa.requests(), `Recipient: The recipient is ${phone.length} characters long; phone numbers and WhatsApp IDs have at most ${MAX_RECIPIENT_LENGTH}`);
	});

	test('mentions are capped the same way', async () => {
		const result = await runNode({
			parameters: { resource: 'send', operation: 'text', recipient: '6281234567890', message: 'Hi', options: { mentions: ['={{ $json.phone }}'] } },
			credentials: gowa.credentials(),
			items: [{ json: { phone: HOSTILE_JID } }],
		});
		expectRejectedBeforeSending(result, gowa.requests(), /^Mentions: The recipient is 100018 characters long/);
	});
});

describe('Reminder Template: a 100 kB phone', () => {
	test('becomes a clear error item (Continue On Fail) and never reaches the parser', async () => {
		const result = await runNode({
			nodeType: 'whatsAppReminderTemplate',
			parameters: { kind: 'reminder', options: { defaultCountryCode: '62', referenceTime: '2026-11-22T07:05:40Z' } },
			items: [{ json: { customerName: 'Siti', phone: HOSTILE_JID, startTime: '2026-11-23 14:00', businessName: 'Salon', bookingId: 'BK-1' } }],
			continueOnFail: true,
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toBe(`Phone: The value is ${HOSTILE_JID.length} characters long; phone numbers and WhatsApp IDs have at most ${MAX_RECIPIENT_LENGTH} [item 0]`);
	});

	test('an object mapped to Phone is refused as not text', async () => {
		const result = await runNode({
			nodeType: 'whatsAppReminderTemplate',
			parameters: { kind: 'reminder', phone: '={{ $json.customer }}', options: { defaultCountryCode: '62', referenceTime: '2026-11-22T07:05:40Z' } },
			items: [{ json: { customer: { phone: '0812' }, startTime: '2026-11-23 14:00', bookingId: 'BK-1' } }],
			continueOnFail: true,
		});
		expect(result.items[0].json.error).toBe('Phone is of type object, not text [item 0]');
	});
});

describe('trigger: a 100 kB sender or chat id in a signed event', () => {
	const SECRET = 'hostile-input-webhook-secret';
	const event = (from: string, chatId: string): string =>
		JSON.stringify({
			device_id: '628111000111@s.whatsapp.net',
			event: 'message',
			payload: { body: 'hi', chat_id: chatId, from, id: `HOSTILE${from.length}${chatId.length}`, is_from_me: false, timestamp: new Date().toISOString() },
			session_id: 'salon-main',
		});

	beforeEach(() => forgetInProcess());

	test('flattening the event applies no regex to the hostile fields (sender comes out null)', () => {
		const parsed = parseGowaEvent(event(HOSTILE_JID, HOSTILE_JID));
		expect(parsed).toBeDefined();
		const { result, work } = watchRegexWork(() => flattenEvent(parsed!));
		expect(result?.sender).toBeNull();
		expect(work.longestInput).toBeLessThanOrEqual(MAX_RECIPIENT_LENGTH);
	});

	test('the sender filter skips the hostile sender without parsing it', () => {
		const filter = buildFilter({ events: ['message'], senders: '6281234567890' }, '62', () => {
			throw new Error('invalid entry');
		});
		const parsed = parseGowaEvent(event(HOSTILE_JID, '6281234567890@s.whatsapp.net'))!;
		const { result, work } = watchRegexWork(() => filterOut(parsed, filter));
		expect(result).toEqual(expect.any(String));
		expect(work.longestInput).toBeLessThanOrEqual(MAX_RECIPIENT_LENGTH);
	});

	test('through the webhook: answered, one execution, sender null', async () => {
		const body = event(HOSTILE_JID, HOSTILE_JID);
		const hook = await runWebhook({
			nodeType: 'whatsAppMultiDeviceTrigger',
			parameters: { events: ['message'], deviceId: '', options: {} },
			credentials: { baseUrl: 'http://127.0.0.1:9', webhookSecret: SECRET, defaultCountryCode: '62' },
			request: { rawBody: body, headers: { 'X-Hub-Signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` } },
		});
		expect(hook.thrown).toBeUndefined();
		expect(hook.items).toHaveLength(1);
		expect(hook.items?.[0].json.sender).toBeNull();
	});
});
