import { DateTime } from 'luxon';

import { chatPath, toRfc3339 } from '../../../../nodes/WhatsAppMultiDevice/helpers/chat';
import { fakeContext } from './fakeContext';

describe('chatPath', () => {
	test('percent-encodes the JID', () => {
		expect(chatPath('120363025246125486@g.us', 'messages')).toBe('/chat/120363025246125486%40g.us/messages');
		expect(chatPath('6281234567890@s.whatsapp.net', 'pin')).toBe('/chat/6281234567890%40s.whatsapp.net/pin');
	});
});

describe('toRfc3339', () => {
	const context = fakeContext({}, 'Asia/Jakarta');
	test('text without offset is read in the workflow time zone', () => {
		expect(toRfc3339(context, 0, '2026-01-31T09:00:00', 'After')).toBe('2026-01-31T09:00:00+07:00');
	});
	test('an explicit offset is kept', () => {
		expect(toRfc3339(context, 0, '2026-01-31T09:00:00Z', 'After')).toBe('2026-01-31T09:00:00Z');
		expect(toRfc3339(context, 0, '2026-01-31T09:00:00.250+02:00', 'After')).toBe('2026-01-31T09:00:00.250+02:00');
	});
	test('Luxon DateTime and Date values', () => {
		expect(toRfc3339(context, 0, DateTime.fromISO('2026-01-31T09:00:00', { zone: 'UTC' }), 'After')).toBe('2026-01-31T09:00:00Z');
		expect(toRfc3339(context, 0, new Date('2026-01-31T09:00:00Z'), 'After')).toMatch(/^2026-01-31T\d\d:00:00/);
	});
	test('empty means no filter', () => {
		expect(toRfc3339(context, 0, '', 'After')).toBeUndefined();
		expect(toRfc3339(context, 0, undefined, 'After')).toBeUndefined();
	});
	test('garbage is rejected naming the field', () => {
		expect(() => toRfc3339(context, 2, 'yesterday', 'Before')).toThrow('Before "yesterday" is not a date and time');
	});
});
