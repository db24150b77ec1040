'use strict';
/**
 * Per-device state the API reads and writes: local chat storage (chats, messages, media), groups, contacts,
 * newsletters, privacy. Seeded deterministically (same seed → same ids, names, times).
 *
 * Seed options (startSimulator({ seed })): chats (230), messagesPerChat (60), groups (5), contacts (50),
 * newsletters (3), newsletterMessages (120), random (42), baseTime ('2026-08-20T10:00:00Z').
 */

const { MEDIA_SAMPLES } = require('./media');
const { jidUser, prng, rfc3339 } = require('./util');

const DEFAULT_SEED = {
	chats: 230,
	messagesPerChat: 60,
	groups: 5,
	contacts: 50,
	newsletters: 3,
	newsletterMessages: 120,
	random: 42,
	baseTime: '2026-08-20T10:00:00Z',
};

const FIRST_NAMES = ['Ayu', 'Budi', 'Citra', 'Dewi', 'Eka', 'Fajar', 'Gita', 'Hadi', 'Indah', 'Joko', 'Kartika', 'Lina', 'Made', 'Nadia', 'Oka', 'Putri', 'Rina', 'Sari', 'Tono', 'Wulan', 'Yusuf', 'Zahra', 'Maria', 'John', 'Aisha', 'Chen', 'Lucas', 'Sofia'];
const LAST_NAMES = ['Lestari', 'Santoso', 'Wijaya', 'Pratama', 'Saputra', 'Hidayat', 'Kusuma', 'Nugroho', 'Putra', 'Rahayu', 'Setiawan', 'Silva', 'Smith', 'Tan', 'Garcia'];
const TEXTS = [
	'Hi, can I book a haircut for Saturday morning?',
	'Sure! We have 10:00 or 11:30 available.',
	'10:00 works, thank you 🙏',
	'Reminder: your appointment is tomorrow at 10:00.',
	'Can I reschedule to next week?',
	'Of course, which day suits you?',
	'Is the massage package still on promo?',
	'Yes, 20% off until the end of the month.',
	'See you soon!',
	'Thanks for visiting Salon Ayu ✨',
	'Please confirm your booking by replying YES',
	'YES',
	'How much is a manicure + pedicure?',
	'Running 5 minutes late, sorry!',
];
const GROUP_NAMES = ['Salon Ayu Staff', 'Weekend Shift', 'Promo Broadcast', 'Suppliers', 'Spa Team', 'Front Desk', 'Managers', 'Training'];
const NEWSLETTER_NAMES = ['Salon Ayu News', 'Beauty Tips Daily', 'Spa Deals'];

/** Fast deterministic 40-hex-digit id from the parts (FNV-1a variants; not cryptographic, seeding only). */
function hexId(...parts) {
	const text = parts.join('|');
	let out = '';
	for (let round = 0; round < 5; round++) {
		let hash = (0x811c9dc5 ^ (round * 0x9e3779b1)) >>> 0;
		for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
		out += hash.toString(16).padStart(8, '0');
	}
	return out.toUpperCase();
}

/**
 * Seeded message ids look like WhatsApp's (`3EB0` + 18 upper-case hex digits) and encode where they live:
 * device index (2), chat index (4), message index (4), then 8 digits of hash. findMessage() decodes them, so looking up
 * one message never has to generate every chat.
 */
function messageIdFor(deviceIndex, chatIndex, k, jid) {
	const hex = (value, width) => (value % 16 ** width).toString(16).toUpperCase().padStart(width, '0');
	return `3EB0${hex(deviceIndex, 2)}${hex(chatIndex, 4)}${hex(k, 4)}${hexId(jid, k).slice(0, 8)}`;
}

function decodeSeededId(id) {
	const match = /^3EB0([0-9A-F]{2})([0-9A-F]{4})([0-9A-F]{4})[0-9A-F]{8}$/.exec(String(id));
	if (!match) return undefined;
	return { deviceIndex: parseInt(match[1], 16), chatIndex: parseInt(match[2], 16), k: parseInt(match[3], 16) };
}

function digits(random, count) {
	let text = '';
	for (let i = 0; i < count; i++) text += Math.floor(random() * 10);
	return text;
}

class DeviceStore {
	/**
	 * @param {import('./devices').Device} device
	 * @param {object} seedOptions
	 * @param {number} index device index (varies the seed)
	 */
	constructor(device, seedOptions = {}, index = 0) {
		this.device = device;
		this.seed = { ...DEFAULT_SEED, ...seedOptions };
		this.random = prng((Number(this.seed.random) || 0) + index * 7919);
		this.base = new Date(this.seed.baseTime).getTime();
		this.chats = new Map(); // jid → chat
		this.messages = new Map(); // chat jid → message[] (newest first)
		this.pending = new Map(); // chat jid → generator of its seeded messages
		this.chatOrder = []; // seeded chat index → jid
		this.deviceIndex = index;
		this.messageById = new Map();
		this.media = new Map(); // message id → { bytes, mimeType, extension, fileName }
		this.groups = new Map();
		this.contacts = [];
		this.newsletters = new Map();
		this.unregistered = new Set();
		this.pushName = device.displayName || '';
		this.privacy = { group_add: 'all', last_seen: '', status: 'contacts', profile: 'all', read_receipts: 'all' };
		this.counter = 0;
		this.seedAll(index);
	}

	get ownJid() {
		return this.device.jid || `${this.device.phoneNumber || '6280000000000'}@s.whatsapp.net`;
	}

	personName() {
		return `${FIRST_NAMES[Math.floor(this.random() * FIRST_NAMES.length)]} ${LAST_NAMES[Math.floor(this.random() * LAST_NAMES.length)]}`;
	}

	phoneJid() {
		return `628${digits(this.random, 10)}@s.whatsapp.net`;
	}

	seedAll(index) {
		const seed = this.seed;
		for (let i = 0; i < seed.contacts; i++) this.contacts.push({ jid: this.phoneJid(), name: this.personName() });
		for (let i = 0; i < seed.groups; i++) this.seedGroup(i);
		for (let i = 0; i < seed.newsletters; i++) this.seedNewsletter(i);
		const groupJids = [...this.groups.keys()];
		for (let i = 0; i < seed.chats; i++) {
			const isGroupSlot = i % 10 === 3 && groupJids.length > 0;
			const jid = isGroupSlot ? groupJids.shift() : this.contacts[i]?.jid || this.phoneJid();
			const name = isGroupSlot ? this.groups.get(jid).name : this.contacts[i]?.name || this.personName();
			const lastMessage = this.base - i * 37 * 60_000;
			const chat = {
				jid,
				name,
				last_message_time: lastMessage,
				ephemeral_expiration: i % 17 === 0 ? 86400 : 0,
				created_at: this.base - 90 * 86_400_000 + i * 3_600_000,
				updated_at: lastMessage,
				archived: i % 9 === 8,
				pinned: false,
			};
			const withMedia = i % 4 === 0;
			chat.hasMedia = withMedia && seed.messagesPerChat > 5;
			this.chats.set(jid, chat);
			this.chatOrder.push(jid);
			// Messages are generated on first access (seeding every chat up front costs ~0.1 s per device).
			this.pending.set(jid, () => {
				const list = [];
				this.messages.set(jid, list);
				for (let k = 0; k < seed.messagesPerChat; k++) this.seedMessage(chat, i, k, withMedia, index);
			});
		}
	}

	/** Messages of a chat, newest first (generated on first access). */
	messagesOf(jid) {
		const generate = this.pending.get(jid);
		if (generate) {
			this.pending.delete(jid);
			generate();
		}
		return this.messages.get(jid) || [];
	}

	/** A stored message by id (generates only the seeded chat the id belongs to). */
	findMessage(id) {
		if (!this.messageById.has(id)) {
			const seeded = decodeSeededId(id);
			const jid = seeded && seeded.deviceIndex === this.deviceIndex ? this.chatOrder[seeded.chatIndex] : undefined;
			if (jid) this.messagesOf(jid);
		}
		return this.messageById.get(id);
	}

	/** Every stored message (forces generation). */
	allMessages() {
		for (const jid of [...this.pending.keys()]) this.messagesOf(jid);
		return [...this.messageById.values()];
	}

	seedGroup(i) {
		const jid = `120363${digits(this.random, 12)}@g.us`;
		const lidMode = i === 0;
		const participants = [
			{ phone: this.ownJid, lid: `${digits(this.random, 15)}@lid`, isAdmin: true, isSuperAdmin: true, displayName: '' },
		];
		const count = 3 + (i % 5) * 2;
		for (let p = 0; p < count; p++) {
			participants.push({ phone: this.phoneJid(), lid: `${digits(this.random, 15)}@lid`, isAdmin: p === 0, isSuperAdmin: false, displayName: '' });
		}
		const requests =
			i === 0
				? [
						{ jid: this.phoneJid(), display_name: this.personName(), requested_at: this.base - 3_600_000 },
						{ jid: `${digits(this.random, 15)}@lid`, display_name: '', requested_at: this.base - 7_200_000 },
					]
				: [];
		this.groups.set(jid, {
			jid,
			name: GROUP_NAMES[i % GROUP_NAMES.length],
			topic: i % 2 === 0 ? 'Shift schedule and announcements' : '',
			owner: this.ownJid,
			created: this.base - (200 - i) * 86_400_000,
			participants,
			addressingMode: lidMode ? 'lid' : 'pn',
			locked: false,
			announce: i === 2,
			ephemeral: false,
			disappearingTimer: 0,
			inviteCode: hexId('invite', jid).slice(0, 22),
			requests,
			pictureId: '',
			left: false,
		});
	}

	seedNewsletter(i) {
		const id = `120363${digits(this.random, 12)}@newsletter`;
		const created = Math.floor((this.base - (300 - i) * 86_400_000) / 1000);
		const messages = [];
		for (let m = 0; m < this.seed.newsletterMessages; m++) {
			const serverId = 100 + m;
			const message = {
				server_id: serverId,
				message_id: `${hexId('nl', id, m).slice(0, 20)}`,
				type: m % 6 === 5 ? 'image' : 'text',
				timestamp: rfc3339(this.base - (this.seed.newsletterMessages - m) * 3_600_000),
				views_count: 50 + ((m * 37) % 900),
			};
			if (m % 4 === 0) message.reaction_counts = { '👍': 3 + (m % 7), '❤️': 1 + (m % 3) };
			const text = TEXTS[m % TEXTS.length];
			if (message.type === 'text') message.text = text;
			messages.push(message);
		}
		this.newsletters.set(id, {
			metadata: {
				id,
				state: { type: 'active' },
				thread_metadata: {
					creation_time: String(created),
					invite: hexId('nl-invite', id).slice(0, 24),
					name: { text: NEWSLETTER_NAMES[i % NEWSLETTER_NAMES.length], id: String(created * 1000), update_time: String(created * 1000) },
					description: { text: 'Promos, tips and opening hours.', id: String(created * 1000 + 1), update_time: String(created * 1000 + 1) },
					subscribers_count: String(120 + i * 45),
					verification: i === 0 ? 'verified' : 'unverified',
					picture: i === 0 ? { url: '', id: String(created + 1), type: 'IMAGE', direct_path: `/v/t61.24694-24/${created}_1_n.jpg` } : null,
					preview: { url: '', id: String(created), type: 'PREVIEW', direct_path: `/v/t61.24694-24/${created}_n.jpg` },
					settings: { reaction_codes: { value: 'ALL' } },
				},
				viewer_metadata: { mute: 'off', role: i === 0 ? 'owner' : 'subscriber' },
			},
			messages, // oldest first (server_id ascending)
		});
	}

	seedMessage(chat, chatIndex, k, withMedia, deviceIndex) {
		const isGroup = chat.jid.endsWith('@g.us');
		const fromMe = k % 3 === 1;
		let sender = chat.jid;
		let senderName = chat.name;
		if (fromMe) {
			sender = this.ownJid;
			senderName = this.device.displayName || jidUser(this.ownJid);
		} else if (isGroup) {
			const group = this.groups.get(chat.jid);
			const member = group.participants[1 + (k % (group.participants.length - 1))];
			sender = member.phone;
			senderName = jidUser(member.phone);
		}
		const timestamp = chat.last_message_time - k * 13 * 60_000;
		let mediaType = '';
		if (withMedia) {
			if (k % 7 === 5) mediaType = 'image';
			else if (k % 11 === 9) mediaType = 'document';
			else if (k % 13 === 12) mediaType = 'audio';
			else if (k % 17 === 16) mediaType = 'video';
		}
		const id = messageIdFor(deviceIndex, chatIndex, k, chat.jid);
		const message = {
			id,
			chat_jid: chat.jid,
			sender_jid: sender,
			sender_display_name: senderName,
			content: mediaType && mediaType !== 'document' ? (k % 2 ? 'Look at this' : '') : TEXTS[(chatIndex + k) % TEXTS.length],
			timestamp,
			is_from_me: fromMe,
			media_type: mediaType,
			filename: mediaType === 'document' ? `invoice-${chatIndex}-${k}.pdf` : '',
			url: mediaType ? `https://mmg.whatsapp.net/v/t62.7118-24/${id.slice(4).toLowerCase()}.enc` : '',
			file_length: mediaType ? MEDIA_SAMPLES[mediaType].bytes.length : 0,
			created_at: timestamp,
			updated_at: timestamp,
		};
		if (k % 5 === 0 && !fromMe) {
			message.reactions = [{ emoji: '👍', sender_jid: this.ownJid, sender_display_name: this.device.displayName || jidUser(this.ownJid), is_from_me: true, timestamp: timestamp + 60_000 }];
		}
		if (mediaType) this.media.set(id, { ...MEDIA_SAMPLES[mediaType], fileName: message.filename });
		this.messages.get(chat.jid).push(message);
		this.messageById.set(id, message);
	}

	// --- chat storage --------------------------------------------------------------------------------------------

	/** Stores a message sent through the API (StoreSentMessage), creating the chat if needed. */
	storeSent({ id, chatJid, content, mediaType = '', fileName = '', bytes, mimeType, extension, timestamp = Date.now() }) {
		let chat = this.chats.get(chatJid);
		if (!chat) {
			chat = { jid: chatJid, name: '', last_message_time: timestamp, ephemeral_expiration: 0, created_at: timestamp, updated_at: timestamp, archived: false, pinned: false, hasMedia: false };
			this.chats.set(chatJid, chat);
			this.messages.set(chatJid, []);
		}
		this.messagesOf(chatJid);
		if (mediaType) chat.hasMedia = true;
		chat.last_message_time = timestamp;
		chat.updated_at = timestamp;
		const message = {
			id,
			chat_jid: chatJid,
			sender_jid: this.ownJid,
			sender_display_name: this.device.displayName || jidUser(this.ownJid),
			content,
			timestamp,
			is_from_me: true,
			media_type: mediaType,
			filename: fileName,
			url: mediaType ? `https://mmg.whatsapp.net/v/t62.7118-24/${id.toLowerCase()}.enc` : '',
			file_length: bytes ? bytes.length : 0,
			created_at: timestamp,
			updated_at: timestamp,
		};
		this.messages.get(chatJid).unshift(message);
		this.messageById.set(id, message);
		if (mediaType && bytes) this.media.set(id, { bytes, mimeType, extension, fileName });
		return message;
	}

	/** Adds an incoming (or any) message to local storage; returns it. Used by tests and sim.addMessage(). */
	addMessage({ chatJid, id, content = '', fromMe = false, sender, senderName, mediaType = '', bytes, mimeType, extension, fileName = '', timestamp = Date.now() }) {
		const message = this.storeSent({ id, chatJid, content, mediaType, fileName, bytes, mimeType, extension, timestamp });
		message.is_from_me = fromMe;
		if (!fromMe) {
			message.sender_jid = sender || chatJid;
			message.sender_display_name = senderName || jidUser(message.sender_jid);
		}
		if (mediaType && !bytes) this.media.set(id, { ...MEDIA_SAMPLES[mediaType], fileName });
		message.file_length = this.media.get(id) ? this.media.get(id).bytes.length : 0;
		return message;
	}

	removeMessage(id) {
		const message = this.findMessage(id);
		if (!message) return false;
		this.messageById.delete(id);
		const list = this.messages.get(message.chat_jid);
		if (list) list.splice(list.indexOf(message), 1);
		return true;
	}

	isRegistered(phoneJid) {
		return !this.unregistered.has(jidUser(phoneJid));
	}

	nextCounter() {
		this.counter += 1;
		return this.counter;
	}
}

module.exports = { DEFAULT_SEED, DeviceStore, decodeSeededId, messageIdFor };
