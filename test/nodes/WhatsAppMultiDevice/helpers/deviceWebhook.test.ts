import { NodeOperationError } from 'n8n-workflow';

import {
	WEBHOOK_EVENT_OPTIONS,
	checkWebhookUrl,
	joinWebhookEvents,
	redactWebhookConfig,
} from '../../../../nodes/WhatsAppMultiDevice/helpers/deviceWebhook';
import { KNOWN_EVENTS } from '../../../../nodes/WhatsAppMultiDeviceTrigger/events';
import { fakeContext } from './fakeContext';

const context = fakeContext({});

describe('WEBHOOK_EVENT_OPTIONS', () => {
	test('lists every event GOWA v9.2 emits, sorted by name', () => {
		const values = WEBHOOK_EVENT_OPTIONS.map((option) => option.value).sort();
		expect(values).toEqual([
			'call.offer',
			'chat_presence',
			'group.joined',
			'group.participants',
			'label.association',
			'label.edit',
			'message',
			'message.ack',
			'message.deleted',
			'message.edited',
			'message.reaction',
			'message.revoked',
			'newsletter.joined',
			'newsletter.left',
			'newsletter.message',
			'newsletter.mute',
		]);
		// The same events the Trigger offers, so a device webhook set here can feed it.
		expect(values).toEqual([...KNOWN_EVENTS].sort());
		const names = WEBHOOK_EVENT_OPTIONS.map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});
});

describe('joinWebhookEvents', () => {
	test('multi-select → comma-separated, as GOWA splits it', () => {
		expect(joinWebhookEvents(context, 0, ['message', 'message.ack', 'call.offer'])).toBe('message,message.ack,call.offer');
	});
	test('a comma-separated expression value is accepted, trimmed, lower-cased and de-duplicated', () => {
		expect(joinWebhookEvents(context, 0, ' Message , message.ack,message ')).toBe('message,message.ack');
	});
	test('nothing selected = every event (empty string)', () => {
		expect(joinWebhookEvents(context, 0, [])).toBe('');
		expect(joinWebhookEvents(context, 0, undefined)).toBe('');
	});
	test('an unknown event fails before any request', () => {
		expect(() => joinWebhookEvents(context, 0, ['message', 'messages'])).toThrow(NodeOperationError);
		expect(() => joinWebhookEvents(context, 0, ['message', 'messages'])).toThrow('Events: "messages" is not a GOWA webhook event');
	});
});

describe('checkWebhookUrl', () => {
	test('http(s) URLs pass', () => {
		expect(checkWebhookUrl(context, 0, ' https://n8n.example.com/webhook/abc ', false)).toBe('https://n8n.example.com/webhook/abc');
	});
	test('empty clears only where allowed', () => {
		expect(checkWebhookUrl(context, 0, '', true)).toBe('');
		expect(() => checkWebhookUrl(context, 0, '', false)).toThrow(NodeOperationError);
	});
	test.each(['ftp://example.com/x', 'example.com/hook', 'not a url'])('%j is rejected', (url) => {
		expect(() => checkWebhookUrl(context, 0, url, true)).toThrow(/is not an http\(s\) URL/);
	});
});

describe('redactWebhookConfig', () => {
	test('the plain-text secret GOWA returns is never output', () => {
		const output = redactWebhookConfig({
			device_id: 'salon-main',
			webhook_url: 'https://example.com/hook',
			webhook_secret: 'super-secret-key',
			webhook_events: 'message',
			webhook_insecure_skip_verify: false,
		});
		expect(output).toEqual({
			device_id: 'salon-main',
			webhook_url: 'https://example.com/hook',
			webhook_events: 'message',
			webhook_insecure_skip_verify: false,
			webhookSecretSet: true,
		});
		expect(JSON.stringify(output)).not.toContain('super-secret-key');
	});
	test('no secret configured', () => {
		expect(redactWebhookConfig({ device_id: 'x', webhook_url: '', webhook_secret: '' }).webhookSecretSet).toBe(false);
		expect(redactWebhookConfig({ id: 'x' }).webhookSecretSet).toBe(false);
	});
});
