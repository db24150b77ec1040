/**
 * One runnable case per Group operation (parameters + input items) — requests GOWA accepts. Operations on an
 * existing group take it from the simulator's seeded storage (`items` as a function of the coverage context).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { TestItem } from '../harness';
import { JPEG, withFile } from '../nodes/WhatsAppMultiDevice/actions/send/fixtures';

interface SeededGroup {
	jid: string;
	participants: Array<{ phone: string; isAdmin: boolean; isSuperAdmin: boolean }>;
	requests: Array<{ jid: string }>;
}

export interface CaseContext {
	store(deviceId?: string): { groups: Map<string, SeededGroup> };
}

export interface OperationCase {
	resource: string;
	operation: string;
	parameters: INodeParameters;
	items?: TestItem[] | ((context: CaseContext) => TestItem[]);
}

/** `{ groupId, member, admin, request }` of the first seeded group (it has a pending join request). */
function seeded(context: CaseContext): IDataObject {
	const group = [...context.store().groups.values()][0];
	if (!group) throw new Error('the simulator has no seeded group');
	const number = (jid: string) => `+${jid.split('@')[0]}`;
	const member = group.participants.find((participant) => !participant.isAdmin);
	const admin = group.participants.find((participant) => participant.isAdmin && !participant.isSuperAdmin);
	const request = group.requests.find((pending) => pending.jid.endsWith('@s.whatsapp.net'));
	return {
		groupId: group.jid,
		member: member ? number(member.phone) : '',
		admin: admin ? number(admin.phone) : '',
		request: request ? number(request.jid) : '',
	};
}

const inGroup = (operation: string, parameters: INodeParameters = {}, extra: (context: CaseContext) => TestItem[] = (context) => [{ json: seeded(context) }]): OperationCase => ({
	resource: 'group',
	operation,
	parameters: { resource: 'group', operation, groupId: '={{ $json.groupId }}', ...parameters },
	items: extra,
});

/** In run order: the group is left last, because GOWA answers 500 for a group this account has left. */
export const cases: OperationCase[] = [
	{ resource: 'group', operation: 'create', parameters: { resource: 'group', operation: 'create', title: 'Salon Ayu Staff', participants: '0811-1111-2222, +62 811 3333 4444' } },
	inGroup('get'),
	{ resource: 'group', operation: 'getInfoFromLink', parameters: { resource: 'group', operation: 'getInfoFromLink', link: 'https://chat.whatsapp.com/AbCdEfGhIjK1234567890' } },
	{ resource: 'group', operation: 'join', parameters: { resource: 'group', operation: 'join', link: 'https://chat.whatsapp.com/AbCdEfGhIjK1234567890' } },
	inGroup('getParticipants', { returnAll: true }),
	inGroup('exportParticipants', { binaryPropertyName: 'data' }),
	inGroup('addParticipants', { participants: '0811-5555-6666' }),
	inGroup('promoteParticipants', { participants: '={{ $json.member }}' }),
	inGroup('demoteParticipants', { participants: '={{ $json.admin }}' }),
	inGroup('removeParticipants', { participants: '0811-5555-6666' }),
	inGroup('getJoinRequests', { returnAll: true }),
	inGroup('approveJoinRequests', { participants: '={{ $json.request }}' }),
	inGroup('rejectJoinRequests', { participants: '0811-7777-8888' }),
	inGroup('setPhoto', { removePhoto: false, binaryPropertyName: 'data' }, (context) => [withFile(JPEG, 'image/jpeg', 'logo.jpg', seeded(context))]),
	inGroup('setName', { name: 'Salon Ayu Staff 2026' }),
	inGroup('setLocked', { locked: true }),
	inGroup('setAnnounce', { announce: true }),
	inGroup('setTopic', { topic: 'Shift schedule and announcements' }),
	inGroup('getInviteLink', { reset: false }),
	inGroup('leave'),
];
