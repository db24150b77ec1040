'use strict';
/**
 * /send/* (src/ui/rest/send.go, src/usecase/send.go). Device-scoped.
 * Order: bind (500 on binder errors) → SanitizePhone → validation (400) → ErrWaCLI (500) → MustLogin (401)
 * → IsOnWhatsApp (400 INVALID_JID) → send. Sends are stored in local chat storage and never produce a webhook.
 */

const errors = require('../errors');
const { MEDIA_SAMPLES, sniffImage } = require('../media');
const { serverTimestamp, sendSuccess, validateJidWithLogin } = require('./helpers');

function sendFlow(ctx) {
	const request = ctx.check();
	ctx.device.requireClient();
	const jid = validateJidWithLogin(ctx, request.phone);
	return { request, jid, stamp: `(server timestamp: ${serverTimestamp()})` };
}

function uploaded(file, type, fallback) {
	if (file) return { type, bytes: file.bytes, mimeType: file.contentType, extension: extensionOf(file.fileName), fileName: file.fileName };
	const sample = MEDIA_SAMPLES[fallback || type];
	return { type, bytes: sample.bytes, mimeType: sample.mimeType, extension: sample.extension, fileName: '' };
}

function extensionOf(name) {
	const match = /\.[A-Za-z0-9]+$/.exec(name || '');
	return match ? match[0].toLowerCase() : '';
}

module.exports = [
	{
		method: 'POST',
		path: '/send/message',
		operationId: 'sendMessage',
		scoped: true,
		handler: (ctx) => {
			const { request, jid, stamp } = sendFlow(ctx);
			return sendSuccess(ctx, { jid, statusText: `Message sent to ${request.phone} ${stamp}`, content: request.message });
		},
	},
	{
		method: 'POST',
		path: '/send/image',
		operationId: 'sendImage',
		scoped: true,
		handler: (ctx) => {
			const { request, jid, stamp } = sendFlow(ctx);
			if (!request.image_url && request.image && !['jpeg', 'png'].includes(sniffImage(request.image.bytes))) {
				throw errors.internalError(
					`Failed to open image file 'statics/senditems/${request.image.fileName}' for thumbnail generation: image: unknown format. Possible causes: file not found, unsupported format, or permission denied.`,
				);
			}
			const media = uploaded(request.image_url ? undefined : request.image, 'image');
			return sendSuccess(ctx, { jid, statusText: `Message sent to ${request.phone} ${stamp}`, content: request.caption, media });
		},
	},
	{
		method: 'POST',
		path: '/send/audio',
		operationId: 'sendAudio',
		scoped: true,
		handler: (ctx) => {
			const { request, jid, stamp } = sendFlow(ctx);
			const media = uploaded(request.audio_url ? undefined : request.audio, 'audio');
			return sendSuccess(ctx, { jid, statusText: `Send audio success ${request.phone} ${stamp}`, media });
		},
	},
	{
		method: 'POST',
		path: '/send/file',
		operationId: 'sendFile',
		scoped: true,
		handler: (ctx) => {
			const { request, jid, stamp } = sendFlow(ctx);
			const media = uploaded(request.file_url ? undefined : request.file, 'document');
			if (request.file_url) media.fileName = decodeURIComponent(String(request.file_url).split('?')[0].split('/').pop() || 'file');
			return sendSuccess(ctx, { jid, statusText: `Document sent to ${request.phone} ${stamp}`, content: request.caption, media });
		},
	},
	{
		method: 'POST',
		path: '/send/video',
		operationId: 'sendVideo',
		scoped: true,
		handler: (ctx) => {
			const { request, jid, stamp } = sendFlow(ctx);
			const media = uploaded(request.video_url ? undefined : request.video, 'video');
			return sendSuccess(ctx, { jid, statusText: `Video sent to ${request.phone} ${stamp}`, content: request.caption, media });
		},
	},
	{
		method: 'POST',
		path: '/send/sticker',
		operationId: 'sendSticker',
		scoped: true,
		handler: (ctx) => {
			const { request, jid, stamp } = sendFlow(ctx);
			const media = uploaded(undefined, 'sticker'); // always converted to WebP
			return sendSuccess(ctx, { jid, statusText: `Sticker sent to ${request.phone} ${stamp}`, media });
		},
	},
	{
		method: 'POST',
		path: '/send/contact',
		operationId: 'sendContact',
		scoped: true,
		handler: (ctx) => {
			const { request, jid, stamp } = sendFlow(ctx);
			return sendSuccess(ctx, {
				jid,
				statusText: `Contact sent to ${request.phone} ${stamp}`,
				content: `👤 ${request.contact_name} (+${request.contact_phone})`,
			});
		},
	},
	{
		method: 'POST',
		path: '/send/link',
		operationId: 'sendLink',
		scoped: true,
		handler: (ctx) => {
			const { request, jid, stamp } = sendFlow(ctx);
			return sendSuccess(ctx, { jid, statusText: `Link sent to ${request.phone} ${stamp}`, content: `${request.caption}\n${request.link}` });
		},
	},
	{
		method: 'POST',
		path: '/send/location',
		operationId: 'sendLocation',
		scoped: true,
		handler: (ctx) => {
			const { request, jid, stamp } = sendFlow(ctx);
			return sendSuccess(ctx, {
				jid,
				statusText: `Send location success ${request.phone} ${stamp}`,
				content: `📍 ${request.latitude}, ${request.longitude}`,
			});
		},
	},
	{
		method: 'POST',
		path: '/send/poll',
		operationId: 'sendPoll',
		scoped: true,
		handler: (ctx) => {
			const { request, jid, stamp } = sendFlow(ctx);
			return sendSuccess(ctx, { jid, statusText: `Send poll success ${request.phone} ${stamp}`, content: `📊 ${request.question}` });
		},
	},
	{
		method: 'POST',
		path: '/send/presence',
		operationId: 'sendPresence',
		scoped: true,
		handler: (ctx) => {
			const request = ctx.check();
			ctx.device.requireClient();
			if (!ctx.device.isConnected) throw errors.internalError('websocket not connected');
			const status = `Send presence success ${request.type}`;
			return ctx.ok(status, { message_id: 'presence', status });
		},
	},
	{
		method: 'POST',
		path: '/send/chat-presence',
		operationId: 'sendChatPresence',
		scoped: true,
		handler: (ctx) => {
			const request = ctx.check();
			ctx.device.requireClient();
			validateJidWithLogin(ctx, request.phone);
			const status = `Send chat presence ${request.action} typing success ${request.phone}`;
			return ctx.ok(status, { message_id: `chat-presence-${request.action}`, status });
		},
	},
];
