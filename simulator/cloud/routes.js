'use strict';
/** Graph routes of the Meta simulator: `{ method, pattern, operationId, permission, handle(sim, req, params) }`. */

const { graphError, invalid } = require('./rules');
const { DEFAULTS, wamid } = require('./state');
const { verifyCallback } = require('./webhooks');

const ok = (body, status = 200) => ({ status, body });

function phoneOr404(sim, id) {
	const phone = sim.state.phoneNumbers.get(id);
	return phone ?? graphError(400, 100, `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, undefined, { subcode: 33 });
}

function wabaOr404(sim, id) {
	return sim.state.wabas.get(id) ?? graphError(400, 100, `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, undefined, { subcode: 33 });
}

function pick(object, fields) {
	if (!fields) return object;
	const keep = String(fields).split(',').map((field) => field.trim());
	return Object.fromEntries(Object.entries(object).filter(([key]) => key === 'id' || keep.includes(key)));
}

function phoneJson(phone, fields) {
	const { blocked: _blocked, profile: _profile, wabaId: _waba, registered: _registered, ...json } = phone;
	return pick(json, fields ?? 'id,display_phone_number,verified_name,quality_rating');
}

/** Cursor paging over a list: `limit` + `after` (the index, base64), as Graph answers it. */
function page(list, query, baseUrl) {
	const limit = Math.max(1, Math.min(1000, Number(query.limit) || 25));
	const start = query.after ? Number(Buffer.from(String(query.after), 'base64').toString('utf8')) || 0 : 0;
	const data = list.slice(start, start + limit);
	const body = { data };
	if (data.length > 0) {
		body.paging = { cursors: { before: Buffer.from(String(start)).toString('base64'), after: Buffer.from(String(start + data.length)).toString('base64') } };
		if (start + data.length < list.length) body.paging.next = `${baseUrl}?limit=${limit}&after=${body.paging.cursors.after}`;
	}
	return body;
}

/** `GET /{WABA}/subscribed_apps` entries (spec SubscribedApp). */
function subscribedApps(waba) {
	return [...waba.subscriptions].map(([appId, entry]) => ({
		whatsapp_business_api_data: { id: appId, name: appId === DEFAULTS.appId ? DEFAULTS.appName : `App ${appId}`, link: `https://www.facebook.com/games/?app_id=${appId}` },
		...(entry.override_callback_uri ? { override_callback_uri: entry.override_callback_uri } : {}),
	}));
}

const ROUTES = [
	{
		method: 'POST', pattern: /^\/(\d+)\/messages$/, operationId: 'sendMessage', permission: 'whatsapp_business_messaging',
		handle(sim, req, [id]) {
			const phone = phoneOr404(sim, id);
			if (phone.status) return phone;
			const problem = sim.checkSend(phone, req.json);
			if (problem) return problem;
			if (req.json.status === 'read') return ok({ success: true });
			const message = { id: wamid() };
			if (req.json.type === 'template') message.message_status = 'accepted';
			sim.sent.push({ phoneNumberId: id, to: req.json.to, type: req.json.type, id: message.id, body: req.json, at: Date.now() });
			return ok({ messaging_product: 'whatsapp', contacts: [{ input: req.json.to, wa_id: req.json.to }], messages: [message] });
		},
	},
	{
		method: 'POST', pattern: /^\/(\d+)\/media$/, operationId: 'uploadImage', permission: 'whatsapp_business_messaging',
		handle(sim, req, [id]) {
			const phone = phoneOr404(sim, id);
			if (phone.status) return phone;
			const form = req.form;
			const file = form?.files?.file;
			if (!file) return invalid('The parameter file is required.');
			if ((form.fields.messaging_product ?? [])[0] !== 'whatsapp') return invalid('The parameter messaging_product is required.');
			const type = (form.fields.type ?? [])[0];
			if (type !== undefined && file.contentType !== '' && type !== file.contentType) return graphError(400, 131053, '(#131053) Media upload error', `The type field (${type}) does not match the file part's Content-Type (${file.contentType}).`);
			const mimeType = type ?? file.contentType;
			if (!mimeType || mimeType === 'application/octet-stream') return graphError(400, 131053, '(#131053) Media upload error', 'Param file must be a file with one of the supported MIME types.');
			return ok({ id: sim.state.storeMedia(id, { bytes: file.bytes, mimeType, fileName: file.fileName }).id });
		},
	},
	{
		method: 'GET', pattern: /^\/(\d+)\/whatsapp_business_profile$/, operationId: 'getWhatsAppBusinessProfile', permission: 'whatsapp_business_management',
		handle(sim, req, [id]) {
			const phone = phoneOr404(sim, id);
			return phone.status ? phone : ok({ data: [{ business_profile: pick(phone.profile, req.query.fields ? `messaging_product,${req.query.fields}` : undefined) }] });
		},
	},
	{
		method: 'POST', pattern: /^\/(\d+)\/whatsapp_business_profile$/, operationId: 'updateWhatsAppBusinessProfileInformation', permission: 'whatsapp_business_management',
		handle(sim, req, [id]) {
			const phone = phoneOr404(sim, id);
			if (phone.status) return phone;
			const { messaging_product: _product, ...changes } = req.json;
			Object.assign(phone.profile, changes);
			return ok({ success: true });
		},
	},
	{
		method: 'GET', pattern: /^\/(\d+)\/block_users$/, operationId: 'getBlockedUsers', permission: 'whatsapp_business_messaging',
		handle(sim, req, [id]) {
			const phone = phoneOr404(sim, id);
			return phone.status ? phone : ok(page([...phone.blocked].map((waId) => ({ messaging_product: 'whatsapp', wa_id: waId })), req.query, `${sim.url}/${req.version}/${id}/block_users`));
		},
	},
	...['POST', 'DELETE'].map((method) => ({
		method, pattern: /^\/(\d+)\/block_users$/, operationId: method === 'POST' ? 'blockUserS' : 'unblockUserS', permission: 'whatsapp_business_messaging',
		handle(sim, req, [id]) {
			const phone = phoneOr404(sim, id);
			if (phone.status) return phone;
			const users = (req.json.block_users ?? []).map((entry) => String(entry.user ?? '').replace(/\D/g, ''));
			if (users.length === 0 || users.some((user) => !/^\d{7,15}$/.test(user))) return invalid('block_users must list users as phone numbers.');
			if (method === 'POST') {
				const notAllowed = users.filter((user) => !sim.state.windowOpen(id, user));
				if (notAllowed.length > 0) return graphError(400, 139100, '(#139100) Failed to block/unblock users', `Users can only be blocked within 24 hours of their last message: ${notAllowed.join(', ')}`);
			}
			for (const user of users) (method === 'POST' ? phone.blocked.add(user) : phone.blocked.delete(user));
			const key = method === 'POST' ? 'added_users' : 'removed_users';
			return ok({ messaging_product: 'whatsapp', block_users: { [key]: (req.json.block_users ?? []).map((entry, index) => ({ input: entry.user, wa_id: users[index] })) } });
		},
	})),
	{
		method: 'GET', pattern: /^\/(\d+)\/phone_numbers$/, operationId: 'getWhatsAppBusinessAccountPhoneNumbers', permission: 'whatsapp_business_management',
		handle(sim, req, [id]) {
			const waba = wabaOr404(sim, id);
			return waba.status ? waba : ok(page(waba.phoneNumbers.map((phone) => phoneJson(phone, req.query.fields)), req.query, `${sim.url}/${req.version}/${id}/phone_numbers`));
		},
	},
	{
		method: 'GET', pattern: /^\/(\d+)\/message_templates$/, operationId: 'getTemplateByNameDefaultFields', permission: 'whatsapp_business_management',
		handle(sim, req, [id]) {
			const waba = wabaOr404(sim, id);
			if (waba.status) return waba;
			const list = waba.templates.filter((template) => (!req.query.name || template.name === req.query.name) && (!req.query.status || template.status === req.query.status));
			return ok(page(list, req.query, `${sim.url}/${req.version}/${id}/message_templates`));
		},
	},
	{
		method: 'POST', pattern: /^\/(\d+)\/message_templates$/, operationId: 'createAuthenticationTemplateWOtpCopyCodeButton', permission: 'whatsapp_business_management',
		handle(sim, req, [id]) {
			const waba = wabaOr404(sim, id);
			if (waba.status) return waba;
			const { name, language, category, components } = req.json;
			if (!/^[a-z0-9_]{1,512}$/.test(String(name ?? ''))) return invalid('Param name must be lower-case letters, digits and underscores.');
			if (!language || !['MARKETING', 'UTILITY', 'AUTHENTICATION'].includes(category) || !Array.isArray(components) || components.length === 0) return invalid('name, language, category and components are required.');
			if (waba.templates.some((template) => template.name === name && template.language === language)) return graphError(400, 100, '(#100) Invalid parameter', `Content in this language already exists for ${name}`, { subcode: 2388024 });
			if (waba.templates.length >= 250) return graphError(400, 100, '(#100) Invalid parameter', 'Message template limit reached', { subcode: 2388019 });
			const template = { id: sim.state.nextId(), name, language, status: 'PENDING', category, components };
			waba.templates.push(template);
			return ok({ id: template.id, status: template.status, category });
		},
	},
	{
		method: 'DELETE', pattern: /^\/(\d+)\/message_templates$/, operationId: 'deleteTemplateByName', permission: 'whatsapp_business_management',
		handle(sim, req, [id]) {
			const waba = wabaOr404(sim, id);
			if (waba.status) return waba;
			const before = waba.templates.length;
			waba.templates = waba.templates.filter((template) => !(template.name === req.query.name && (!req.query.hsm_id || template.id === req.query.hsm_id)));
			if (waba.templates.length === before) return graphError(400, 100, '(#100) Invalid parameter', `Message template "${req.query.name}" not found`, { subcode: 2593002 });
			return ok({ success: true });
		},
	},
	{
		method: 'GET', pattern: /^\/(\d+)\/subscribed_apps$/, operationId: 'getAllSubscriptionsForAWaba', permission: 'whatsapp_business_management',
		handle(sim, req, [id]) {
			const waba = wabaOr404(sim, id);
			return waba.status ? waba : ok({ data: subscribedApps(waba) });
		},
	},
	{
		// With override_callback_uri Meta first verifies the URL (GET handshake with verify_token) and refuses on failure.
		method: 'POST', pattern: /^\/(\d+)\/subscribed_apps$/, operationId: 'subscribeToWabaWebhooks', permission: 'whatsapp_business_management',
		async handle(sim, req, [id], grant) {
			const waba = wabaOr404(sim, id);
			if (waba.status) return waba;
			const uri = req.json.override_callback_uri;
			if (uri !== undefined) {
				if (!/^https?:\/\//.test(String(uri))) return invalid('Param override_callback_uri must be a valid URL.');
				const check = await (sim.verifyCallback ?? verifyCallback)(uri, req.json.verify_token);
				sim.verifications.push({ url: uri, ...check, at: new Date().toISOString() });
				if (!check.verified) return graphError(400, 2200, `(#2200) Callback verification failed with the following errors: HTTP Status Code = ${check.status ?? 'none'}; HTTP Message = ${check.error ?? 'the response was not the challenge'}`);
				waba.subscriptions.set(grant.appId, { override_callback_uri: uri });
				return ok({ success: true, data: subscribedApps(waba).filter((entry) => entry.whatsapp_business_api_data.id === grant.appId) });
			}
			// Without an override the app is subscribed with its own callback URL (an existing override is removed).
			waba.subscriptions.set(grant.appId, {});
			return ok({ success: true });
		},
	},
	{
		method: 'DELETE', pattern: /^\/(\d+)\/subscribed_apps$/, operationId: 'unsubscribeFromWabaWebhooks', permission: 'whatsapp_business_management',
		handle(sim, req, [id], grant) {
			const waba = wabaOr404(sim, id);
			if (waba.status) return waba;
			waba.subscriptions.delete(grant.appId);
			return ok({ success: true });
		},
	},
	{
		method: 'GET', pattern: /^\/(\d+)$/, operationId: 'getPhoneNumberById', permission: 'whatsapp_business_management',
		handle(sim, req, [id]) {
			const phone = sim.state.phoneNumbers.get(id);
			if (phone) return ok(phoneJson(phone, req.query.fields));
			const template = sim.state.findTemplate(id);
			if (template) return ok({ ...template.template, operationId: undefined });
			const media = sim.state.media.get(id);
			if (media && (!req.query.phone_number_id || req.query.phone_number_id === media.phoneNumberId)) {
				return ok({ messaging_product: 'whatsapp', url: sim.mediaUrl(media), mime_type: media.mimeType, sha256: media.sha256, file_size: String(media.bytes.length), id: media.id });
			}
			return phoneOr404(sim, id);
		},
	},
	{
		method: 'DELETE', pattern: /^\/(\d+)$/, operationId: 'deleteMedia', permission: 'whatsapp_business_messaging',
		handle(sim, req, [id]) {
			const media = sim.state.media.get(id);
			if (!media || (req.query.phone_number_id && req.query.phone_number_id !== media.phoneNumberId)) return graphError(400, 100, `Unsupported delete request. Object with ID '${id}' does not exist.`, undefined, { subcode: 33 });
			sim.state.media.delete(id);
			return ok({ success: true });
		},
	},
];

/** The operationId for GET /{id}: the spec has one path per object kind, the simulator one route. */
function operationIdOf(sim, route, id) {
	if (route.operationId !== 'getPhoneNumberById') return route.operationId;
	if (sim.state.findTemplate(id)) return 'getTemplateByIdDefaultFields';
	if (sim.state.media.has(id)) return 'retrieveMediaUrl';
	return route.operationId;
}

module.exports = { ROUTES, operationIdOf, page };
