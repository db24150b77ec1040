'use strict';
/**
 * Names and secrets the e2e workflows refer to: the simulated GOWA server's login and device,
 * and the n8n credentials (fixed ids, so workflow JSON files can point at them).
 */

const GOWA = {
	username: 'gowa-e2e',
	password: 'e2e-Basic-Auth-Pass',
	deviceId: 'salon-main',
	deviceJid: '6281100000001@s.whatsapp.net',
	webhookSecret: 'e2e-webhook-secret-0123456789',
	defaultCountryCode: '62',
	basePath: '/gowa',
};

const CREDENTIALS = {
	/** The normal tenant credential: right password, default device, country code 62. */
	gowa: { id: 'e2eGowaCred00001', name: 'GOWA simulator' },
	/** Same server, wrong password (GOWA answers a plain-text 401). */
	wrongPassword: { id: 'e2eGowaBadPass01', name: 'GOWA simulator (wrong password)' },
};

/** Credentials for `n8n import:credentials` (plain data; n8n encrypts it with N8N_ENCRYPTION_KEY). */
function credentialsFor(baseUrl) {
	const data = {
		baseUrl,
		username: GOWA.username,
		password: GOWA.password,
		deviceId: GOWA.deviceId,
		webhookSecret: GOWA.webhookSecret,
		defaultCountryCode: GOWA.defaultCountryCode,
	};
	return [
		{ ...CREDENTIALS.gowa, type: 'whatsAppMultiDeviceApi', data },
		{ ...CREDENTIALS.wrongPassword, type: 'whatsAppMultiDeviceApi', data: { ...data, password: 'not-the-password' } },
	];
}

/** Options for startSimulator() matching the credentials above. */
function simulatorOptions(extra = {}) {
	return {
		port: 0,
		basePath: GOWA.basePath,
		auth: { username: GOWA.username, password: GOWA.password },
		devices: [{ id: GOWA.deviceId, jid: GOWA.deviceJid }],
		...extra,
	};
}

module.exports = { GOWA, CREDENTIALS, credentialsFor, simulatorOptions };
