'use strict';
/** /devices* (src/ui/rest/device.go, src/usecase/device.go). Not device-scoped: the id is in the path. */

const errors = require('../errors');
const { goMap, goTimeJson, uuid } = require('../util');
const { connectionFlags, startCodeLogin, startQrLogin } = require('./app');

/** Fiber does not unescape path params: the id is used as written in the URL. */
const pathId = (ctx) => ctx.params.device_id;

function existing(ctx) {
	const device = ctx.sim.registry.get(pathId(ctx));
	if (!device) throw errors.internalError(`device ${pathId(ctx)} not found`);
	return device;
}

function webhookResults(id, config) {
	return goMap({
		device_id: id,
		webhook_url: config ? config.webhook_url : '',
		webhook_secret: config ? config.webhook_secret : '',
		webhook_events: config ? config.webhook_events : '',
		webhook_insecure_skip_verify: config ? config.webhook_insecure_skip_verify : false,
	});
}

module.exports = [
	{
		method: 'GET',
		path: '/devices',
		operationId: 'listDevices',
		scoped: false,
		handler: (ctx) => {
			const list = ctx.sim.registry.list().map((device) => device.toApi());
			return ctx.ok('List devices', list.length ? list : null);
		},
	},
	{
		method: 'POST',
		path: '/devices',
		operationId: 'addDevice',
		scoped: false,
		handler: (ctx) => {
			const request = ctx.check();
			const id = request.device_id || uuid();
			if (ctx.sim.registry.get(id)) throw errors.internalError(`device ${id} already exists`);
			const hasWebhook = Boolean(request.webhook_url || request.webhook_secret || request.webhook_events || request.webhook_insecure_skip_verify);
			const device = ctx.sim.registry.add(id);
			if (hasWebhook) {
				device.webhook = {
					webhook_url: request.webhook_url || '',
					webhook_secret: request.webhook_secret || '',
					webhook_events: request.webhook_events || '',
					webhook_insecure_skip_verify: Boolean(request.webhook_insecure_skip_verify),
				};
			}
			const results = {
				id: device.id,
				display_name: device.displayName,
				jid: device.jid,
				state: device.apiState,
				created_at: goTimeJson(device.createdAt),
			};
			if (hasWebhook) Object.assign(results, device.webhook);
			return ctx.ok('Device added', goMap(results));
		},
	},
	{
		method: 'GET',
		path: '/devices/:device_id',
		operationId: 'getDevice',
		scoped: false,
		handler: (ctx) => ctx.ok('Device info', existing(ctx).toApi()),
	},
	{
		method: 'DELETE',
		path: '/devices/:device_id',
		operationId: 'removeDevice',
		scoped: false,
		handler: (ctx) => {
			// PurgeDevice does not check existence: removing an unknown id succeeds.
			ctx.sim.registry.remove(pathId(ctx));
			ctx.sim.stores.delete(pathId(ctx));
			return ctx.ok('Device removed');
		},
	},
	{
		method: 'GET',
		path: '/devices/:device_id/login',
		operationId: 'loginDevice',
		scoped: false,
		handler: (ctx) => {
			// ensureClient creates an in-memory slot for an unknown id.
			const device = ctx.sim.registry.get(pathId(ctx)) || ctx.sim.registry.add(pathId(ctx));
			const results = startQrLogin(ctx, device);
			return ctx.ok('Login success', goMap({ ...results, device_id: pathId(ctx) }));
		},
	},
	{
		method: 'POST',
		path: '/devices/:device_id/login/code',
		operationId: 'loginDeviceWithCode',
		scoped: false,
		handler: (ctx) => {
			ctx.check();
			const device = ctx.sim.registry.get(pathId(ctx)) || ctx.sim.registry.add(pathId(ctx));
			const code = startCodeLogin(ctx, device);
			return ctx.ok('Login with code started', goMap({ device_id: pathId(ctx), pair_code: code }));
		},
	},
	{
		method: 'POST',
		path: '/devices/:device_id/logout',
		operationId: 'logoutDevice',
		scoped: false,
		handler: (ctx) => {
			const device = existing(ctx);
			device.state = 'new';
			device.clearSession();
			return ctx.ok('Logout requested');
		},
	},
	{
		method: 'POST',
		path: '/devices/:device_id/reconnect',
		operationId: 'reconnectDevice',
		scoped: false,
		handler: (ctx) => {
			const device = existing(ctx);
			if (!device.hasClient) throw errors.internalError(`device ${device.id} client not initialized`);
			if (!device.jid) throw errors.internalError(`device ${device.id} is not logged in (session deleted)`);
			device.state = 'logged_in';
			return ctx.ok('Reconnect requested');
		},
	},
	{
		method: 'GET',
		path: '/devices/:device_id/status',
		operationId: 'getDeviceStatus',
		scoped: false,
		handler: (ctx) => {
			const device = existing(ctx);
			return ctx.ok('Device status', goMap({ device_id: pathId(ctx), ...connectionFlags(device) }));
		},
	},
	{
		method: 'GET',
		path: '/devices/:device_id/webhook',
		operationId: 'getDeviceWebhook',
		scoped: false,
		handler: (ctx) => {
			const device = ctx.sim.registry.get(pathId(ctx));
			if (!device) throw errors.deviceNotFoundWebhook();
			return ctx.ok('Device webhook retrieved', webhookResults(pathId(ctx), device.webhook));
		},
	},
	{
		method: 'PATCH',
		path: '/devices/:device_id/webhook',
		operationId: 'updateDeviceWebhook',
		scoped: false,
		handler: (ctx) => {
			const request = ctx.check();
			const device = ctx.sim.registry.get(pathId(ctx));
			if (!device) throw errors.deviceNotFoundWebhook();
			// Full replacement: omitted fields reset to empty/false.
			device.webhook = {
				webhook_url: request.webhook_url ?? '',
				webhook_secret: request.webhook_secret || '',
				webhook_events: request.webhook_events || '',
				webhook_insecure_skip_verify: Boolean(request.webhook_insecure_skip_verify),
			};
			return ctx.ok('Device webhook updated', webhookResults(pathId(ctx), device.webhook));
		},
	},
];
