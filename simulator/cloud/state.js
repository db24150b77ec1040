'use strict';
/** The Meta simulator's world: tokens, WABAs with phone numbers and templates, media, windows, blocks, profiles. */

const crypto = require('node:crypto');

const DEFAULTS = {
	token: 'EAAG-simulator-token-0001',
	businessAccountId: '102290129340398',
	phoneNumberId: '106540352242922',
	displayPhoneNumber: '+1 555-025-3483',
	verifiedName: 'Salon Ayu',
	appSecret: 'meta-simulator-app-secret',
	appId: '583720931047281',
	appName: 'Salon Booking Platform',
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Templates every WABA starts with (statuses as Meta reports them). */
function seedTemplates() {
	return [
		{ name: 'hello_world', language: 'en_US', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'HEADER', format: 'TEXT', text: 'Hello World' }, { type: 'BODY', text: 'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta.' }, { type: 'FOOTER', text: 'WhatsApp Business Platform sample message' }] },
		{
			name: 'booking_reminder',
			language: 'en_US',
			status: 'APPROVED',
			category: 'UTILITY',
			components: [
				{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1hZ2UvanBlZw==:ARb'] } },
				{ type: 'BODY', text: 'Hi {{1}}, your {{2}} appointment is on {{3}}. Deposit paid: {{4}}.', example: { body_text: [['Ayu', 'haircut', 'Monday 10:00', 'IDR 50,000']] } },
				{ type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Confirm' }, { type: 'QUICK_REPLY', text: 'Reschedule' }, { type: 'URL', text: 'Manage booking', url: 'https://booking.example.com/b/{{1}}', example: ['https://booking.example.com/b/abc'] }] },
			],
		},
		{ name: 'booking_reminder', language: 'id', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'BODY', text: 'Halo {{1}}, janji {{2}} Anda pada {{3}}.', example: { body_text: [['Ayu', 'potong rambut', 'Senin 10:00']] } }] },
		{ name: 'spring_promo', language: 'en_US', status: 'PENDING', category: 'MARKETING', components: [{ type: 'BODY', text: 'Spring offer: 20% off all treatments.' }] },
		{ name: 'old_offer', language: 'en_US', status: 'REJECTED', category: 'MARKETING', components: [{ type: 'BODY', text: 'Old offer' }] },
	];
}

class CloudState {
	constructor(options = {}) {
		this.idCounter = BigInt(options.idBase ?? '900000000000000');
		this.tokens = new Map();
		for (const token of options.tokens ?? [{ token: DEFAULTS.token, permissions: ['whatsapp_business_messaging', 'whatsapp_business_management'] }]) {
			this.tokens.set(token.token, { permissions: token.permissions ?? ['whatsapp_business_messaging', 'whatsapp_business_management'], appId: String(token.appId ?? DEFAULTS.appId) });
		}
		this.wabas = new Map();
		this.phoneNumbers = new Map();
		for (const waba of options.wabas ?? [{ id: DEFAULTS.businessAccountId, phoneNumbers: [{ id: DEFAULTS.phoneNumberId, display_phone_number: DEFAULTS.displayPhoneNumber, verified_name: DEFAULTS.verifiedName }] }]) {
			this.addWaba(waba);
		}
		this.media = new Map();
		/** `${phoneNumberId}:${waId}` → time of the user's last message (opens the 24-hour window). */
		this.lastInbound = new Map();
		this.windowMs = options.windowMs ?? DAY_MS;
		this.unregistered = new Set(options.unregisteredNumbers ?? []);
	}

	nextId() {
		this.idCounter += 1n;
		return this.idCounter.toString();
	}

	addWaba(waba) {
		// Apps subscribed to this WABA's webhooks: appId → { override_callback_uri? } (the default app is subscribed, no override).
		const subscriptions = new Map((waba.subscriptions ?? [{ appId: DEFAULTS.appId }]).map((entry) => [String(entry.appId), entry.override_callback_uri ? { override_callback_uri: entry.override_callback_uri } : {}]));
		const record = { id: String(waba.id), phoneNumbers: [], templates: [], subscriptions };
		for (const number of waba.phoneNumbers ?? []) {
			const phone = {
				id: String(number.id),
				display_phone_number: number.display_phone_number ?? '+1 555-000-0000',
				verified_name: number.verified_name ?? 'Business',
				quality_rating: number.quality_rating ?? 'GREEN',
				code_verification_status: 'VERIFIED',
				name_status: 'APPROVED',
				platform_type: 'CLOUD_API',
				throughput: { level: 'STANDARD' },
				registered: number.registered !== false,
				wabaId: record.id,
				blocked: new Set(),
				profile: { messaging_product: 'whatsapp', about: 'Hair and beauty in Jakarta', address: 'Jl. Sudirman 1, Jakarta', description: 'Salon', email: 'hello@salon.example', websites: ['https://salon.example'], vertical: 'BEAUTY', profile_picture_url: 'https://pps.whatsapp.net/v/profile.jpg' },
			};
			record.phoneNumbers.push(phone);
			this.phoneNumbers.set(phone.id, phone);
		}
		for (const template of waba.templates ?? seedTemplates()) record.templates.push({ id: this.nextId(), ...template });
		this.wabas.set(record.id, record);
		return record;
	}

	findTemplate(id) {
		for (const waba of this.wabas.values()) {
			const template = waba.templates.find((entry) => entry.id === id);
			if (template) return { waba, template };
		}
		return undefined;
	}

	/** A user message: opens (or refreshes) the customer-service window of that number and user. */
	recordInbound(phoneNumberId, waId, at = Date.now()) {
		this.lastInbound.set(`${phoneNumberId}:${waId}`, at);
	}

	windowOpen(phoneNumberId, waId, now = Date.now()) {
		const last = this.lastInbound.get(`${phoneNumberId}:${waId}`);
		return last !== undefined && now - last < this.windowMs;
	}

	storeMedia(phoneNumberId, file) {
		const id = this.nextId();
		const record = { id, phoneNumberId, bytes: file.bytes, mimeType: file.mimeType, fileName: file.fileName, sha256: crypto.createHash('sha256').update(file.bytes).digest('hex'), createdAt: Date.now() };
		this.media.set(id, record);
		return record;
	}
}

function wamid() {
	return `wamid.${Buffer.from(`HBgLMTY1MDM4Nzk0MzkVAgARGBI${crypto.randomBytes(9).toString('hex').toUpperCase()}`).toString('base64').replace(/=+$/, '')}`;
}

module.exports = { CloudState, DEFAULTS, DAY_MS, seedTemplates, wamid };
