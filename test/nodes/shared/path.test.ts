/**
 * One path rule for every node (issue 16, item 18): a device, message or chat ID `.` or `..` can never be resolved
 * away as a dot segment (Log Out on `..` would post to `{base}/logout`). And `+` in a device id survives the
 * X-Device-Id header, which GOWA URL-unescapes with query rules (item 19).
 */
import { devicePath, encodeDevicePathSegment, hasDotSegment } from '../../../nodes/shared/path';
import { encodeDeviceHeader } from '../../../nodes/shared/transport';
import { WhatsAppMultiDeviceTrigger } from '../../../nodes/WhatsAppMultiDeviceTrigger/WhatsAppMultiDeviceTrigger.node';
import { runNode, runWebhookMethod, useSimulator } from '../../harness';
import { TransportProbe } from '../../support/transportProbe';

describe('hasDotSegment', () => {
	test.each(['/devices/../logout', '/devices/./logout', '/message/%2e%2e/star', '/message/.%2E/star', '/chat/%2E/pin', '..', '/x/..?q=1'])('%s has one', (path) => {
		expect(hasDotSegment(path)).toBe(true);
	});

	test.each(['/devices/salon.main/logout', '/devices/...', '/message/3EB0.1/star', '/statics/media/a..b.jpg', '/send/message', '/x?next=../y'])('%s has none', (path) => {
		expect(hasDotSegment(path)).toBe(false);
	});

	test('device paths built from "." or ".." are caught by it', () => {
		expect(hasDotSegment(devicePath('..', '/logout'))).toBe(true);
		expect(hasDotSegment(devicePath('.'))).toBe(true);
		expect(encodeDevicePathSegment('628123:12@s.whatsapp.net')).toBe('628123:12@s.whatsapp.net');
	});
});

describe('encodeDeviceHeader', () => {
	test('"+" is percent-encoded (GOWA would read it as a space), as is "%"', () => {
		expect(encodeDeviceHeader('salon+1')).toBe('salon%2B1');
		expect(encodeDeviceHeader('+6281234567890')).toBe('%2B6281234567890');
		expect(encodeDeviceHeader('50%+')).toBe('50%25%2B');
	});
});

describe('inside n8n, against the simulator', () => {
	const gowa = useSimulator({
		auth: { username: 'admin', password: 'pw-path' },
		devices: [
			{ id: 'salon-main', jid: '6281100000001@s.whatsapp.net', state: 'logged_in' },
			{ id: 'salon+1', jid: '6281100000002@s.whatsapp.net', state: 'logged_in' },
		],
	});

	test.each(['..', '.'])('Device → Log Out on "%s" sends nothing (no POST {base}/logout)', async (device) => {
		const result = await runNode({ parameters: { resource: 'device', operation: 'logout', device }, credentials: gowa.credentials() });
		expect(gowa.requests()).toEqual([]);
		expect(result.error?.message).toBe('An ID of "." or ".." cannot be used: it would change the address of the request');
		expect(result.error?.context?.itemIndex).toBe(0);
	});

	test('Message → Star on message ".." sends nothing', async () => {
		const result = await runNode({ parameters: { resource: 'message', operation: 'star', chat: '6281234567890', messageId: '..' }, credentials: gowa.credentials({ deviceId: 'salon-main' }) });
		expect(gowa.requests()).toEqual([]);
		expect(result.error?.message).toMatch(/"\." or "\.\." cannot be used/);
	});

	test('trigger registration for device ".." sends nothing', async () => {
		const { thrown } = await runWebhookMethod('create', {
			nodeType: WhatsAppMultiDeviceTrigger,
			parameters: { events: ['message'], deviceId: '..', registerWebhook: true, secretSource: 'generated', options: {} },
			credentials: gowa.credentials(),
			staticData: {},
		});
		expect(gowa.requests()).toEqual([]);
		expect(String(thrown?.message)).toMatch(/"\." or "\.\." cannot be used/);
	});

	test('any transport path with a dot segment is refused, however it was built', async () => {
		const result = await runNode({ nodeType: TransportProbe, parameters: { request: JSON.stringify({ method: 'POST', path: '/devices/%2e%2e/logout' }) }, credentials: gowa.credentials() });
		expect(gowa.requests()).toEqual([]);
		expect(result.error?.message).toMatch(/cannot be used/);
	});

	test('a device id with "+" reaches GOWA as that device, not with a space', async () => {
		const result = await runNode({
			parameters: { resource: 'send', operation: 'text', recipient: '6281234567890', message: 'Hi', options: {}, deviceId: { mode: 'id', value: 'salon+1' } },
			credentials: gowa.credentials({ deviceId: '' }),
		});
		expect(result.error).toBeUndefined();
		const [request] = gowa.requests();
		expect(request.headers['x-device-id']).toBe('salon%2B1');
		expect(request.deviceId).toBe('salon+1');
	});
});
