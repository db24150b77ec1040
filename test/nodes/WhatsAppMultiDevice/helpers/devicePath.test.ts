import { NodeOperationError } from 'n8n-workflow';

import { devicePath, encodeDevicePathSegment, getManagedDeviceId } from '../../../../nodes/WhatsAppMultiDevice/helpers/devicePath';
import { fakeContext } from './fakeContext';

describe('encodeDevicePathSegment', () => {
	test.each([
		['salon-main', 'salon-main'],
		['org_2', 'org_2'],
		// GOWA does not unescape /devices/:device_id, so a device JID must reach it verbatim.
		['6281234567890@s.whatsapp.net', '6281234567890@s.whatsapp.net'],
		['6281234567890:12@s.whatsapp.net', '6281234567890:12@s.whatsapp.net'],
		["a.b~c!$&'()*+,;=", "a.b~c!$&'()*+,;="],
	])('%j stays %j', (input, expected) => {
		expect(encodeDevicePathSegment(input)).toBe(expected);
	});
	test.each([
		['a/b', 'a%2Fb'],
		['a?b#c', 'a%3Fb%23c'],
		['100%', '100%25'],
		['salon main', 'salon%20main'],
		['café', 'caf%C3%A9'],
	])('%j cannot change the route: %j', (input, expected) => {
		expect(encodeDevicePathSegment(input)).toBe(expected);
	});
	test('devicePath joins id and suffix', () => {
		expect(devicePath('a/b', '/login/code')).toBe('/devices/a%2Fb/login/code');
		expect(devicePath('salon-main')).toBe('/devices/salon-main');
	});
});

describe('getManagedDeviceId', () => {
	test('trims the Device ID', () => {
		expect(getManagedDeviceId(fakeContext({ device: '  salon-main ' }), 0)).toBe('salon-main');
	});
	test.each(['', '   ', undefined])('%j is rejected before any request', (device) => {
		expect(() => getManagedDeviceId(fakeContext({ device }), 0)).toThrow(NodeOperationError);
		expect(() => getManagedDeviceId(fakeContext({ device }), 0)).toThrow('Device ID is empty');
	});
});
