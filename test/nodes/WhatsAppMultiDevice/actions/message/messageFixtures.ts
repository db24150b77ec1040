import type { ConversationKit, StoredMessage } from '../chat/conversationKit';

/** A seeded message of a 1:1 chat of the device (media of the given type, or plain text with ''). */
export function seededMessage(kit: ConversationKit, mediaType = ''): StoredMessage {
	const store = kit.store();
	for (const chat of store.chats.values()) {
		if (!chat.jid.endsWith('@s.whatsapp.net') || (mediaType !== '' && !chat.hasMedia)) continue;
		const message = store.messagesOf(chat.jid).find((candidate) => candidate.media_type === mediaType && !candidate.is_from_me);
		if (message) return message;
	}
	throw new Error(`no seeded ${mediaType || 'text'} message`);
}

/** The chat of a stored message written the way a CRM would (+ and the digits). */
export function phoneOf(message: StoredMessage): string {
	return `+${message.chat_jid.split('@')[0]}`;
}
