import { DateTime, IANAZone, Zone } from 'luxon';
import type { ZoneOffsetFormat, ZoneOffsetOptions } from 'luxon';

const HOUR = 3_600_000;
/** Offsets before this are computed every time (old local-mean-time history has odd transitions). */
const CACHE_FROM = Date.UTC(1980, 0, 1);
const CACHE_LIMIT = 100_000;

/**
 * An IANA zone that remembers its UTC offset per hour. Luxon asks Intl for the offset on every DateTime it
 * creates (a formatToParts call, most of the node's run time); offsets only change at transitions, so an hour
 * whose first and last millisecond have the same offset has that offset throughout, and is cached. Hours that
 * contain a transition are computed exactly every time. Behaves as Luxon's IANAZone in every other respect.
 */
export class CachedZone extends Zone {
	private readonly offsets = new Map<number, number>();

	constructor(private readonly zone: IANAZone) {
		super();
	}

	get type(): string {
		return 'iana';
	}

	get name(): string {
		return this.zone.name;
	}

	get isUniversal(): boolean {
		return false;
	}

	get isValid(): boolean {
		return this.zone.isValid;
	}

	offsetName(ts: number, options: ZoneOffsetOptions): string | null {
		return this.zone.offsetName(ts, options);
	}

	formatOffset(ts: number, format: ZoneOffsetFormat): string {
		return this.zone.formatOffset(ts, format);
	}

	offset(ts: number): number {
		if (!(ts >= CACHE_FROM)) return this.zone.offset(ts);
		const bucket = Math.floor(ts / HOUR);
		const known = this.offsets.get(bucket);
		if (known !== undefined) return known;
		const first = this.zone.offset(bucket * HOUR);
		const last = this.zone.offset(bucket * HOUR + HOUR - 1);
		if (first !== last) return this.zone.offset(ts);
		if (this.offsets.size >= CACHE_LIMIT) this.offsets.clear();
		this.offsets.set(bucket, first);
		return first;
	}

	equals(other: Zone): boolean {
		return other.type === 'iana' && other.name === this.name;
	}
}

const zones = new Map<string, Zone>();

/**
 * The Luxon zone for a name: a CachedZone for IANA names, Luxon's own zone for anything else it understands
 * (`UTC`, `UTC+7`), an invalid zone otherwise (check `isValid`).
 */
export function zoneOf(name: string): Zone {
	let zone = zones.get(name);
	if (zone === undefined) {
		zone = IANAZone.isValidZone(name) ? new CachedZone(IANAZone.create(name)) : DateTime.fromMillis(0, { zone: name }).zone;
		if (zones.size >= 1000) zones.clear();
		zones.set(name, zone);
	}
	return zone;
}
