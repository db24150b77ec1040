import type { ConversationKit, StoredGroup } from '../chat/conversationKit';

/** The n-th seeded group of the device (group 0 has two pending join requests, one of them LID-only). */
export function seededGroup(kit: ConversationKit, index = 1): StoredGroup {
	const group = [...kit.store().groups.values()][index];
	if (!group) throw new Error(`no seeded group ${index}`);
	return group;
}

/** Bare number of a participant JID. */
export function digitsOf(jid: string): string {
	return jid.split('@')[0];
}
