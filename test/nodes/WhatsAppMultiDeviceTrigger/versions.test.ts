/**
 * Issue 16 #24: the filters an auto-reply depends on show what they do. Version 1.1 makes Ignore Own Messages,
 * Ignore Group Chats (on) and Download Media (off) top-level parameters whose defaults are the behaviour; version 1
 * keeps its behaviour for saved workflows (off while absent) and its options now add as false, matching that.
 */
import { createHmac } from 'node:crypto';

import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { runWebhook } from '../../harness';
import { forgetInProcess } from '../../../nodes/WhatsAppMultiDeviceTrigger/dedup';
import { WhatsAppMultiDeviceTrigger } from '../../../nodes/WhatsAppMultiDeviceTrigger/WhatsAppMultiDeviceTrigger.node';

const SECRET = 'versions-test-secret';
const NOW = `${new Date().toISOString().slice(0, 19)}Z`;
const { description } = new WhatsAppMultiDeviceTrigger();

function event(id: string, payload: IDataObject = {}, name = 'message'): string {
	return JSON.stringify({ device_id: '628111000111@s.whatsapp.net', event: name, payload: { body: 'hi', chat_id: '6281234567890@s.whatsapp.net', from: '6281234567890@s.whatsapp.net', id, is_from_me: false, timestamp: NOW, ...payload } });
}

async function post(body: string, typeVersion: number, parameters: IDataObject = {}) {
	return await runWebhook({
		nodeType: WhatsAppMultiDeviceTrigger,
		typeVersion,
		parameters: { events: ['*'], deviceId: '', ...parameters },
		credentials: { baseUrl: 'http://127.0.0.1:9', webhookSecret: SECRET },
		request: { rawBody: body, headers: { 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` } },
	});
}

/** The properties the editor shows for a typeVersion (n8n's own display rule), by name. */
function shown(typeVersion: number, values: IDataObject = {}): Map<string, INodeProperties> {
	const result = new Map<string, INodeProperties>();
	for (const property of description.properties) {
		if (NodeHelpers.displayParameter(values as never, property, { typeVersion }, description)) result.set(property.name, property);
	}
	return result;
}

const own = (id: string) => event(id, { is_from_me: true });
const group = (id: string) => event(id, { chat_id: '120363025246125486@g.us' });

beforeEach(() => forgetInProcess());

describe('version 1.1 (new triggers)', () => {
	test('Ignore Own Messages and Ignore Group Chats are visible parameters, on by default; Download Media off', () => {
		expect(description.version).toEqual([1, 1.1]);
		expect(description.defaultVersion).toBe(1.1);
		const properties = shown(1.1);
		expect(properties.get('ignoreFromMe')).toMatchObject({ type: 'boolean', default: true });
		expect(properties.get('ignoreGroups')).toMatchObject({ type: 'boolean', default: true });
		expect(properties.get('downloadMedia')).toMatchObject({ type: 'boolean', default: false });
		const options = (properties.get('options')?.options ?? []).map((option) => (option as INodeProperties).name);
		expect(options).not.toContain('ignoreFromMe');
		expect(options).not.toContain('ignoreGroups');
		expect(options).not.toContain('downloadMedia');
	});

	test('the defaults are what happens: own and group messages ignored, media not downloaded', async () => {
		expect((await post(own('O1'), 1.1)).response?.webhookResponse).toEqual({ received: true, ignored: 'own message' });
		expect((await post(group('G1'), 1.1)).response?.webhookResponse).toEqual({ received: true, ignored: 'group chat' });
		const image = await post(event('I1', { image: 'statics/media/x.jpeg' }), 1.1);
		expect(image.items).toHaveLength(1);
		expect(image.items[0].binary).toBeUndefined();
		expect(image.items[0].json.mediaError).toBeUndefined();
	});

	test('turned off, own and group messages start executions', async () => {
		expect((await post(own('O2'), 1.1, { ignoreFromMe: false })).items).toHaveLength(1);
		expect((await post(group('G2'), 1.1, { ignoreGroups: false })).items).toHaveLength(1);
	});

	test('Group Participants events are delivered when selected, even with Ignore Group Chats on', async () => {
		const participants = JSON.stringify({ device_id: 'd', event: 'group.participants', payload: { chat_id: '120363025246125486@g.us', jids: ['6281234567890@s.whatsapp.net'], type: 'join' }, timestamp: NOW });
		expect((await post(participants, 1.1, { events: ['group.participants'] })).items).toHaveLength(1);
		forgetInProcess(); // the same delivery again, to a version 1 trigger
		expect((await post(participants, 1, { events: ['group.participants'], options: { ignoreGroups: true } })).items).toHaveLength(1);
		// A group message is still ignored.
		expect((await post(group('G5'), 1, { options: { ignoreGroups: true } })).items).toHaveLength(0);
	});
});

describe('version 1 (saved workflows keep their behaviour)', () => {
	test('options absent: own and group messages start executions, as before', async () => {
		expect((await post(own('O3'), 1, { options: {} })).items).toHaveLength(1);
		expect((await post(group('G3'), 1, { options: {} })).items).toHaveLength(1);
	});

	test('its options add as false (what absent means) and still work when set', async () => {
		const options = new Map(((shown(1).get('options')?.options ?? []) as INodeProperties[]).map((option) => [option.name, option]));
		for (const name of ['ignoreFromMe', 'ignoreGroups', 'downloadMedia']) expect(options.get(name)?.default).toBe(false);
		expect(shown(1).has('ignoreFromMe')).toBe(false);
		expect((await post(own('O4'), 1, { options: { ignoreFromMe: true } })).items).toHaveLength(0);
		expect((await post(group('G4'), 1, { options: { ignoreGroups: true } })).items).toHaveLength(0);
	});
});
