'use strict';
/** /user/* (src/ui/rest/user.go, src/usecase/user.go). Device-scoped. */

const errors = require('../errors');
const { sniffImage } = require('../media');
const { jidUser, parseJid, sanitizePhone } = require('../util');
const { groupInfoStruct, isOnWhatsapp, validateJidWithLogin } = require('./helpers');

function pictureId(jid) {
	let hash = 7;
	for (const character of jid) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
	return String(1_600_000_000 + (hash % 100_000_000));
}

module.exports = [
	{
		method: 'GET',
		path: '/user/info',
		operationId: 'userInfo',
		scoped: true,
		handler: (ctx) => {
			const request = ctx.check();
			const phone = sanitizePhone(request.phone);
			ctx.device.requireClient();
			const jid = validateJidWithLogin(ctx, phone);
			const parsed = parseJid(jid);
			const user = parsed.user;
			const chat = ctx.store.chats.get(jid);
			const results = {
				data: [
					{
						name: chat ? chat.name : '',
						verified_name: '',
						status: 'Hey there! I am using WhatsApp.',
						picture_id: pictureId(jid),
						devices: [
							{ User: user, Agent: 0, Device: 'UNKNOWN', Server: parsed.server, AD: `${user}.0:0@${parsed.server}` },
							{ User: user, Agent: 0, Device: 'CHROME', Server: parsed.server, AD: `${user}.0:1@${parsed.server}` },
						],
					},
				],
			};
			if (parsed.server === 's.whatsapp.net') results.resolved_lid = `${String(BigInt(user) * 7n + 100000000000000n).slice(0, 15)}@lid`;
			return ctx.ok('Success get user info', results);
		},
	},
	{
		method: 'GET',
		path: '/user/avatar',
		operationId: 'userAvatar',
		scoped: true,
		handler: (ctx) => {
			ctx.device.requireClient(); // this usecase checks the client before validating
			const request = ctx.check();
			const jid = validateJidWithLogin(ctx, sanitizePhone(request.phone));
			const id = pictureId(jid);
			const type = request.is_preview ? 'preview' : 'image';
			return ctx.ok('Success get avatar', {
				url: `https://pps.whatsapp.net/v/t61.24694-24/${id}_n.jpg?ccb=11-4&oh=01_${jidUser(jid)}&oe=68A0B2C3&_nc_sid=5e03e0&_nc_cat=1`,
				id,
				type,
			});
		},
	},
	{
		method: 'POST',
		path: '/user/avatar',
		operationId: 'userChangeAvatar',
		scoped: true,
		handler: (ctx) => {
			const request = ctx.check();
			ctx.device.requireLogin();
			if (request.avatar && !sniffImage(request.avatar.bytes)) throw errors.internalError('failed to decode image: image: unknown format');
			return ctx.ok('Success change avatar');
		},
	},
	{
		method: 'POST',
		path: '/user/pushname',
		operationId: 'userChangePushName',
		scoped: true,
		handler: (ctx) => {
			const request = ctx.check();
			ctx.device.requireLogin();
			ctx.store.pushName = request.push_name;
			return ctx.ok('Success change push name');
		},
	},
	{
		method: 'GET',
		path: '/user/my/privacy',
		operationId: 'userMyPrivacy',
		scoped: true,
		handler: (ctx) => {
			ctx.device.requireLogin();
			return ctx.ok('Success get privacy', { ...ctx.store.privacy });
		},
	},
	{
		method: 'GET',
		path: '/user/my/groups',
		operationId: 'userMyGroups',
		scoped: true,
		handler: (ctx) => {
			ctx.device.requireLogin();
			const groups = [...ctx.store.groups.values()].filter((group) => !group.left).slice(0, 500).map(groupInfoStruct);
			return ctx.ok('Success get list groups', { data: groups.length ? groups : null });
		},
	},
	{
		method: 'GET',
		path: '/user/my/newsletters',
		operationId: 'userMyNewsletter',
		scoped: true,
		handler: (ctx) => {
			ctx.device.requireLogin();
			const list = [...ctx.store.newsletters.values()].map((newsletter) => newsletter.metadata);
			return ctx.ok('Success get list newsletter', { data: list.length ? list : null });
		},
	},
	{
		method: 'GET',
		path: '/user/my/contacts',
		operationId: 'userMyContacts',
		scoped: true,
		handler: (ctx) => {
			ctx.device.requireLogin();
			const list = ctx.store.contacts.map((contact) => ({ jid: contact.jid, name: contact.name }));
			return ctx.ok('Success get list contacts', { data: list.length ? list : null });
		},
	},
	{
		method: 'GET',
		path: '/user/check',
		operationId: 'userCheck',
		scoped: true,
		handler: (ctx) => {
			const request = ctx.check();
			ctx.device.requireLogin();
			const jid = sanitizePhone(request.phone);
			// IsOnWhatsapp only checks `@s.whatsapp.net` JIDs; groups/newsletters/LIDs report true.
			let onWhatsapp = true;
			if (String(jid).includes('@s.whatsapp.net')) onWhatsapp = isOnWhatsapp(ctx, String(jid).replace('@s.whatsapp.net', ''));
			return ctx.ok('Success check user', { is_on_whatsapp: onWhatsapp });
		},
	},
	{
		method: 'GET',
		path: '/user/business-profile',
		operationId: 'userBusinessProfile',
		scoped: true,
		handler: (ctx) => {
			const { jid } = standardWithSanitize(ctx);
			return ctx.ok('Success get business profile', {
				jid,
				email: 'hello@salon.example',
				address: 'Jl. Sunset Road 88, Kuta, Bali',
				categories: [{ id: '133436743388217', name: 'Beauty, Cosmetic & Personal Care' }],
				profile_options: { commerce_experience: 'catalog', cart_enabled: 'true' },
				business_hours_timezone: 'Asia/Makassar',
				business_hours: [
					{ day_of_week: 'mon', mode: 'specific_hours', open_time: '540', close_time: '1200' },
					{ day_of_week: 'sat', mode: 'specific_hours', open_time: '600', close_time: '1080' },
					{ day_of_week: 'sun', mode: 'appointment_only', open_time: '0', close_time: '0' },
				],
			});
		},
	},
];

function standardWithSanitize(ctx) {
	const request = ctx.check();
	request.phone = sanitizePhone(request.phone);
	ctx.device.requireClient();
	return { request, jid: validateJidWithLogin(ctx, request.phone) };
}

