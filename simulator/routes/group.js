'use strict';
/** /group* (src/ui/rest/group.go, src/usecase/group.go). Device-scoped and stateful. */

const crypto = require('node:crypto');
const errors = require('../errors');
const { sniffImage } = require('../media');
const { isBareParticipant } = require('../realServerRules');
const { goTimeJson, jidUser } = require('../util');
const { groupInfoStruct, isOnWhatsapp, requireGroup, validateJidWithLogin } = require('./helpers');

/** validate → ErrWaCLI → [MustLogin] → ValidateJidWithLogin(group_id) → group lookup. */
function groupFlow(ctx) {
	const request = ctx.check();
	ctx.device.requireClient();
	const jid = validateJidWithLogin(ctx, request.group_id);
	return { request, jid };
}

/** participantToJID: bare numbers only, each checked on WhatsApp (ignores WHATSAPP_ACCOUNT_VALIDATION). */
function participantJids(ctx, participants) {
	return participants.map((participant) => {
		if (!isBareParticipant(participant) || !isOnWhatsapp(ctx, participant)) throw errors.invalidJid('user is not registered');
		return `${String(participant).replace(/^\+/, '')}@s.whatsapp.net`;
	});
}

/** A stable 15-digit LID for a phone JID. */
function lidFor(phoneJid) {
	const digits = BigInt(`0x${crypto.createHash('sha1').update(String(phoneJid)).digest('hex').slice(0, 15)}`).toString();
	return `${`1${digits}`.slice(0, 15)}@lid`;
}

function inviteCode(seed) {
	return crypto.createHash('sha256').update(seed).digest('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 22);
}

function codeFromLink(link) {
	const text = String(link).trim();
	const match = /chat\.whatsapp\.com\/(?:invite\/)?([A-Za-z0-9]+)/.exec(text);
	if (match) return match[1];
	if (/^[A-Za-z0-9]{10,}$/.test(text)) return text;
	return undefined;
}

/** A group reachable by invite link: a known group, or (for any valid code) a deterministic foreign group. */
function groupForCode(ctx, code) {
	for (const group of ctx.store.groups.values()) if (group.inviteCode === code) return group;
	const digits = BigInt(`0x${crypto.createHash('sha1').update(code).digest('hex').slice(0, 12)}`).toString().padStart(12, '0').slice(0, 12);
	const jid = `120363${digits}@g.us`;
	return {
		jid,
		name: `Community ${code.slice(0, 5)}`,
		topic: 'Welcome! Please read the pinned rules.',
		owner: '6281100000001@s.whatsapp.net',
		created: Date.parse('2026-01-15T08:00:00Z'),
		participants: [
			{ phone: '6281100000001@s.whatsapp.net', lid: lidFor('6281100000001'), isAdmin: true, isSuperAdmin: true, displayName: '' },
			{ phone: '6281100000002@s.whatsapp.net', lid: lidFor('6281100000002'), isAdmin: false, isSuperAdmin: false, displayName: '' },
		],
		addressingMode: 'lid',
		locked: false,
		announce: false,
		ephemeral: false,
		disappearingTimer: 0,
		inviteCode: code,
		requests: [],
		pictureId: '',
		left: true,
		foreign: true,
	};
}

function participantRows(group) {
	return group.participants.map((participant) => {
		const row = {
			jid: group.addressingMode === 'lid' ? participant.lid : participant.phone,
			phone_number: jidUser(participant.phone),
		};
		if (participant.lid) row.lid = participant.lid;
		if (participant.displayName) row.display_name = participant.displayName;
		row.is_admin = participant.isAdmin;
		row.is_super_admin = participant.isSuperAdmin;
		return row;
	});
}

function csvField(value) {
	const text = String(value ?? '');
	return /[",\r\n]/.test(text) || text.startsWith(' ') ? `"${text.replace(/"/g, '""')}"` : text;
}

function manageParticipants(action, message) {
	return (ctx) => {
		const { request, jid } = groupFlow(ctx);
		ctx.device.requireLogin();
		const jids = participantJids(ctx, request.participants);
		const group = requireGroup(ctx, jid);
		const results = jids.map((participantJid) => {
			const existing = group.participants.find((participant) => participant.phone === participantJid);
			if (action === 'add' && !existing) {
				group.participants.push({ phone: participantJid, lid: lidFor(participantJid), isAdmin: false, isSuperAdmin: false, displayName: '' });
			} else if (action === 'remove' && existing) {
				group.participants.splice(group.participants.indexOf(existing), 1);
			} else if ((action === 'promote' || action === 'demote') && existing) {
				existing.isAdmin = action === 'promote';
			}
			return { participant: participantJid, status: 'success', message: 'Action success' };
		});
		return ctx.ok(message, results.length ? results : null);
	};
}

function manageRequests(action, message) {
	return (ctx) => {
		const { request, jid } = groupFlow(ctx);
		const jids = participantJids(ctx, request.participants);
		const group = requireGroup(ctx, jid);
		const results = jids.map((participantJid) => {
			const pending = group.requests.find((item) => item.jid === participantJid);
			if (!pending) return { participant: participantJid, status: 'error', message: `Action ${action} failed (code 404)` };
			group.requests.splice(group.requests.indexOf(pending), 1);
			if (action === 'approve') group.participants.push({ phone: participantJid, lid: lidFor(participantJid), isAdmin: false, isSuperAdmin: false, displayName: pending.display_name || '' });
			return { participant: participantJid, status: 'success', message: `Action ${action} success` };
		});
		return ctx.ok(message, results.length ? results : null);
	};
}

module.exports = [
	{
		method: 'POST',
		path: '/group',
		operationId: 'createGroup',
		scoped: true,
		handler: (ctx) => {
			const request = ctx.check();
			ctx.device.requireLogin();
			const jids = participantJids(ctx, request.participants);
			const digits = String(Date.now()).slice(-7) + String(ctx.store.nextCounter()).padStart(5, '0');
			const jid = `120363${digits}@g.us`;
			const own = ctx.store.ownJid;
			ctx.store.groups.set(jid, {
				jid,
				name: request.title,
				topic: '',
				owner: own,
				created: Date.now(),
				participants: [
					{ phone: own, lid: lidFor(own), isAdmin: true, isSuperAdmin: true, displayName: '' },
					...jids.filter((participant) => participant !== own).map((participant) => ({ phone: participant, lid: lidFor(participant), isAdmin: false, isSuperAdmin: false, displayName: '' })),
				],
				addressingMode: 'lid',
				locked: false,
				announce: false,
				ephemeral: false,
				disappearingTimer: 0,
				inviteCode: inviteCode(jid),
				requests: [],
				pictureId: '',
				left: false,
			});
			return ctx.ok(`Success created group with id ${jid}`, { group_id: jid });
		},
	},
	{
		method: 'POST',
		path: '/group/join-with-link',
		operationId: 'joinGroupWithLink',
		scoped: true,
		handler: (ctx) => {
			const request = ctx.check();
			ctx.device.requireLogin();
			const code = codeFromLink(request.link);
			if (!code) throw errors.internalError('failed to join group: invalid invite link');
			const group = groupForCode(ctx, code);
			const own = ctx.store.ownJid;
			group.left = false;
			if (!group.participants.some((participant) => participant.phone === own)) {
				group.participants.push({ phone: own, lid: lidFor(own), isAdmin: false, isSuperAdmin: false, displayName: '' });
			}
			ctx.store.groups.set(group.jid, group);
			return ctx.ok('Success joined group', { group_id: group.jid });
		},
	},
	{
		method: 'GET',
		path: '/group/info-from-link',
		operationId: 'getGroupInfoFromLink',
		scoped: true,
		handler: (ctx) => {
			const request = ctx.check();
			ctx.device.requireLogin();
			const code = codeFromLink(request.link);
			if (!code) throw errors.internalError('invalid invite link');
			const group = groupForCode(ctx, code);
			return ctx.ok('Success get group info from link', {
				group_id: group.jid,
				name: group.name,
				topic: group.topic,
				created_at: goTimeJson(group.created),
				participant_count: group.participants.length,
				is_locked: group.locked,
				is_announce: group.announce,
				is_ephemeral: group.ephemeral,
				description: group.topic,
			});
		},
	},
	{
		method: 'GET',
		path: '/group/info',
		operationId: 'groupInfo',
		scoped: true,
		handler: (ctx) => {
			const { jid } = groupFlow(ctx);
			return ctx.ok('Success get group info', groupInfoStruct(requireGroup(ctx, jid)));
		},
	},
	{
		method: 'POST',
		path: '/group/leave',
		operationId: 'leaveGroup',
		scoped: true,
		handler: (ctx) => {
			const { jid } = groupFlow(ctx);
			const group = requireGroup(ctx, jid);
			group.left = true;
			group.participants = group.participants.filter((participant) => participant.phone !== ctx.store.ownJid);
			return ctx.ok('Success leave group');
		},
	},
	{
		method: 'GET',
		path: '/group/participants',
		operationId: 'getGroupParticipants',
		scoped: true,
		handler: (ctx) => {
			const { jid } = groupFlow(ctx);
			const group = requireGroup(ctx, jid);
			return ctx.ok('Success getting group participants', { group_id: jid, name: group.name, participants: participantRows(group) });
		},
	},
	{
		method: 'GET',
		path: '/group/participants/export',
		operationId: 'exportGroupParticipants',
		scoped: true,
		handler: (ctx) => {
			const { jid } = groupFlow(ctx);
			const group = requireGroup(ctx, jid);
			const lines = [['participant_jid', 'phone_number', 'lid', 'display_name', 'role']];
			for (const row of participantRows(group)) {
				lines.push([row.jid, row.phone_number, row.lid || '', row.display_name || '', row.is_super_admin ? 'super_admin' : row.is_admin ? 'admin' : 'member']);
			}
			const csv = lines.map((line) => line.map(csvField).join(',')).join('\n') + '\n';
			return {
				status: 200,
				text: csv,
				headers: {
					'Content-Type': 'text/csv; charset=utf-8',
					'Content-Disposition': `attachment; filename="group-${jid.replace(/@/g, '_')}-participants.csv"`,
				},
			};
		},
	},
	{ method: 'POST', path: '/group/participants', operationId: 'addParticipantToGroup', scoped: true, handler: manageParticipants('add', 'Success add participants') },
	{ method: 'POST', path: '/group/participants/remove', operationId: 'removeParticipantFromGroup', scoped: true, handler: manageParticipants('remove', 'Success delete participants') },
	{ method: 'POST', path: '/group/participants/promote', operationId: 'promoteParticipantToAdmin', scoped: true, handler: manageParticipants('promote', 'Success promote participants') },
	{ method: 'POST', path: '/group/participants/demote', operationId: 'demoteParticipantToMember', scoped: true, handler: manageParticipants('demote', 'Success demote participants') },
	{
		method: 'GET',
		path: '/group/participant-requests',
		operationId: 'getGroupParticipantRequests',
		scoped: true,
		handler: (ctx) => {
			const { jid } = groupFlow(ctx);
			const group = requireGroup(ctx, jid);
			const list = group.requests.map((item) => {
				const row = { jid: item.jid, phone_number: item.jid.endsWith('@lid') ? '' : jidUser(item.jid) };
				if (item.display_name) row.display_name = item.display_name;
				row.requested_at = goTimeJson(item.requested_at);
				return row;
			});
			return ctx.ok('Success getting list requested participants', list.length ? list : null);
		},
	},
	{ method: 'POST', path: '/group/participant-requests/approve', operationId: 'approveGroupParticipantRequest', scoped: true, handler: manageRequests('approve', 'Success approve requested participants') },
	{ method: 'POST', path: '/group/participant-requests/reject', operationId: 'rejectGroupParticipantRequest', scoped: true, handler: manageRequests('reject', 'Success reject requested participants') },
	{
		method: 'POST',
		path: '/group/photo',
		operationId: 'setGroupPhoto',
		scoped: true,
		handler: (ctx) => {
			// The handler checks the photo (INVALID_IMAGE_FORMAT) before the usecase validation.
			const photo = ctx.input.form && ctx.input.form.files ? ctx.input.form.files.photo : undefined;
			if (photo) {
				const type = photo.contentType;
				let problem;
				if (type !== '' && !['image/jpeg', 'image/jpg', 'image/png', 'image/webp'].includes(type)) problem = `unsupported image format: ${type} (supported: JPEG, PNG, WebP)`;
				else if (photo.size > 10 * 1024 * 1024) problem = `image file too large: ${photo.size} bytes (max 10MB for processing)`;
				else if (!sniffImage(photo.bytes)) problem = 'invalid image format: image: unknown format';
				if (problem) {
					const error = new errors.GowaError(400, 'INVALID_IMAGE_FORMAT', `Image validation failed: ${problem}`, { kind: 'validation' });
					ctx.sim.noteRuleError(ctx.rec, error);
					throw error;
				}
			}
			const { request, jid } = groupFlow(ctx);
			const group = requireGroup(ctx, jid);
			const message = request.photo ? 'Success update group photo' : 'Success remove group photo';
			group.pictureId = request.photo ? String(Math.floor(Date.now() / 1000)) : '';
			return ctx.ok(message, { picture_id: group.pictureId, message });
		},
	},
	{
		method: 'POST',
		path: '/group/name',
		operationId: 'setGroupName',
		scoped: true,
		handler: (ctx) => {
			const { request, jid } = groupFlow(ctx);
			requireGroup(ctx, jid).name = request.name;
			return ctx.ok(`Success update group name to '${request.name}'`);
		},
	},
	{
		method: 'POST',
		path: '/group/locked',
		operationId: 'setGroupLocked',
		scoped: true,
		handler: (ctx) => {
			const { request, jid } = groupFlow(ctx);
			requireGroup(ctx, jid).locked = request.locked;
			return ctx.ok(request.locked ? 'Success set group as locked' : 'Success set group as unlocked');
		},
	},
	{
		method: 'POST',
		path: '/group/announce',
		operationId: 'setGroupAnnounce',
		scoped: true,
		handler: (ctx) => {
			const { request, jid } = groupFlow(ctx);
			requireGroup(ctx, jid).announce = request.announce;
			return ctx.ok(request.announce ? 'Success enable announce mode' : 'Success disable announce mode');
		},
	},
	{
		method: 'POST',
		path: '/group/topic',
		operationId: 'setGroupTopic',
		scoped: true,
		handler: (ctx) => {
			const { request, jid } = groupFlow(ctx);
			requireGroup(ctx, jid).topic = request.topic;
			return ctx.ok(request.topic === '' ? 'Success remove group topic' : 'Success update group topic');
		},
	},
	{
		method: 'GET',
		path: '/group/invite-link',
		operationId: 'groupInviteLink',
		scoped: true,
		handler: (ctx) => {
			const { request, jid } = groupFlow(ctx);
			const group = requireGroup(ctx, jid);
			if (request.reset) group.inviteCode = inviteCode(`${group.jid}:${Date.now()}:${Math.random()}`);
			return ctx.ok('Success get group invite link', { invite_link: `https://chat.whatsapp.com/${group.inviteCode}`, group_id: request.group_id });
		},
	},
];
