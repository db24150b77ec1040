'use strict';
/**
 * /chats, /chat/{chat_jid}/* (src/ui/rest/chat.go, src/usecase/chat.go). Device-scoped. Backed by local chat
 * storage: listing works without a logged-in session; pin/archive/disappearing need one.
 */

const errors = require('../errors');
const { jidUser, rfc3339 } = require('../util');
const { validateJidWithLogin } = require('./helpers');

const ZERO_TIME = '0001-01-01T00:00:00Z';

function chatDisplayName(jid, name) {
	if (name) return name;
	if (jid === 'status@broadcast') return 'Status';
	const user = jidUser(jid);
	if (jid.endsWith('@g.us')) return `Group ${user}`;
	if (jid.endsWith('@newsletter')) return `Newsletter ${user}`;
	return user;
}

function chatInfo(chat) {
	return {
		jid: chat.jid,
		name: chatDisplayName(chat.jid, chat.name),
		last_message_time: rfc3339(chat.last_message_time),
		ephemeral_expiration: chat.ephemeral_expiration,
		created_at: rfc3339(chat.created_at),
		updated_at: rfc3339(chat.updated_at),
		archived: chat.archived,
	};
}

function messageInfo(message) {
	const info = {
		id: message.id,
		chat_jid: message.chat_jid,
		sender_jid: message.sender_jid,
		sender_display_name: message.sender_display_name,
		content: message.content,
		timestamp: rfc3339(message.timestamp),
		is_from_me: message.is_from_me,
		media_type: message.media_type,
	};
	if (message.reactions && message.reactions.length) {
		info.reactions = message.reactions.map((reaction) => ({
			emoji: reaction.emoji,
			sender_jid: reaction.sender_jid,
			sender_display_name: reaction.sender_display_name,
			is_from_me: reaction.is_from_me,
			timestamp: rfc3339(reaction.timestamp),
		}));
	}
	if (message.call_metadata) info.call_metadata = message.call_metadata;
	info.filename = message.filename;
	info.url = message.url;
	info.file_length = message.file_length;
	info.created_at = rfc3339(message.created_at);
	info.updated_at = rfc3339(message.updated_at);
	return info;
}

const hasMedia = (message) => message.media_type !== '' && message.media_type !== 'call';

/** chatJIDParam: url.PathUnescape of the raw path parameter. */
function chatJidParam(ctx) {
	const raw = ctx.params.chat_jid;
	const bad = /%(?![0-9a-fA-F]{2})(.{0,2})/.exec(raw);
	if (bad) {
		throw new errors.GowaError(400, 'BAD_REQUEST', `invalid chat_jid path parameter: invalid URL escape "%${bad[1]}"`, { kind: 'validation' });
	}
	return decodeURIComponent(raw);
}

/** Parses RFC3339 like Go's time.Parse (returns a timestamp or throws the usecase's 500). */
function parseTime(value, label) {
	const valid = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value);
	const time = Date.parse(value);
	if (!valid || Number.isNaN(time)) {
		throw errors.internalError(`invalid ${label} format: parsing time "${value}" as "2006-01-02T15:04:05Z07:00": cannot parse "${value}" as "2006"`);
	}
	return time;
}

function chatAction(ctx, apply) {
	const chatJid = chatJidParam(ctx);
	ctx.params.chat_jid = chatJid;
	ctx.input.params = { ...ctx.input.params, chat_jid: chatJid };
	const request = ctx.check();
	ctx.device.requireClient();
	const jid = validateJidWithLogin(ctx, request.chat_jid);
	const chat = ctx.store.chats.get(jid) || ctx.store.chats.get(request.chat_jid);
	return apply(request, chat);
}

module.exports = [
	{
		method: 'GET',
		path: '/chats',
		operationId: 'listChats',
		scoped: true,
		handler: (ctx) => {
			const request = ctx.check();
			let chats = [...ctx.store.chats.values()];
			if (request.search) {
				const needle = request.search.toLowerCase();
				chats = chats.filter((chat) => chat.name.toLowerCase().includes(needle));
			}
			if (request.has_media) chats = chats.filter((chat) => chat.hasMedia);
			if (request.archived !== undefined) chats = chats.filter((chat) => chat.archived === request.archived);
			chats.sort((a, b) => b.last_message_time - a.last_message_time);
			const page = chats.slice(request.offset, request.offset + request.limit);
			return ctx.ok('Success get chat list', {
				data: page.map(chatInfo),
				pagination: { limit: request.limit, offset: request.offset, total: chats.length },
			});
		},
	},
	{
		method: 'GET',
		path: '/chat/:chat_jid/messages',
		operationId: 'getChatMessages',
		scoped: true,
		handler: (ctx) => {
			const chatJid = chatJidParam(ctx);
			ctx.input.params = { ...ctx.input.params, chat_jid: chatJid };
			const request = ctx.check();
			const chat = ctx.store.chats.get(request.chat_jid);
			if (!chat) {
				return ctx.ok('Success get chat messages', {
					data: [],
					pagination: { limit: request.limit, offset: request.offset, total: 0 },
					chat_info: {
						jid: request.chat_jid,
						name: chatDisplayName(request.chat_jid, ''),
						last_message_time: ZERO_TIME,
						ephemeral_expiration: 0,
						created_at: ZERO_TIME,
						updated_at: ZERO_TIME,
						archived: false,
					},
				});
			}
			const all = [...ctx.store.messagesOf(chat.jid)].sort((a, b) => b.timestamp - a.timestamp);
			let page;
			if (request.search) {
				// SearchMessages: content LIKE, newest first, `limit` only (offset and other filters are ignored).
				const needle = request.search.toLowerCase();
				page = all.filter((message) => message.content.toLowerCase().includes(needle)).slice(0, request.limit);
			} else {
				let list = all;
				if (request.start_time) {
					const start = parseTime(request.start_time, 'start_time');
					list = list.filter((message) => message.timestamp >= start);
				}
				if (request.end_time) {
					const end = parseTime(request.end_time, 'end_time');
					list = list.filter((message) => message.timestamp <= end);
				}
				if (request.media_only) list = list.filter(hasMedia);
				if (request.is_from_me !== undefined) list = list.filter((message) => message.is_from_me === request.is_from_me);
				page = list.slice(request.offset, request.offset + request.limit);
			}
			return ctx.ok('Success get chat messages', {
				data: page.map(messageInfo),
				// The real server counts every message of the chat here, whatever the filters.
				pagination: { limit: request.limit, offset: request.offset, total: all.length },
				chat_info: chatInfo(chat),
			});
		},
	},
	{
		method: 'POST',
		path: '/chat/:chat_jid/pin',
		operationId: 'pinChat',
		scoped: true,
		handler: (ctx) =>
			chatAction(ctx, (request, chat) => {
				if (chat) chat.pinned = request.pinned;
				const message = request.pinned ? 'Chat pinned successfully' : 'Chat unpinned successfully';
				return ctx.ok(message, { status: 'success', message, chat_jid: request.chat_jid, pinned: request.pinned });
			}),
	},
	{
		method: 'POST',
		path: '/chat/:chat_jid/disappearing',
		operationId: 'setDisappearingTimer',
		scoped: true,
		handler: (ctx) =>
			chatAction(ctx, (request, chat) => {
				if (chat) chat.ephemeral_expiration = request.timer_seconds;
				const message = request.timer_seconds === 0 ? 'Disappearing messages disabled' : `Disappearing messages set to ${request.timer_seconds} seconds`;
				return ctx.ok(message, { status: 'success', message, chat_jid: request.chat_jid, timer_seconds: request.timer_seconds });
			}),
	},
	{
		method: 'POST',
		path: '/chat/:chat_jid/archive',
		operationId: 'archiveChat',
		scoped: true,
		handler: (ctx) =>
			chatAction(ctx, (request, chat) => {
				if (chat) chat.archived = request.archived;
				const message = request.archived ? 'Chat archived successfully' : 'Chat unarchived successfully';
				return ctx.ok(message, { status: 'success', message, chat_jid: request.chat_jid, archived: request.archived });
			}),
	},
];

module.exports.chatInfo = chatInfo;
module.exports.messageInfo = messageInfo;
