'use strict';
/**
 * GOWA v9.5 scheduled sends: the schedule fields every send accepts (ScheduleOptions), their validation (rules the
 * spec states only in descriptions), and each device's schedules with their life cycle
 * (active → running → active/completed/failed; paused; cancelled). Time-zone arithmetic with luxon.
 */

const { DateTime, IANAZone } = require('luxon');
const errors = require('./errors');
const { messageId, uuid } = require('./util');

/** The 11 operations whose body takes `allOf: [ScheduleOptions]` in the v9.5 spec, and their schedule message_type. */
const SCHEDULABLE = {
	sendMessage: 'text',
	sendImage: 'image',
	sendAudio: 'audio',
	sendFile: 'file',
	sendVideo: 'video',
	sendSticker: 'sticker',
	sendContact: 'contact',
	sendLink: 'link',
	sendLocation: 'location',
	sendPoll: 'poll',
	forwardMessage: 'forward',
};

const FIELDS = ['scheduled_at', 'timezone', 'recurrence', 'weekdays', 'day_of_month', 'end_at', 'occurrence_limit'];
const RECURRENCES = ['once', 'daily', 'weekly', 'monthly'];
const STATUSES = ['active', 'running', 'paused', 'completed', 'failed', 'cancelled'];
const MESSAGE_TYPES = Object.values(SCHEDULABLE);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** Values of the schedule fields as sent (JSON values, or form strings: every value of a repeated field). */
function rawScheduleFields(input) {
	const out = {};
	if (input.json && typeof input.json === 'object' && !Array.isArray(input.json)) {
		for (const field of FIELDS) if (input.json[field] !== undefined && input.json[field] !== null) out[field] = input.json[field];
	} else if (input.form) {
		for (const field of FIELDS) {
			const values = input.form.fields[field];
			if (values && values.length) out[field] = field === 'weekdays' ? values : values[0];
		}
	}
	return out;
}

function integer(value, field) {
	const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number)) throw errors.validationError(`${field}: must be an integer`);
	return number;
}

function time(value, field) {
	const parsed = typeof value === 'string' && RFC3339.test(value) ? DateTime.fromISO(value, { setZone: true }) : undefined;
	if (!parsed || !parsed.isValid) throw errors.validationError(`${field}: must be an RFC3339 date-time`);
	return parsed;
}

/**
 * The schedule a send request asks for, validated as GOWA v9.5 does (400 VALIDATION_ERROR), or undefined when the
 * request carries no schedule field (send now). `now` is a millisecond timestamp.
 */
function parseSchedule(input, now = Date.now()) {
	const raw = rawScheduleFields(input);
	if (Object.keys(raw).length === 0) return undefined;
	if (raw.scheduled_at === undefined || raw.scheduled_at === '') throw errors.validationError('scheduled_at: cannot be blank when schedule fields are set');
	const scheduledAt = time(raw.scheduled_at, 'scheduled_at');
	if (scheduledAt.toMillis() <= now) throw errors.validationError('scheduled_at: must be in the future');
	const timezone = typeof raw.timezone === 'string' ? raw.timezone.trim() : '';
	if (timezone === '') throw errors.validationError('timezone: cannot be blank');
	if (!IANAZone.isValidZone(timezone)) throw errors.validationError(`timezone: unknown time zone ${timezone}`);
	const recurrence = raw.recurrence === undefined || raw.recurrence === '' ? 'once' : raw.recurrence;
	if (!RECURRENCES.includes(recurrence)) throw errors.validationError('recurrence: must be a valid value');
	const schedule = { scheduled_at: scheduledAt, timezone, recurrence, weekdays: [], day_of_month: 0, end_at: undefined, occurrence_limit: 0 };
	if (raw.weekdays !== undefined) {
		const list = Array.isArray(raw.weekdays) ? raw.weekdays : [raw.weekdays];
		schedule.weekdays = list.map((day) => integer(day, 'weekdays'));
		if (schedule.weekdays.some((day) => day < 0 || day > 6)) throw errors.validationError('weekdays: must be between 0 (Sunday) and 6 (Saturday)');
		if (new Set(schedule.weekdays).size !== schedule.weekdays.length) throw errors.validationError('weekdays: must be unique');
	}
	if (raw.day_of_month !== undefined) schedule.day_of_month = integer(raw.day_of_month, 'day_of_month');
	if (raw.occurrence_limit !== undefined) schedule.occurrence_limit = integer(raw.occurrence_limit, 'occurrence_limit');
	if (raw.end_at !== undefined && raw.end_at !== '') schedule.end_at = time(raw.end_at, 'end_at');
	if (recurrence === 'weekly' && schedule.weekdays.length === 0) throw errors.validationError('weekdays: required when recurrence is weekly');
	if (recurrence === 'monthly' && (schedule.day_of_month < 1 || schedule.day_of_month > 31)) {
		throw errors.validationError('day_of_month: required when recurrence is monthly (1-31)');
	}
	if (recurrence === 'once' && (schedule.end_at || schedule.occurrence_limit)) {
		throw errors.validationError('end_at and occurrence_limit apply to recurring schedules only');
	}
	if (raw.occurrence_limit !== undefined && schedule.occurrence_limit < 1) throw errors.validationError('occurrence_limit: must be no less than 1');
	if (schedule.end_at && schedule.end_at.toMillis() <= scheduledAt.toMillis()) throw errors.validationError('end_at: must be after scheduled_at');
	return schedule;
}

/** For contract checks: the 400 GOWA v9.5 would answer for this request's schedule fields, or null. */
function checkScheduleFields(operationId, input, now = Date.now()) {
	const raw = rawScheduleFields(input);
	if (!SCHEDULABLE[operationId]) {
		return operationId === 'sendChatPresence' && Object.keys(raw).length > 0 ? errors.validationError('presence cannot be scheduled') : null;
	}
	try {
		parseSchedule(input, now);
		return null;
	} catch (error) {
		if (error instanceof errors.GowaError) return error;
		throw error;
	}
}

const utc = (dateTime) => dateTime.toUTC().toISO({ suppressMilliseconds: true });

/** The run after `previous` (a DateTime in the schedule's zone), or undefined when none is left. */
function nextRun(schedule, previous) {
	let candidate;
	if (schedule.recurrence === 'daily') candidate = previous.plus({ days: 1 });
	else if (schedule.recurrence === 'weekly') {
		for (let days = 1; days <= 7; days++) {
			const day = previous.plus({ days });
			if (schedule.weekdays.includes(day.weekday % 7)) {
				candidate = day;
				break;
			}
		}
	} else if (schedule.recurrence === 'monthly') {
		const month = previous.startOf('month').plus({ months: 1 });
		candidate = month.set({ day: Math.min(schedule.day_of_month, month.daysInMonth), hour: previous.hour, minute: previous.minute, second: previous.second });
	}
	if (!candidate) return undefined;
	if (schedule.occurrence_limit && schedule.occurrence_count >= schedule.occurrence_limit) return undefined;
	if (schedule.end_at && candidate.toMillis() > schedule.end_at.toMillis()) return undefined;
	return candidate;
}

/** One device's schedules. */
class ScheduleBook {
	constructor() {
		this.byId = new Map();
	}

	create({ messageType, phone, summary, scheduleFields, payload, now = Date.now() }) {
		const first = scheduleFields.scheduled_at.setZone(scheduleFields.timezone);
		const schedule = {
			...scheduleFields,
			id: uuid(),
			message_type: messageType,
			phone,
			summary: String(summary || '').slice(0, 80),
			status: 'active',
			next: first,
			occurrence_count: 0,
			attempts: 0,
			last_run_at: undefined,
			last_message_id: '',
			last_error: '',
			created_at: now,
			updated_at: now,
			payload,
		};
		this.byId.set(schedule.id, schedule);
		return schedule;
	}

	get(id) {
		return this.byId.get(id);
	}

	list() {
		return [...this.byId.values()];
	}

	/** The Schedule object of the spec. */
	toJson(schedule) {
		const json = {
			id: schedule.id,
			message_type: schedule.message_type,
			phone: schedule.phone,
			summary: schedule.summary,
			status: schedule.status,
			scheduled_at: utc(schedule.scheduled_at),
			timezone: schedule.timezone,
			recurrence: schedule.recurrence,
			occurrence_count: schedule.occurrence_count,
			attempts: schedule.attempts,
			created_at: new Date(schedule.created_at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
			updated_at: new Date(schedule.updated_at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
		};
		if (schedule.next && ['active', 'running', 'paused'].includes(schedule.status)) json.next_run_at = utc(schedule.next);
		if (schedule.weekdays.length) json.weekdays = schedule.weekdays;
		if (schedule.day_of_month) json.day_of_month = schedule.day_of_month;
		if (schedule.end_at) json.end_at = utc(schedule.end_at);
		if (schedule.occurrence_limit) json.occurrence_limit = schedule.occurrence_limit;
		if (schedule.last_run_at) json.last_run_at = new Date(schedule.last_run_at).toISOString().replace(/\.\d{3}Z$/, 'Z');
		if (schedule.last_message_id) json.last_message_id = schedule.last_message_id;
		if (schedule.last_error) json.last_error = schedule.last_error;
		return json;
	}

	/** Upcoming first (soonest next run first), then finished ones, newest first. */
	sorted() {
		const upcoming = this.list().filter((schedule) => schedule.next && ['active', 'running', 'paused'].includes(schedule.status));
		const finished = this.list().filter((schedule) => !upcoming.includes(schedule));
		upcoming.sort((a, b) => a.next.toMillis() - b.next.toMillis());
		finished.sort((a, b) => b.updated_at - a.updated_at);
		return [...upcoming, ...finished];
	}

	/**
	 * Runs every active schedule whose next run is due at `now`: `send(schedule)` returns the message id (or throws
	 * to fail the run). Returns the schedules that ran.
	 */
	runDue(now, send) {
		const ran = [];
		for (const schedule of this.list()) {
			if (schedule.status !== 'active' || !schedule.next || schedule.next.toMillis() > now) continue;
			schedule.status = 'running';
			try {
				schedule.last_message_id = send(schedule);
				schedule.occurrence_count += 1;
				schedule.last_run_at = now;
				schedule.attempts = 0;
				schedule.next = nextRun(schedule, schedule.next);
				schedule.status = schedule.next ? 'active' : 'completed';
			} catch (error) {
				// The worker retries while the device is offline or logged out; anything else fails the schedule.
				schedule.attempts += 1;
				schedule.last_error = String(error && error.message);
				schedule.status = error && error.retry ? 'active' : 'failed';
			}
			schedule.updated_at = now;
			ran.push(schedule);
		}
		return ran;
	}
}

/** The device store's schedule book (created on first use; dropped with the store). */
function scheduleBookOf(store) {
	store.scheduleBook ||= new ScheduleBook();
	return store.scheduleBook;
}

/** The schedule a request asks for (already checked by checkScheduleFields), or undefined. */
function parseScheduleOf(operationId, input) {
	return SCHEDULABLE[operationId] ? parseSchedule(input) : undefined;
}

/** A send that asked for a schedule: stores the schedule instead of sending; answers like GOWA v9.5 (no message_id). */
function scheduleSend(ctx, { jid, content, media }) {
	const book = scheduleBookOf(ctx.store);
	const schedule = book.create({
		messageType: SCHEDULABLE[ctx.route.operationId],
		phone: jid,
		summary: content || (media ? media.type : ''),
		scheduleFields: ctx.schedule,
		payload: { content, media },
	});
	const json = book.toJson(schedule);
	const status = `Message scheduled for ${json.scheduled_at}`;
	return ctx.ok(status, { status, schedule_id: schedule.id, scheduled_at: json.scheduled_at, next_run_at: json.next_run_at });
}

/** GOWA's worker for one device at `now`: sends what is due into chat storage; returns the Schedule objects that ran. */
function runDueOf(store, device, now) {
	const book = scheduleBookOf(store);
	const ran = book.runDue(now, (schedule) => {
		if (!device.isLoggedIn) {
			const error = new Error('device is not logged in');
			error.retry = true;
			throw error;
		}
		const { media, content } = schedule.payload || {};
		const id = messageId();
		store.storeSent({
			id,
			chatJid: schedule.phone,
			content: content || '',
			mediaType: media ? media.type : '',
			fileName: media ? media.fileName || '' : '',
			bytes: media ? media.bytes : undefined,
			mimeType: media ? media.mimeType : undefined,
			extension: media ? media.extension : undefined,
			timestamp: now,
		});
		return id;
	});
	return ran.map((schedule) => book.toJson(schedule));
}

module.exports = {
	FIELDS,
	MESSAGE_TYPES,
	RECURRENCES,
	SCHEDULABLE,
	STATUSES,
	ScheduleBook,
	checkScheduleFields,
	nextRun,
	parseSchedule,
	parseScheduleOf,
	rawScheduleFields,
	runDueOf,
	scheduleBookOf,
	scheduleSend,
};
