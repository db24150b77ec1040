import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Recipient } from '../../shared/phone';
import { gowaRequest } from '../../shared/transport';
import { deviceOverride } from './device';
import { getRecipient } from './recipient';

/** A GET on a `/user/…` route for the item's device; returns GOWA's `results`. */
export async function userGet(this: IExecuteFunctions, itemIndex: number, path: string, qs?: IDataObject): Promise<IDataObject | IDataObject[]> {
	return await gowaRequest.call(this, {
		method: 'GET',
		path,
		qs,
		deviceScoped: true,
		deviceId: deviceOverride(this, itemIndex),
		itemIndex,
	});
}

/** Reads the Phone Number field of a User operation; only WhatsApp users (phone numbers, …@s.whatsapp.net, …@lid). */
export async function getUserRecipient(
	this: IExecuteFunctions,
	itemIndex: number,
	kinds: Array<Recipient['kind']> = ['user', 'lid'],
	parameterName = 'phone',
	displayName = 'Phone Number',
): Promise<Recipient> {
	const recipient = await getRecipient.call(this, itemIndex, parameterName, displayName);
	if (!kinds.includes(recipient.kind)) {
		throw new NodeOperationError(this.getNode(), `${displayName}: "${recipient.jid}" is not a WhatsApp user`, {
			itemIndex,
			description:
				kinds.includes('lid') ? 'Give a phone number or a user JID (…@s.whatsapp.net or …@lid), not a group or channel.' : 'Give a phone number (or its …@s.whatsapp.net JID).',
		});
	}
	return recipient;
}

function text(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}

/** A flat summary of a joined group (whatsmeow GroupInfo, PascalCase), keyed like GOWA's /group/info-from-link. */
export function simplifyGroup(group: IDataObject): IDataObject {
	const participants = Array.isArray(group.Participants) ? (group.Participants as IDataObject[]) : [];
	return {
		group_id: group.JID ?? null,
		name: group.Name ?? '',
		topic: group.Topic ?? '',
		created_at: group.GroupCreated ?? null,
		owner_jid: text(group.OwnerJID),
		participant_count: participants.length,
		admins: participants.filter((entry) => entry.IsAdmin === true || entry.IsSuperAdmin === true).map((entry) => entry.PhoneNumber || entry.JID),
		is_locked: group.IsLocked === true,
		is_announce: group.IsAnnounce === true,
		is_ephemeral: group.IsEphemeral === true,
		is_community: group.IsParent === true,
	};
}

/** A flat summary of a followed channel (whatsmeow NewsletterMetadata). */
export function simplifyNewsletter(newsletter: IDataObject): IDataObject {
	const thread = (newsletter.thread_metadata ?? {}) as IDataObject;
	const viewer = (newsletter.viewer_metadata ?? {}) as IDataObject;
	const state = (newsletter.state ?? {}) as IDataObject;
	const name = (thread.name ?? {}) as IDataObject;
	const description = (thread.description ?? {}) as IDataObject;
	return {
		newsletter_id: newsletter.id ?? null,
		name: name.text ?? '',
		description: description.text ?? '',
		invite: text(thread.invite),
		subscribers_count: Number(thread.subscribers_count ?? 0) || 0,
		verification: thread.verification ?? null,
		role: viewer.role ?? null,
		muted: viewer.mute === 'on',
		state: state.type ?? null,
	};
}
