'use strict';
/**
 * Routes GOWA added in v9.5 (`since: '9.5'`: a simulator started as v9.2 answers them 404 like the older server):
 * /send/schedules* (scheduled sends), /message/{id}/played, /chat/{jid}/history,
 * /newsletter/messages/{server_id}/download. Device-scoped.
 */

require('../rulesV95');
const errors = require('../errors');
const { GowaError } = errors;
const { MEDIA_SAMPLES } = require('../media');
const { MESSAGE_TYPES, STATUSES, scheduleBookOf } = require('../schedules');
const { parseGoInt, rfc3339, sanitizePhone } = require('../util');
const { validateJidWithLogin } = require('./helpers');

const notFound = (message) => new GowaError(404, 'NOT_FOUND', message, { kind: 'validation' });

function firstQuery(ctx, name) {
	const list = ctx.input.query[name];
	return list && list.length ? list[0] : '';
}

/** Query integer with bounds: missing → fallback, anything else outside [min, max] → 400. */
function boundedQueryInt(ctx, name, fallback, min, max) {
	const text = firstQuery(ctx, name);
	if (text === '') return fallback;
	const value = parseGoInt(text);
	if (value === undefined || value < min || value > max) throw errors.badRequest(`${name} must be between ${min} and ${max}`);
	return value;
}

/** A schedule of this device; another device's (or an unknown) id is 404. */
function scheduleOf(ctx) {
	ctx.device.requireClient();
	const schedule = scheduleBookOf(ctx.store).get(decodeURIComponent(ctx.params.schedule_id));
	if (!schedule) throw notFound(`schedule ${ctx.params.schedule_id} not found`);
	return schedule;
}

function schedulesRoute(method, suffix, operationId, handler) {
	return { method, path: `/send/schedules${suffix}`, operationId, scoped: true, since: '9.5', handler };
}

function setStatus(ctx, schedule, status, message) {
	schedule.status = status;
	schedule.updated_at = Date.now();
	return ctx.ok(message, { schedule_id: schedule.id, status });
}

module.exports = [
	schedulesRoute('GET', '', 'listScheduledSends', (ctx) => {
		ctx.device.requireClient();
		const status = firstQuery(ctx, 'status');
		const messageType = firstQuery(ctx, 'message_type');
		if (status !== '' && !STATUSES.includes(status)) throw errors.badRequest(`unknown status ${status}`);
		if (messageType !== '' && !MESSAGE_TYPES.includes(messageType)) throw errors.badRequest(`unknown message_type ${messageType}`);
		const limit = boundedQueryInt(ctx, 'limit', 25, 1, 100);
		const offset = boundedQueryInt(ctx, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
		const search = firstQuery(ctx, 'search').toLowerCase();
		const book = scheduleBookOf(ctx.store);
		const matching = book
			.sorted()
			.filter((schedule) => (status === '' || schedule.status === status) && (messageType === '' || schedule.message_type === messageType))
			.filter((schedule) => search === '' || schedule.phone.toLowerCase().includes(search) || schedule.summary.toLowerCase().includes(search));
		const data = matching.slice(offset, offset + limit).map((schedule) => book.toJson(schedule));
		return ctx.ok('Schedules fetched', { data, pagination: { limit, offset, total: matching.length } });
	}),
	schedulesRoute('GET', '/:schedule_id', 'getScheduledSend', (ctx) => ctx.ok('Schedule fetched', scheduleBookOf(ctx.store).toJson(scheduleOf(ctx)))),
	schedulesRoute('POST', '/:schedule_id/pause', 'pauseScheduledSend', (ctx) => {
		const schedule = scheduleOf(ctx);
		if (schedule.status !== 'active') throw errors.badRequest(`schedule is ${schedule.status}; only an active schedule can be paused`);
		return setStatus(ctx, schedule, 'paused', 'Schedule paused');
	}),
	schedulesRoute('POST', '/:schedule_id/resume', 'resumeScheduledSend', (ctx) => {
		const schedule = scheduleOf(ctx);
		if (schedule.status !== 'paused') throw errors.badRequest(`schedule is ${schedule.status}; only a paused schedule can be resumed`);
		const answer = setStatus(ctx, schedule, 'active', 'Schedule resumed');
		// An overdue one-time schedule sends right away; a recurring one continues at its next slot (or completes).
		if (schedule.recurrence !== 'once') {
			const { nextRun } = require('../schedules');
			while (schedule.next && schedule.next.toMillis() <= Date.now()) schedule.next = nextRun(schedule, schedule.next);
			if (!schedule.next) schedule.status = 'completed';
		} else ctx.sim.runDueSchedules();
		return answer;
	}),
	schedulesRoute('POST', '/:schedule_id/cancel', 'cancelScheduledSend', (ctx) => {
		const schedule = scheduleOf(ctx);
		if (['running', 'completed', 'cancelled'].includes(schedule.status)) throw errors.badRequest(`schedule is ${schedule.status} and cannot be cancelled`);
		schedule.payload = undefined; // its stored media is removed
		return setStatus(ctx, schedule, 'cancelled', 'Schedule cancelled');
	}),
	{
		method: 'POST',
		path: '/message/:message_id/played',
		operationId: 'markMessagePlayed',
		scoped: true,
		since: '9.5',
		handler: (ctx) => {
			const request = ctx.check();
			ctx.device.requireClient();
			const jid = validateJidWithLogin(ctx, request.phone);
			const message = ctx.store.findMessage(request.message_id);
			if (!message || message.chat_jid !== jid) throw errors.badRequest(`message ${request.message_id} not found in chat ${jid}`);
			if (!['audio', 'ptt'].includes(message.media_type)) throw errors.badRequest(`message ${request.message_id} is not an audio message`);
			return ctx.ok('Played receipt sent', { message_id: request.message_id, status: `Message ${request.message_id} marked as played` });
		},
	},
	{
		method: 'POST',
		path: '/chat/:chat_jid/history',
		operationId: 'requestChatHistory',
		scoped: true,
		since: '9.5',
		handler: (ctx) => {
			const request = ctx.check();
			ctx.device.requireClient();
			ctx.device.requireLogin();
			const jid = sanitizePhone(decodeURIComponent(request.chat_jid));
			const stored = ctx.store.chats.has(jid) ? ctx.store.messagesOf(jid) : [];
			if (stored.length === 0) throw errors.badRequest(`chat ${jid} has no stored messages to anchor the history request on`);
			const oldest = stored.reduce((a, b) => (a.timestamp <= b.timestamp ? a : b));
			return ctx.ok('History sync requested successfully', {
				status: 'requested',
				chat_jid: jid,
				requested_count: request.count || 50,
				anchor_message_id: oldest.id,
				anchor_timestamp: rfc3339(oldest.timestamp),
			});
		},
	},
	{
		method: 'GET',
		path: '/newsletter/messages/:server_id/download',
		operationId: 'downloadNewsletterMessageMedia',
		scoped: true,
		since: '9.5',
		handler: (ctx) => {
			const request = ctx.check();
			ctx.device.requireClient();
			validateJidWithLogin(ctx, request.newsletter_id);
			const newsletter = ctx.store.newsletters.get(request.newsletter_id);
			const message = newsletter && newsletter.messages.find((candidate) => candidate.server_id === request.server_id);
			if (!message) throw errors.internalError(`newsletter message ${request.server_id} not found`);
			const sample = MEDIA_SAMPLES[message.type];
			if (!sample || message.type === 'text') throw errors.internalError(`newsletter message ${request.server_id} has no downloadable media`);
			const fileName = `${message.type}${sample.extension}`;
			const filePath = `statics/media/${request.newsletter_id.split('@')[0]}/${rfc3339(Date.now()).slice(0, 10)}/${request.server_id}-${fileName}`;
			ctx.sim.putStatic(filePath, sample.bytes, sample.mimeType.split(';')[0]);
			const status = `Media downloaded successfully to ${filePath}`;
			return ctx.ok('Media downloaded successfully', {
				server_id: request.server_id,
				message_id: message.message_id,
				status,
				media_type: message.type,
				mime_type: sample.mimeType.split(';')[0],
				filename: fileName,
				file_path: filePath,
				file_url: `${ctx.publicBase}/${filePath}`,
				file_size: sample.bytes.length,
			});
		},
	},
];
