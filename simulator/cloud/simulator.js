'use strict';
/**
 * Meta WhatsApp Business Cloud API (Graph v23.0) simulator, dev/test only. See README.md in this folder.
 *
 *   const { startCloudSimulator } = require('./simulator/cloud');
 *   const sim = await startCloudSimulator();   // sim.url = Graph Base URL, sim.token, sim.phoneNumberId, sim.businessAccountId
 */

const crypto = require('node:crypto');
const http = require('node:http');

const { parseContentType, parseMultipart } = require('../body');
const admin = require('./admin');
const { checkSend } = require('./rules');
const { ROUTES, operationIdOf } = require('./routes');
const { specValidator } = require('./spec');
const { CloudState, DEFAULTS } = require('./state');
const { inboundMessagePayload, postOnce, signMetaBody, statusPayload } = require('./webhooks');

const MEDIA_PATH = '/whatsapp_business/attachments/';

function fbtraceId() {
	return crypto.randomBytes(9).toString('base64').replace(/[+/=]/g, 'A');
}

/** Graph's error envelope (NOTES §5.1). */
function envelope({ code, message, details, subcode, isTransient, type = 'OAuthException' }) {
	const error = { message: message ?? `(#${code}) Error`, type, code };
	if (details !== undefined) error.error_data = { messaging_product: 'whatsapp', details };
	if (subcode !== undefined) error.error_subcode = subcode;
	if (isTransient !== undefined) error.is_transient = isTransient;
	error.fbtrace_id = fbtraceId();
	return { error };
}

class CloudSimulator {
	constructor(options = {}) {
		this.options = options;
		this.state = new CloudState(options);
		this.validate = options.validate !== false;
		this.latencyMs = options.latencyMs ?? 0;
		this.throughputPerSecond = options.throughputPerSecond ?? 80;
		this.pairRateLimitMs = options.pairRateLimitMs ?? 0;
		this.appSecret = options.appSecret ?? DEFAULTS.appSecret;
		this.webhookUrl = options.webhookUrl;
		/** Where media URLs point (default: this server); another origin tests that the token stays home. */
		this.mediaBaseUrl = options.mediaBaseUrl;
		this.requests = [];
		this.sent = [];
		this.webhooks = [];
		/** Callback verifications (GET handshakes) made for subscribed_apps overrides. */
		this.verifications = [];
		/** `(url, verifyToken) → { verified, status, body }`; default: a real GET handshake (webhooks.js verifyCallback). */
		this.verifyCallback = options.verifyCallback;
		this.failures = [];
		this.seq = 0;
		this.recentSends = new Map();
		this.lastPairSend = new Map();
		this.sockets = new Set();
		try {
			this.spec = specValidator({ specPath: options.specPath });
			this.specSkipped = undefined;
		} catch (error) {
			this.spec = undefined;
			this.specSkipped = error.message;
		}
	}

	get token() {
		return [...this.state.tokens.keys()][0];
	}

	get phoneNumberId() {
		return [...this.state.phoneNumbers.keys()][0];
	}

	get businessAccountId() {
		return [...this.state.wabas.keys()][0];
	}

	/** Credential data of the n8n WhatsApp Cloud API credential pointing here. */
	credentials(overrides = {}) {
		return { accessToken: this.token, businessAccountId: this.businessAccountId, phoneNumberId: this.phoneNumberId, graphApiVersion: 'v23.0', graphBaseUrl: this.url, appSecret: this.appSecret, verifyToken: 'simulator-verify-token', defaultCountryCode: '', ...overrides };
	}

	mediaUrl(media) {
		return `${this.mediaBaseUrl ?? this.url}${MEDIA_PATH}?mid=${media.id}&ext=${Math.floor(Date.now() / 1000)}&hash=${media.sha256.slice(0, 16)}`;
	}

	clearRequests() {
		this.requests.length = 0;
	}

	/** Queue a failure: `{ code, status, message, details, isTransient, subcode, count, path, method, retryAfter, plain, reset }`. */
	failNext(rule = {}) {
		const entry = { count: 1, status: 400, ...rule };
		entry.remaining = entry.count === 0 ? Infinity : entry.count;
		this.failures.push(entry);
		return entry;
	}

	clearFailures() {
		this.failures.length = 0;
	}

	/** The user `from` writes to the business number: opens the 24-hour window; delivered as a signed webhook when a URL is set. */
	async receiveMessage({ from, text = 'Hi', phoneNumberId = this.phoneNumberId, name, message, url, at } = {}) {
		const waId = String(from).replace(/\D/g, '');
		this.state.recordInbound(phoneNumberId, waId, at ?? Date.now());
		const phone = this.state.phoneNumbers.get(phoneNumberId);
		const payload = inboundMessagePayload({ wabaId: phone.wabaId, phone, from: waId, name, message: message ?? { type: 'text', text: { body: text } } });
		return (url ?? this.callbackUrl(phone.wabaId)) ? await this.sendWebhook({ payload, url }) : { payload };
	}

	/** Delivers `payload` (or a status of a sent message) signed with the app secret; resolves { status, body, signature }. */
	/** Where Meta would post a delivery for this WABA: the override of the (default) app, else the app's callback. */
	callbackUrl(wabaId) {
		const waba = this.state.wabas.get(String(wabaId));
		return waba?.subscriptions.get(DEFAULTS.appId)?.override_callback_uri ?? this.webhookUrl;
	}

	async sendWebhook({ payload, url, appSecret = this.appSecret, status, messageId, errors } = {}) {
		let body = payload;
		if (!body && status) {
			const sent = this.sent.find((entry) => entry.id === messageId) ?? this.sent[this.sent.length - 1];
			const phone = this.state.phoneNumbers.get(sent.phoneNumberId);
			body = statusPayload({ wabaId: phone.wabaId, phone, messageId: sent.id, recipient: sent.to, status, errors });
		}
		url = url ?? this.callbackUrl(body?.entry?.[0]?.id);
		const raw = Buffer.from(JSON.stringify(body));
		const signature = signMetaBody(raw, appSecret);
		const result = url ? await postOnce(url, raw, { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signature, 'User-Agent': 'facebookexternalua' }) : { status: null, error: 'no webhook URL' };
		const delivery = { url, status: result.status, error: result.error, signature, body: raw, payload: body, at: new Date().toISOString() };
		this.webhooks.push(delivery);
		return delivery;
	}

	/** Meta's checks for a send, plus pair rate (131056) and throughput (130429). */
	checkSend(phone, body) {
		const problem = checkSend(this.state, phone, body);
		if (problem || body.status === 'read') return problem;
		const now = Date.now();
		const window = (this.recentSends.get(phone.id) ?? []).filter((at) => now - at < 1000);
		if (window.length >= this.throughputPerSecond) {
			return { status: 400, code: 130429, message: '(#130429) Rate limit hit', details: 'Cloud API message throughput has been reached.', subcode: 2494055 };
		}
		const pairKey = `${phone.id}:${body.to}`;
		if (this.pairRateLimitMs > 0 && now - (this.lastPairSend.get(pairKey) ?? -Infinity) < this.pairRateLimitMs) {
			return { status: 400, code: 131056, message: '(#131056) (Business Account, Consumer Account) pair rate limit hit', details: 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.' };
		}
		window.push(now);
		this.recentSends.set(phone.id, window);
		this.lastPairSend.set(pairKey, now);
		return undefined;
	}

	takeFailure(rec) {
		const index = this.failures.findIndex((rule) => (!rule.method || rule.method === rec.method) && (!rule.path || (rule.path instanceof RegExp ? rule.path.test(rec.path) : rule.path.endsWith('*') ? rec.path.startsWith(rule.path.slice(0, -1)) : rule.path === rec.path)));
		if (index < 0) return undefined;
		const rule = this.failures[index];
		rule.remaining -= 1;
		if (rule.remaining <= 0) this.failures.splice(index, 1);
		return rule;
	}

	reply(res, rec, status, body, headers = {}) {
		const isBuffer = Buffer.isBuffer(body);
		const payload = isBuffer ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
		rec.response = { status, body: isBuffer ? body : typeof body === 'string' ? body : body, headers };
		res.writeHead(status, { 'Content-Type': isBuffer || typeof body === 'string' ? 'text/plain' : 'application/json; charset=UTF-8', 'Content-Length': payload.length, 'facebook-api-version': 'v23.0', ...headers });
		res.end(payload);
	}

	graphError(res, rec, problem) {
		const headers = problem.retryAfter !== undefined ? { 'Retry-After': String(problem.retryAfter) } : {};
		this.reply(res, rec, problem.status ?? 400, envelope(problem), headers);
	}

	async handle(req, res) {
		const url = new URL(req.url, 'http://simulator.local');
		if (url.pathname.startsWith('/__sim/')) return admin.handle(this, req, res, url);
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const rawBody = Buffer.concat(chunks);
		const contentType = parseContentType(req.headers['content-type']);
		const rec = { seq: ++this.seq, time: new Date().toISOString(), method: req.method, path: url.pathname, rawPath: req.url, query: Object.fromEntries(url.searchParams), headers: req.headers, contentType: contentType.type, rawBody, json: undefined, form: undefined, operationId: null, validation: { valid: true, errors: [] }, response: null };
		this.requests.push(rec);
		if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
		try {
			if (contentType.type === 'application/json' && rawBody.length > 0) rec.json = JSON.parse(rawBody.toString('utf8'));
			if (contentType.type === 'multipart/form-data') rec.form = parseMultipart(rawBody, contentType.params.boundary);
		} catch (error) {
			return this.graphError(res, rec, { status: 400, code: 100, message: '(#100) Invalid parameter', details: `The body could not be parsed: ${error.message}` });
		}
		const token = /^Bearer\s+(\S+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
		if (url.pathname.startsWith(MEDIA_PATH)) return this.download(res, rec, url, token);
		const match = /^\/(v\d+\.\d+)(\/.*)$/.exec(url.pathname);
		if (!match) return this.graphError(res, rec, { status: 400, code: 2500, message: 'Unknown path components: ' + url.pathname });
		const [, version, path] = match;
		rec.version = version;
		rec.graphPath = path;
		if (token === undefined) return this.graphError(res, rec, { status: 401, code: 104, message: 'An access token is required to request this resource.' });
		const grant = this.state.tokens.get(token);
		if (!grant) return this.graphError(res, rec, { status: 401, code: 190, message: 'Invalid OAuth access token - Cannot parse access token', subcode: 463 });
		const failure = this.takeFailure({ method: req.method, path });
		if (failure) return this.fail(res, rec, failure);
		for (const route of ROUTES) {
			const params = route.method === req.method ? route.pattern.exec(path) : null;
			if (!params) continue;
			rec.operationId = operationIdOf(this, route, params[1]);
			if (!grant.permissions.includes(route.permission)) return this.graphError(res, rec, { status: 403, code: 200, message: `(#200) Requires ${route.permission} permission to manage the object` });
			if (rec.json !== undefined || rec.form !== undefined) {
				const verdict = this.spec ? this.spec.validate(rec.operationId, rec.json ?? {}, rec.form ? 'multipart/form-data' : 'application/json') : { valid: true, errors: [], skipped: this.specSkipped };
				if (rec.form) verdict.skipped = verdict.skipped ?? 'multipart bodies are checked by the route (the spec requires no fields)';
				rec.validation = verdict;
				if (!verdict.valid && this.validate) return this.graphError(res, rec, { status: 400, code: 100, message: '(#100) Invalid parameter', details: verdict.errors.join('; ') });
			}
			const answer = await route.handle(this, { json: rec.json ?? {}, form: rec.form, query: rec.query, version }, params.slice(1), grant);
			if (answer.code !== undefined) return this.graphError(res, rec, answer);
			return this.reply(res, rec, answer.status, answer.body);
		}
		return this.graphError(res, rec, { status: 400, code: 100, message: `Unsupported ${req.method.toLowerCase()} request. Unknown path ${path}` });
	}

	fail(res, rec, rule) {
		rec.injected = { status: rule.status, code: rule.code };
		if (rule.reset) return res.socket.destroy();
		if (rule.plain) return this.reply(res, rec, rule.status ?? 502, rule.message ?? 'Bad Gateway');
		if (rule.redirect) return this.reply(res, rec, rule.status ?? 302, '', { Location: rule.redirect });
		return this.graphError(res, rec, { status: rule.status, code: rule.code ?? 1, message: rule.message ?? `(#${rule.code ?? 1}) Injected failure`, details: rule.details, subcode: rule.subcode, isTransient: rule.isTransient, retryAfter: rule.retryAfter });
	}

	download(res, rec, url, token) {
		rec.operationId = 'downloadMedia';
		if (!token || !this.state.tokens.has(token)) return this.graphError(res, rec, { status: 401, code: 190, message: 'Invalid OAuth access token' });
		const media = this.state.media.get(url.searchParams.get('mid') ?? '');
		if (!media) return this.reply(res, rec, 404, 'Not Found');
		return this.reply(res, rec, 200, media.bytes, { 'Content-Type': media.mimeType });
	}

	listen(port = 0, host = '127.0.0.1') {
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((error) => {
				if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
				res.end(`simulator error: ${error.message}`);
			});
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, host, () => {
				const address = this.server.address();
				this.port = address.port;
				this.url = `http://${host}:${address.port}`;
				resolve(this);
			});
		});
	}

	async close() {
		for (const socket of this.sockets) socket.destroy();
		await new Promise((resolve) => this.server.close(() => resolve()));
	}
}

async function startCloudSimulator(options = {}) {
	const sim = new CloudSimulator(options);
	return await sim.listen(options.port ?? 0, options.host ?? '127.0.0.1');
}

module.exports = { CloudSimulator, MEDIA_PATH, envelope, startCloudSimulator };
