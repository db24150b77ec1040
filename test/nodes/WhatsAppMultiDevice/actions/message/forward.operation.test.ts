import { NodeApiError } from 'n8n-workflow';

import { describeContract } from '../../../../harness';
import { JID, PHONE, expectOk, expectRejected, expectRequest, setupConversationKit } from '../chat/conversationKit';
import { seededMessage } from './messageFixtures';

describeContract('Message → Forward (POST /message/{id}/forward)', () => {
	const kit = setupConversationKit();

	test('forwards a stored message to a phone number: {phone: destination}; outputs like a send', async () => {
		const message = seededMessage(kit);
		const result = await kit.run('message', 'forward', { messageId: message.id, recipient: PHONE, options: {} });
		expectOk(result);
		expectRequest(kit.only(), 'POST', `/message/${message.id}/forward`, 'forwardMessage');
		expect(kit.only().json).toEqual({ phone: JID });
		expect(result.items[0].json).toEqual({
			status: 'sent',
			provider: 'gowa',
			tenant: 'salon-main',
			messageId: expect.any(String),
			recipient: JID,
			attempts: 1,
			serverStatus: expect.stringMatching(/^Message forwarded to /),
			forwardedMessageId: message.id,
		});
		expect(result.items[0].json.messageId).not.toBe(message.id);
	});

	test('every option: disappearing duration and force re-upload, to a group', async () => {
		const message = seededMessage(kit, 'image');
		expectOk(await kit.run('message', 'forward', { messageId: message.id, recipient: '120363025246125486@g.us', options: { duration: 604800, forceReupload: true } }));
		expectRequest(kit.only(), 'POST', `/message/${message.id}/forward`, 'forwardMessage');
		expect(kit.only().json).toEqual({ phone: '120363025246125486@g.us', duration: 604800, force_reupload: true });
	});

	test('a message GOWA has not stored: GOWA’s error is reported (NodeApiError), not swallowed', async () => {
		const result = await kit.run('message', 'forward', { messageId: '3EB0FFFFFFFFFFFFFFFFFF', recipient: PHONE, options: {}, sending: { maxAttempts: 1 } });
		expect(result.thrown).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toMatch(/HTTP 500/);
		expect(result.error?.description).toMatch(/not found/);
	});

	test('device override', async () => {
		const message = seededMessage(kit);
		expectOk(await kit.run('message', 'forward', { messageId: message.id, recipient: PHONE, options: {}, deviceId: 'salon-main' }));
		expect(kit.only().headers['x-device-id']).toBe('salon-main');
	});

	test('bad destination fails before any request', async () => {
		expectRejected(kit, await kit.run('message', 'forward', { messageId: 'AAAA', recipient: '12', options: {} }), /^Forward To: "12" has 2 digits/);
	});
});
