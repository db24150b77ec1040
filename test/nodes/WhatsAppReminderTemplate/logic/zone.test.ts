import { DateTime, IANAZone } from 'luxon';

import { CachedZone, zoneOf } from '../../../../nodes/WhatsAppReminderTemplate/logic/zone';

describe('CachedZone', () => {
	it.each([
		// zone, a transition instant (UTC)
		['Europe/London', '2026-03-29T01:00:00Z'],
		['Europe/London', '2026-10-25T01:00:00Z'],
		['America/New_York', '2026-03-08T07:00:00Z'],
		['Australia/Lord_Howe', '2026-04-04T15:00:00Z'], // half-hour daylight saving
		['America/Santiago', '2026-04-05T03:00:00Z'],
		['Asia/Jakarta', '2026-03-29T01:00:00Z'],
	])('%s gives Luxon’s IANA offsets minute by minute around %s, cached or not', (name, transition) => {
		const iana = IANAZone.create(name);
		const cached = new CachedZone(iana);
		const center = DateTime.fromISO(transition).toMillis();
		for (let pass = 0; pass < 2; pass++) {
			for (let minute = -180; minute <= 180; minute++) {
				const ts = center + minute * 60_000 + (minute % 7) * 1000;
				expect(cached.offset(ts)).toBe(iana.offset(ts));
			}
		}
	});

	it('is a drop-in zone: same name, same wall clock, equal to the IANA zone', () => {
		const zone = zoneOf('Europe/London');
		const moment = DateTime.fromISO('2026-03-29T00:30:00Z').setZone(zone);
		expect(moment.zoneName).toBe('Europe/London');
		expect(moment.plus({ hours: 1 }).toISO()).toBe('2026-03-29T02:30:00.000+01:00');
		expect(moment.plus({ days: 1 }).toISO()).toBe('2026-03-30T00:30:00.000+01:00');
		expect(zone.equals(IANAZone.create('Europe/London'))).toBe(true);
		expect(IANAZone.create('Europe/London').equals(zone)).toBe(true);
	});

	it('falls back to Luxon for other names and flags unknown ones', () => {
		expect(zoneOf('UTC+7').isValid).toBe(true);
		expect(DateTime.fromMillis(0, { zone: zoneOf('UTC+7') }).toISO()).toBe('1970-01-01T07:00:00.000+07:00');
		expect(zoneOf('Asia/Bandung').isValid).toBe(false);
		expect(zoneOf('Asia/Jakarta')).toBe(zoneOf('Asia/Jakarta'));
	});
});
