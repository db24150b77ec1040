'use strict';
/** Shared pieces of the route handlers (JID validation, send results, Go-shaped objects). */

const errors = require('../errors');
const { GowaError } = errors;
const { goTimeString, jidUser, messageId, parseJid, sanitizePhone } = require('../util');

/**
 * utils.ValidateJidWithLogin: MustLogin, ParseJID, then (account validation on) IsOnWhatsApp for user JIDs.
 * `phone` is the value after SanitizePhone. Returns the parsed JID string.
 */
function validateJidWithLogin(ctx, phone) {
	ctx.device.requireLogin();
	const parsed = parseJid(phone);
	if (parsed.user === '') throw errors.internalError(`invalid JID ${phone}: no server specified`);
	if (parsed.server === 's.whatsapp.net' && !isOnWhatsapp(ctx, parsed.user)) {
		throw errors.invalidJid(`Phone ${phone} is not on whatsapp`);
	}
	return parsed.jid;
}

/** The simulated IsOnWhatsApp: 5–15 digits (no AD suffix) and not in the unregistered list. */
function isOnWhatsapp(ctx, user) {
	const digits = String(user).replace(/^\+/, '');
	if (!/^[1-9][0-9]{4,14}$/.test(digits)) return false;
	return !ctx.sim.unregistered.has(digits);
}

function serverTimestamp() {
	return goTimeString(new Date(Math.floor(Date.now() / 1000) * 1000));
}

/** Runs the standard usecase order: bind+validate → ErrWaCLI → MustLogin (+ JID check when `phoneField` given). */
function standard(ctx, { phoneField, operationId } = {}) {
	const request = ctx.check(operationId);
	ctx.device.requireClient();
	let jid;
	if (phoneField) jid = validateJidWithLogin(ctx, request[phoneField]);
	else ctx.device.requireLogin();
	return { request, jid };
}

/** A successful send: stores the message like StoreSentMessage and answers {message_id, status} (v9.5: or schedules it). */
function sendSuccess(ctx, { jid, statusText, content = '', media }) {
	if (ctx.schedule) return require('../schedules').scheduleSend(ctx, { jid, content, media });
	const id = messageId();
	ctx.store.storeSent({
		id,
		chatJid: jid,
		content,
		mediaType: media ? media.type : '',
		fileName: media ? media.fileName || '' : '',
		bytes: media ? media.bytes : undefined,
		mimeType: media ? media.mimeType : undefined,
		extension: media ? media.extension : undefined,
	});
	return ctx.ok(statusText, { message_id: id, status: statusText });
}

/** SanitizePhone on a request field (handlers call it before the usecase). */
function sanitize(request, field) {
	request[field] = sanitizePhone(request[field]);
	return request[field];
}

/** whatsmeow GroupParticipant (PascalCase). */
function groupParticipantStruct(participant, lidMode) {
	return {
		JID: lidMode ? participant.lid : participant.phone,
		PhoneNumber: participant.phone,
		LID: participant.lid,
		IsAdmin: participant.isAdmin,
		IsSuperAdmin: participant.isSuperAdmin,
		DisplayName: participant.displayName || '',
		Error: 0,
		AddRequest: null,
	};
}

/** whatsmeow types.GroupInfo as json.Marshal writes it (embedded structs flattened, PascalCase). */
function groupInfoStruct(group) {
	const { goTimeJson } = require('../util');
	const lidMode = group.addressingMode === 'lid';
	return {
		JID: group.jid,
		OwnerJID: group.owner,
		OwnerPN: group.owner,
		Name: group.name,
		NameSetAt: goTimeJson(group.created),
		NameSetBy: group.owner,
		NameSetByPN: group.owner,
		Topic: group.topic,
		TopicID: group.topic ? `${jidUser(group.jid).slice(-8)}01` : '',
		TopicSetAt: group.topic ? goTimeJson(group.created) : '0001-01-01T00:00:00Z',
		TopicSetBy: group.topic ? group.owner : '',
		TopicSetByPN: group.topic ? group.owner : '',
		TopicDeleted: false,
		IsLocked: group.locked,
		IsAnnounce: group.announce,
		AnnounceVersionID: group.announce ? String(Math.floor(group.created / 1000)) : '',
		IsEphemeral: group.ephemeral,
		DisappearingTimer: group.disappearingTimer,
		IsIncognito: false,
		IsParent: false,
		DefaultMembershipApprovalMode: '',
		LinkedParentJID: '',
		IsDefaultSubGroup: false,
		IsJoinApprovalRequired: group.requests.length > 0,
		AddressingMode: group.addressingMode,
		GroupCreated: goTimeJson(group.created),
		CreatorCountryCode: 'ID',
		ParticipantVersionID: String(Math.floor(group.created / 1000)),
		Participants: group.participants.map((participant) => groupParticipantStruct(participant, lidMode)),
		ParticipantCount: group.participants.length,
		MemberAddMode: 'admin_add',
		Suspended: false,
	};
}

/** Looks up a group the account is in; whatsmeow errors otherwise. */
function requireGroup(ctx, groupJid) {
	const group = ctx.store.groups.get(groupJid);
	if (!group) throw errors.internalError('group not found');
	if (group.left) throw errors.internalError("you're not participating in that group");
	return group;
}

module.exports = {
	GowaError,
	groupInfoStruct,
	isOnWhatsapp,
	requireGroup,
	sanitize,
	sendSuccess,
	serverTimestamp,
	standard,
	validateJidWithLogin,
};
