'use strict';
/** /message/{message_id}/* (src/ui/rest/message.go, src/usecase/message.go, src/usecase/forward.go). Device-scoped. */

const errors = require('../errors');
const { MEDIA_SAMPLES } = require('../media');
const { jidUser, messageId, rfc3339, uuid } = require('../util');
const { serverTimestamp, sendSuccess, validateJidWithLogin } = require('./helpers');

/** validate → ErrWaCLI → ValidateJidWithLogin(phone). */
function messageFlow(ctx) {
	const request = ctx.check();
	ctx.device.requireClient();
	const jid = validateJidWithLogin(ctx, request.phone);
	return { request, jid };
}

const FORWARDABLE = new Set(['', 'image', 'video', 'ptv', 'audio', 'document', 'sticker']);

module.exports = [
	{
		method: 'POST',
		path: '/message/:message_id/revoke',
		operationId: 'revokeMessage',
		scoped: true,
		handler: (ctx) => {
			const { request } = messageFlow(ctx);
			ctx.store.removeMessage(request.message_id);
			const status = `Revoke success ${request.phone} (server timestamp: ${serverTimestamp()})`;
			return ctx.ok(status, { message_id: messageId(), status });
		},
	},
	{
		method: 'POST',
		path: '/message/:message_id/delete',
		operationId: 'deleteMessage',
		scoped: true,
		handler: (ctx) => {
			const { request } = messageFlow(ctx);
			ctx.store.removeMessage(request.message_id);
			return ctx.ok('Message deleted successfully');
		},
	},
	{
		method: 'POST',
		path: '/message/:message_id/reaction',
		operationId: 'reactMessage',
		scoped: true,
		handler: (ctx) => {
			const { request } = messageFlow(ctx);
			const stored = ctx.store.findMessage(request.message_id);
			if (stored) {
				stored.reactions = (stored.reactions || []).filter((reaction) => !reaction.is_from_me);
				if (request.emoji) {
					stored.reactions.push({ emoji: request.emoji, sender_jid: ctx.store.ownJid, sender_display_name: ctx.device.displayName || jidUser(ctx.store.ownJid), is_from_me: true, timestamp: Date.now() });
				}
				if (stored.reactions.length === 0) delete stored.reactions;
			}
			const status = `Reaction sent to ${request.phone} (server timestamp: ${serverTimestamp()})`;
			return ctx.ok(status, { message_id: messageId(), status });
		},
	},
	{
		method: 'POST',
		path: '/message/:message_id/update',
		operationId: 'updateMessage',
		scoped: true,
		handler: (ctx) => {
			const { request } = messageFlow(ctx);
			const stored = ctx.store.findMessage(request.message_id);
			if (stored) {
				stored.content = request.message;
				stored.updated_at = Date.now();
			}
			const status = `Update message success ${request.phone} (server timestamp: ${serverTimestamp()})`;
			return ctx.ok(status, { message_id: messageId(), status });
		},
	},
	{
		method: 'POST',
		path: '/message/:message_id/read',
		operationId: 'readMessage',
		scoped: true,
		handler: (ctx) => {
			const { request } = messageFlow(ctx);
			const status = `Mark as read success ${request.message_id}`;
			return ctx.ok(status, { message_id: request.message_id, status });
		},
	},
	{
		method: 'POST',
		path: '/message/:message_id/star',
		operationId: 'starMessage',
		scoped: true,
		handler: (ctx) => {
			messageFlow(ctx);
			return ctx.ok('Starred message successfully');
		},
	},
	{
		method: 'POST',
		path: '/message/:message_id/unstar',
		operationId: 'unstarMessage',
		scoped: true,
		handler: (ctx) => {
			messageFlow(ctx);
			return ctx.ok('Unstarred message successfully');
		},
	},
	{
		method: 'POST',
		path: '/message/:message_id/forward',
		operationId: 'forwardMessage',
		scoped: true,
		handler: (ctx) => {
			const request = ctx.check();
			// SendForward loads the source from this device's chat storage before touching the client.
			const source = ctx.store.findMessage(request.message_id);
			if (!source) throw errors.internalError(`message with ID ${request.message_id} not found`);
			if (!FORWARDABLE.has(source.media_type)) {
				throw errors.validationError('message type is not supported for forwarding (supported: text, image, video, ptv, audio, document, sticker)');
			}
			ctx.device.requireClient();
			const jid = validateJidWithLogin(ctx, request.phone);
			const media = source.media_type ? { type: source.media_type, fileName: source.filename, ...(ctx.store.media.get(source.id) || MEDIA_SAMPLES[source.media_type] || {}) } : undefined;
			return sendSuccess(ctx, {
				jid,
				statusText: `Message forwarded to ${request.phone} (server timestamp: ${serverTimestamp()})`,
				content: source.content,
				media,
			});
		},
	},
	{
		method: 'GET',
		path: '/message/:message_id/download',
		operationId: 'downloadMessageMedia',
		scoped: true,
		handler: (ctx) => {
			const { request, jid } = messageFlow(ctx);
			const message = ctx.store.findMessage(request.message_id);
			if (!message) throw errors.internalError(`message with ID ${request.message_id} not found`);
			const media = ctx.store.media.get(message.id);
			if (!message.media_type || !media) throw errors.internalError(`message ${request.message_id} does not contain downloadable media`);
			if (message.chat_jid !== jid) throw errors.internalError(`message ${request.message_id} does not belong to chat ${jid}`);
			const extension = media.fileName && /\.[A-Za-z0-9]+$/.test(media.fileName) ? /\.[A-Za-z0-9]+$/.exec(media.fileName)[0] : media.extension || '';
			const directory = `statics/media/${jidUser(message.chat_jid)}/${rfc3339(message.timestamp).slice(0, 10)}`;
			const filePath = `${directory}/${Math.floor(Date.now() / 1000)}-${uuid()}${extension}`;
			ctx.sim.putStatic(filePath, media.bytes, (media.mimeType || '').split(';')[0] || undefined);
			const fileName = filePath.split('/').pop();
			const status = `Media downloaded successfully to ${filePath}`;
			return ctx.ok(status, {
				message_id: request.message_id,
				status,
				media_type: message.media_type,
				filename: fileName,
				file_path: filePath,
				file_url: `${ctx.publicBase}/${filePath.split('/').map(encodeURIComponent).join('/')}`,
				file_size: media.bytes.length,
			});
		},
	},
];
