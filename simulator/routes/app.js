'use strict';
/** /app/* (src/ui/rest/app.go, src/usecase/app.go). All device-scoped except /app/info. */

const errors = require('../errors');
const { goMap } = require('../util');

/** WhatsApp pairing code: 8 characters of whatsmeow's alphabet, `XXXX-XXXX`. */
function pairCode() {
	const alphabet = '123456789ABCDEFGHJKLMNPQRSTVWXYZ';
	let code = '';
	const bytes = require('node:crypto').randomBytes(8);
	for (const byte of bytes) code += alphabet[byte % alphabet.length];
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Shared by /app/login and /devices/{id}/login: starts a QR session (client created, connected, not paired). */
function startQrLogin(ctx, device) {
	if (device.isLoggedIn) throw errors.alreadyLoggedIn();
	device.state = 'connected';
	device.passkey = null;
	const relative = ctx.sim.createQr(device);
	return goMap({ device_id: device.id, qr_link: `${ctx.publicBase}/${relative}`, qr_duration: 30 });
}

function startCodeLogin(ctx, device) {
	if (device.isLoggedIn) throw errors.alreadyLoggedIn();
	device.state = 'connected';
	device.pendingPairCode = pairCode();
	return device.pendingPairCode;
}

/** Status(): no client or no paired session → false/false, else the live flags. */
function connectionFlags(device) {
	if (!device.hasClient || !device.jid) return { is_connected: false, is_logged_in: false };
	return { is_connected: device.isConnected, is_logged_in: device.isLoggedIn };
}

module.exports = [
	{
		method: 'GET',
		path: '/app/login',
		operationId: 'appLogin',
		scoped: true,
		handler: (ctx) => ctx.ok('Login success', startQrLogin(ctx, ctx.device)),
	},
	{
		method: 'GET',
		path: '/app/login-with-code',
		operationId: 'appLoginWithCode',
		scoped: true,
		handler: (ctx) => {
			ctx.check();
			const code = startCodeLogin(ctx, ctx.device);
			return ctx.ok('Login with code success', goMap({ device_id: ctx.device.id, pair_code: code }));
		},
	},
	{
		method: 'GET',
		path: '/app/passkey',
		operationId: 'appPasskeyStatus',
		scoped: true,
		handler: (ctx) => {
			const passkey = ctx.device.passkey || {};
			const status = passkey.challenge ? 'awaiting_response' : passkey.code ? 'awaiting_confirmation' : 'none';
			return ctx.ok(
				'Passkey pairing status',
				goMap({
					device_id: ctx.device.id,
					status,
					challenge: passkey.challenge || null,
					code: passkey.code || '',
					skip_handoff_ux: Boolean(passkey.skipHandoffUX),
				}),
			);
		},
	},
	{
		method: 'POST',
		path: '/app/passkey/response',
		operationId: 'appPasskeyResponse',
		scoped: true,
		handler: (ctx) => {
			ctx.check();
			const device = ctx.device;
			device.requireClient();
			if (!device.passkey || !device.passkey.challenge) throw errors.internalError(`no pending passkey pairing request for device ${device.id}`);
			if (!device.isConnected) throw errors.internalError(`device ${device.id} is not connected, restart login and retry the passkey flow`);
			device.passkey = { code: device.passkey.code || 'ABCD-EFGH' };
			return ctx.ok('Passkey response sent', { device_id: device.id });
		},
	},
	{
		method: 'POST',
		path: '/app/passkey/confirm',
		operationId: 'appPasskeyConfirm',
		scoped: true,
		handler: (ctx) => {
			const device = ctx.device;
			device.requireClient();
			if (!device.passkey || !device.passkey.code) throw errors.internalError(`no pending passkey confirmation for device ${device.id}`);
			if (!device.isConnected) throw errors.internalError(`device ${device.id} is not connected, restart login and retry the passkey flow`);
			device.passkey = null;
			ctx.sim.completeLogin(device.id);
			return ctx.ok('Passkey pairing confirmed', { device_id: device.id });
		},
	},
	{
		method: 'GET',
		path: '/app/logout',
		operationId: 'appLogout',
		scoped: true,
		handler: (ctx) => {
			// LogoutDeviceKeepSlot: unlink, drop the client and the JID, keep the slot.
			ctx.device.state = 'new';
			ctx.device.clearSession();
			return ctx.ok('Success logout', { device_id: ctx.device.id });
		},
	},
	{
		method: 'GET',
		path: '/app/reconnect',
		operationId: 'appReconnect',
		scoped: true,
		handler: (ctx) => {
			const device = ctx.device;
			if (!device.hasClient) device.state = 'disconnected'; // ensureClient
			if (!device.jid) throw errors.internalError(`device ${device.id} is not logged in (session deleted)`);
			device.state = 'logged_in';
			return ctx.ok('Reconnect success', { device_id: device.id });
		},
	},
	{
		method: 'GET',
		path: '/app/devices',
		operationId: 'appDevices',
		scoped: true,
		handler: (ctx) => {
			const list = ctx.sim.registry.list().map((device) => ({ name: device.displayName || device.phoneNumber, device: device.id, jid: device.jid }));
			return ctx.ok('Fetch device success', list.length ? list : null);
		},
	},
	{
		method: 'GET',
		path: '/app/status',
		operationId: 'appStatus',
		scoped: true,
		handler: (ctx) =>
			ctx.ok('Connection status retrieved', goMap({ ...connectionFlags(ctx.device), device_id: ctx.device.id, jid: ctx.device.jid })),
	},
	{
		method: 'GET',
		path: '/app/info',
		operationId: 'appInfo',
		scoped: false,
		handler: (ctx) =>
			ctx.ok(
				'Fetch app info success',
				goMap({
					version: ctx.sim.versionString,
					os: 'GOWA',
					base_path: ctx.sim.basePath,
					max_file_size: 50_000_000,
					max_video_size: 100_000_000,
					max_image_size: 20_000_000,
					chatwoot_enabled: false,
					...(ctx.sim.supports('9.5') ? { scheduled_sends: true } : {}),
				}),
			),
	},
];

module.exports.startQrLogin = startQrLogin;
module.exports.startCodeLogin = startCodeLogin;
module.exports.connectionFlags = connectionFlags;
