'use strict';
/**
 * What Meta enforces beyond its spec (NOTES §2–4), applied after the spec check: a Graph error
 * `{ status, code, message, details }` or undefined when Meta would accept the request.
 */

const graphError = (status, code, message, details, extra = {}) => ({ status, code, message, details, ...extra });
const invalid = (details) => graphError(400, 100, '(#100) Invalid parameter', details);

function countVariables(text) {
	return new Set(String(text ?? '').match(/\{\{\d+\}\}/g) ?? []).size;
}

function checkMedia(state, phone, type, media) {
	if (!media) return undefined;
	if (type !== 'sticker' && typeof media.caption === 'string' && [...media.caption].length > 1024) return invalid('Param caption must be at most 1024 characters long.');
	if (media.id !== undefined) {
		const stored = state.media.get(String(media.id));
		if (!stored || stored.phoneNumberId !== phone.id) return invalid(`Invalid media id ${media.id}: no media with this id for this phone number.`);
		if (type === 'sticker' && stored.mimeType !== 'image/webp') return graphError(400, 131053, '(#131053) Media upload error', `Stickers must be image/webp, got ${stored.mimeType}.`);
	}
	return undefined;
}

function checkInteractive(interactive) {
	if (interactive.type === 'list') {
		const rows = (interactive.action.sections ?? []).reduce((total, section) => total + (section.rows ?? []).length, 0);
		if (rows > 10) return graphError(400, 131009, '(#131009) Parameter value is not valid', 'Total row count exceed max allowed count: 10');
		if ((interactive.action.sections ?? []).length > 1 && interactive.action.sections.some((section) => !section.title)) return graphError(400, 131009, '(#131009) Parameter value is not valid', 'Section title is required when there is more than one section.');
	}
	if (interactive.type === 'cta_url' && (interactive.action.name !== 'cta_url' || !interactive.action.parameters)) return graphError(400, 131009, '(#131009) Parameter value is not valid', 'cta_url needs action.name "cta_url" and parameters {display_text, url}.');
	if (interactive.type === 'location_request_message' && interactive.action.name !== 'send_location') return graphError(400, 131009, '(#131009) Parameter value is not valid', 'location_request_message needs action.name "send_location".');
	if (interactive.type !== 'flow' && interactive.type !== 'product' && !interactive.body) return invalid('The parameter interactive.body is required.');
	return undefined;
}

function checkTemplate(state, phone, template) {
	const waba = state.wabas.get(phone.wabaId);
	const found = waba.templates.find((entry) => entry.name === template.name && entry.language === template.language.code);
	if (!found || found.status !== 'APPROVED') {
		return graphError(404, 132001, '(#132001) Template name does not exist in the translation', `template name (${template.name}) does not exist in ${template.language.code}${found ? ` (status ${found.status})` : ''}`);
	}
	const components = template.components ?? [];
	const byType = (type) => components.filter((component) => String(component.type).toLowerCase() === type);
	const body = found.components.find((component) => component.type === 'BODY');
	const bodyParameters = byType('body').flatMap((component) => component.parameters ?? []);
	const headerDefinition = found.components.find((component) => component.type === 'HEADER');
	const headerParameters = byType('header').flatMap((component) => component.parameters ?? []);
	const expectedBody = countVariables(body?.text);
	if (bodyParameters.length !== expectedBody) {
		return graphError(400, 132000, '(#132000) Number of parameters does not match the expected number of params', `body: number of localizable_params (${bodyParameters.length}) does not match the expected number of params (${expectedBody})`);
	}
	if (headerDefinition && headerDefinition.format && headerDefinition.format !== 'TEXT') {
		const given = headerParameters[0]?.type?.toUpperCase() ?? 'UNKNOWN';
		if (given !== headerDefinition.format) return graphError(400, 132012, '(#132012) Parameter format does not match format in the created template', `header: Format mismatch, expected ${headerDefinition.format}, received ${given}`);
	} else if (headerParameters.length !== countVariables(headerDefinition?.text)) {
		return graphError(400, 132000, '(#132000) Number of parameters does not match the expected number of params', `header: number of params (${headerParameters.length}) does not match the expected number of params (${countVariables(headerDefinition?.text)})`);
	}
	const buttons = found.components.find((component) => component.type === 'BUTTONS')?.buttons ?? [];
	for (const component of byType('button')) {
		const definition = buttons[Number(component.index)];
		const expected = component.sub_type === 'url' ? 'URL' : component.sub_type === 'quick_reply' ? 'QUICK_REPLY' : String(component.sub_type).toUpperCase();
		if (!definition || definition.type !== expected) {
			return graphError(400, 132012, '(#132012) Parameter format does not match format in the created template', `buttons: no ${expected} button at index ${component.index}`);
		}
	}
	return undefined;
}

/** Meta's behaviour for POST /{phone-number-id}/messages once the body matches the (patched) spec. */
function checkSend(state, phone, body, now = Date.now()) {
	if (!phone.registered) return graphError(400, 133010, '(#133010) Account not registered', 'The phone number is not registered with the Cloud API.');
	if (body.status === 'read') return undefined;
	const to = String(body.to ?? '');
	if (!/^\d{7,15}$/.test(to)) return invalid(`Param to "${to}" is not a valid WhatsApp user phone number.`);
	if (to === phone.display_phone_number.replace(/\D/g, '')) return graphError(400, 131021, '(#131021) Recipient cannot be sender', 'Sender and recipient phone number is the same.');
	if (phone.blocked.has(to)) return graphError(400, 130403, '(#130403) Recipient blocked', 'This business blocked the recipient.');
	if (state.unregistered.has(to)) return graphError(400, 131026, '(#131026) Message undeliverable', 'Message Undeliverable.');
	if (body.type === 'text') {
		const text = body.text?.body;
		if (typeof text !== 'string' || text === '') return invalid('The parameter text[\'body\'] is required.');
		if ([...text].length > 4096) return invalid('Param text[\'body\'] must be at most 4096 characters long.');
	}
	const mediaProblem = ['image', 'video', 'audio', 'document', 'sticker'].includes(body.type) ? checkMedia(state, phone, body.type, body[body.type]) : undefined;
	if (mediaProblem) return mediaProblem;
	if (body.type === 'interactive') {
		const problem = checkInteractive(body.interactive);
		if (problem) return problem;
	}
	if (body.type === 'template') return checkTemplate(state, phone, body.template);
	if (!state.windowOpen(phone.id, to, now)) {
		return graphError(400, 131047, '(#131047) Re-engagement message', 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.');
	}
	return undefined;
}

module.exports = { checkSend, graphError, invalid, countVariables };
