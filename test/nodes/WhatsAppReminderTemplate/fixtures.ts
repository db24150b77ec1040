import { DateTime } from 'luxon';

import type { BookingInput, PlanSettings } from '../../../nodes/WhatsAppReminderTemplate/logic/types';

/** A full booking: Monday 23 November 2026, 14:00 in Jakarta, 90 minutes. */
export function booking(overrides: Partial<BookingInput> = {}): BookingInput {
	return {
		customerName: 'Ibu Siti Rahma',
		phone: '+62 812-3456-7890',
		service: 'Hair Spa',
		staff: 'Rina',
		startTime: '2026-11-23 14:00',
		durationMinutes: 90,
		location: 'Jl. Kemang Raya No. 10, Jakarta',
		businessName: 'Salon Ayu',
		bookingId: 'BK-1024',
		bookingLink: 'https://book.example.com/b/BK-1024',
		timeZone: 'Asia/Jakarta',
		language: 'id',
		...overrides,
	};
}

/** Settings as the node reads them with no options added; `now` defaults to 22 Nov 2026 09:00 UTC. */
export function settings(overrides: Partial<PlanSettings> = {}): PlanSettings {
	return {
		kind: 'reminder',
		sendTimes: [
			{ amount: 24, unit: 'hours', relativeTo: 'beforeStart' },
			{ amount: 2, unit: 'hours', relativeTo: 'beforeStart' },
		],
		fallbackLanguage: 'id',
		defaultTimeZone: 'Asia/Jakarta',
		defaultCountryCode: '',
		missingVariables: 'fail',
		fallbackText: '',
		pastMessages: 'skip',
		quietHours: 'off',
		quietHoursStart: '21:00',
		quietHoursEnd: '08:00',
		checkIntervalMinutes: 15,
		clockZone: 'Asia/Jakarta',
		now: DateTime.fromISO('2026-11-22T09:00:00Z'),
		includeVariables: false,
		...overrides,
	};
}

export function utc(iso: string): DateTime {
	return DateTime.fromISO(iso, { zone: 'utc' });
}
