import type { DateTime } from 'luxon';

/** Which message of a booking's life cycle is rendered. */
export type MessageKind =
	| 'cancellation'
	| 'confirmation'
	| 'noShow'
	| 'reminder'
	| 'reschedule'
	| 'reviewRequest';

export type Language = 'en' | 'id';

export type OffsetUnit = 'days' | 'hours' | 'minutes';

/** What a send time is measured from. */
export type OffsetAnchor = 'afterEnd' | 'afterStart' | 'beforeStart';

export interface SendTimeRule {
	amount: number;
	unit: OffsetUnit;
	relativeTo: OffsetAnchor;
}

export type QuietHoursMode = 'earlier' | 'later' | 'off';

/** Raw booking values as the node's fields resolved them for one item (anything an expression may return). */
export interface BookingInput {
	customerName?: unknown;
	phone?: unknown;
	service?: unknown;
	staff?: unknown;
	startTime?: unknown;
	previousStartTime?: unknown;
	durationMinutes?: unknown;
	location?: unknown;
	businessName?: unknown;
	bookingId?: unknown;
	bookingLink?: unknown;
	reviewLink?: unknown;
	timeZone?: unknown;
	language?: unknown;
	extraVariables?: Array<{ name?: unknown; value?: unknown }>;
}

/** Node-level settings for one item, already read from the parameters. */
export interface PlanSettings {
	kind: MessageKind;
	/** Custom template text; undefined renders the built-in template of the kind. */
	customTemplate?: string;
	/** Empty: one message to send right away. */
	sendTimes: SendTimeRule[];
	fallbackLanguage: Language;
	/** Zone used when the booking names none (the workflow's time zone). */
	defaultTimeZone: string;
	defaultCountryCode?: string;
	missingVariables: 'fail' | 'fallback';
	fallbackText: string;
	pastMessages: 'mark' | 'skip';
	quietHours: QuietHoursMode;
	quietHoursStart: string;
	quietHoursEnd: string;
	checkIntervalMinutes: number;
	/** The zone of the clock the Schedule Trigger runs on (the workflow's time zone). */
	clockZone: string;
	/** The moment `due` is evaluated against (now, or the Reference Time option). */
	now: DateTime;
	includeVariables: boolean;
}

/** One ready-to-send message. */
export interface PlannedMessage {
	kind: MessageKind;
	bookingId: string | null;
	phone: string;
	recipient: string;
	message: string;
	language: Language;
	timeZone: string;
	startTime: string;
	sendTime: string;
	sendAt: string;
	sendAtLocal: string;
	due: boolean;
	past: boolean;
	shifted: boolean;
	shiftedFrom: string | null;
	messageKey: string;
	variables?: Record<string, string>;
}
