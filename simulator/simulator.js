'use strict';
/**
 * The GOWA simulator: an HTTP server answering like the real REST API of v9.5 (or v9.2 with `version: '9.2'`; see README.md).
 * Request pipeline, mirroring the Fiber app in src/cmd/rest.go:
 *   admin (/__sim/*) → body limit → CORS → GET /health (root) → {base}/statics (no auth) → basic auth → base path
 *   → latency → failure switches → route → device middleware (scoped routes, unknown routes) → handler.
 */

const http = require('node:http');
const { parseContentType, parseMultipart, parseUrlEncoded } = require('./body');
const { DeviceRegistry, normaliseWebhook } = require('./devices');
const errors = require('./errors');
const rawAnswers = require('./rawAnswers');
const { GowaError } = errors;
const { contentTypeForPath, qrPng, MEDIA_SAMPLES } = require('./media');
const rules = require('./realServerRules');
const { ROUTES, matchRoute } = require('./routes');
const { findNextSpecPath, findSpecPath, isSpecCached, loadSpecAsync, tryLoadSpec, validateRequest: validateAgainstSpec } = require('./specValidator');
const { DeviceStore } = require('./store');
const { goJson, prng, sleep, uuid, goMap } = require('./util');
const webhooks = require('./webhooks');
const admin = require('./admin');

const DEFAULT_DEVICES = [{ id: 'salon-main', jid: '6281234567890@s.whatsapp.net', state: 'logged_in', displayName: 'Salon Ayu' }];
const DEFAULT_BODY_LIMIT = 100_000_000; // config.WhatsappSettingMaxVideoSize

class Simulator {
	constructor(options = {}) {
		this.options = {
			port: 0,
			host: '127.0.0.1',
			basePath: '',
			auth: undefined,
			latencyMs: 0,
			validate: true,
			webhookRetryDelaysMs: [1000, 2000, 4000, 8000],
			webhookTimeoutMs: 10_000,
			webhookSecret: 'secret',
			webhookUrl: undefined,
			bodyLimitBytes: DEFAULT_BODY_LIMIT,
			specPath: undefined,
			unregisteredNumbers: [],
			seed: {},
			version: '9.5',
			...options,
		};
		this.version = normaliseVersion(this.options.version);
		this.versionString = `v${this.version}.0`;
		// A v9.5 simulator validates against the v9.5 spec copy when it is there (else the pinned v9.2 file).
		if (this.options.specPath === undefined && this.supports('9.5')) this.options.specPath = findNextSpecPath();
		this.basePath = normaliseBasePath(this.options.basePath);
		this.auth = normaliseAuth(this.options.auth);
		this.latencyMs = Number(this.options.latencyMs) || 0;
		this.registry = new DeviceRegistry(this.options.devices || DEFAULT_DEVICES);
		this.stores = new Map();
		this.unregistered = new Set((this.options.unregisteredNumbers || []).map((n) => String(n).replace(/^\+/, '').split('@')[0]));
		this.statics = new Map();
		this.recorded = [];
		this.webhookDeliveries = [];
		this.sequence = 0;
		this.failureQueue = [];
		this.failureRate = { rate: 0, statuses: [500], random: prng(1), paths: undefined };
		this.hanging = false;
		this.held = new Set();
		this.sockets = new Set();
		this.resetStats();
		this.specReady = undefined;
		if (this.options.validateSpec === false) {
			this.specSkipReason = 'spec validation disabled';
		} else if (isSpecCached(this.options.specPath) || !findSpecPath(this.options.specPath)) {
			const { spec, reason } = tryLoadSpec(this.options.specPath);
			this.spec = spec;
			this.specSkipReason = reason;
		} else {
			// First run on this machine: parse the YAML in a worker; requests wait for it before being validated.
			this.specReady = loadSpecAsync(this.options.specPath).then(({ spec, reason }) => {
				this.spec = spec;
				this.specSkipReason = reason;
				this.specReady = undefined;
			});
		}
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((error) => {
				if (!res.headersSent) {
					res.statusCode = 500;
					res.end(String(error && error.message));
				}
			});
		});
		this.server.keepAliveTimeout = 5000;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	listen() {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.options.port, this.options.host, () => {
				this.server.off('error', reject);
				const address = this.server.address();
				this.port = address.port;
				const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
				this.origin = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${this.port}`;
				this.url = `${this.origin}${this.basePath}`;
				resolve(this);
			});
		});
	}

	close() {
		this.hanging = false;
		for (const entry of this.held) entry.release();
		this.held.clear();
		return new Promise((resolve) => {
			this.server.close(() => resolve());
			for (const socket of this.sockets) socket.destroy();
		});
	}

	/** Whether the simulated server is at least this version ('9.5'). */
	supports(version) {
		return compareVersions(this.version, normaliseVersion(version)) >= 0;
	}

	/** Runs every due scheduled send (v9.5) of every device as GOWA's worker would at `now`; returns the schedules that ran. */
	runDueSchedules(now = Date.now()) {
		const { runDueOf } = require('./schedules');
		return this.registry.list().flatMap((device) => runDueOf(this.storeFor(device), device, now));
	}

	/** The schedules (v9.5) of a device (default: the first), as GET /send/schedules/{id} shows them. */
	schedulesOf(deviceId) {
		const device = deviceId ? this.registry.find(deviceId) : this.registry.list()[0];
		if (!device) throw new Error(`unknown simulator device ${deviceId}`);
		const book = require('./schedules').scheduleBookOf(this.storeFor(device));
		return book.sorted().map((schedule) => book.toJson(schedule));
	}

	// --- public state --------------------------------------------------------------------------------------------

	get requests() {
		return this.recorded;
	}

	clearRequests() {
		this.recorded.length = 0;
	}

	get stats() {
		return { ...this.statistics, byPath: { ...this.statistics.byPath }, byStatus: { ...this.statistics.byStatus } };
	}

	resetStats() {
		const inFlight = this.statistics ? this.statistics.inFlight : 0;
		this.statistics = { received: 0, inFlight, peakInFlight: inFlight, completed: 0, byPath: {}, byStatus: {} };
	}

	get devices() {
		return this.registry.list().map((device) => device.snapshot());
	}

	setDevices(specs) {
		this.registry.replace(specs || []);
		this.stores.clear();
	}

	/** Completes a pending QR / pairing-code login: the device becomes logged_in with a JID. */
	completeLogin(deviceId, { jid, displayName } = {}) {
		const device = this.registry.find(deviceId);
		if (!device) throw new Error(`unknown simulator device ${deviceId}`);
		const { generatedJid } = require('./devices');
		device.setJid(jid || device.jid || generatedJid(device.id));
		if (displayName !== undefined) device.displayName = displayName;
		device.state = 'logged_in';
		device.pendingPairCode = '';
		device.passkey = null;
		return device.snapshot();
	}

	/** Sets a device's state ('new' | 'disconnected' | 'connecting' | 'connected' | 'logged_in'). */
	setDeviceState(deviceId, state) {
		const device = this.registry.find(deviceId);
		if (!device) throw new Error(`unknown simulator device ${deviceId}`);
		device.state = state;
		return device.snapshot();
	}

	/** Puts a device into a passkey pairing step: { challenge } → awaiting_response, { code } → awaiting_confirmation. */
	setPasskey(deviceId, { challenge, code, skipHandoffUX } = {}) {
		const device = this.registry.find(deviceId);
		if (!device) throw new Error(`unknown simulator device ${deviceId}`);
		if (device.state === 'new') device.state = 'connected';
		device.passkey = challenge || code ? { challenge, code, skipHandoffUX } : null;
		return device.snapshot();
	}

	setLatency(ms) {
		this.latencyMs = Math.max(0, Number(ms) || 0);
	}

	/** Numbers (digits) the simulated WhatsApp reports as not registered (→ 400 INVALID_JID). */
	setUnregisteredNumbers(numbers) {
		this.unregistered.clear();
		for (const number of numbers || []) this.unregistered.add(String(number).replace(/^\+/, '').split('@')[0]);
	}

	storeFor(device) {
		let store = this.stores.get(device.id);
		if (!store) {
			const index = this.registry.list().indexOf(device);
			store = new DeviceStore(device, this.options.seed || {}, Math.max(0, index));
			store.unregistered = this.unregistered;
			this.stores.set(device.id, store);
		}
		return store;
	}

	/** Adds a message (optionally with media) to a device's local chat storage; returns the stored message. */
	addMessage(deviceId, message) {
		const device = this.registry.find(deviceId) || this.registry.list()[0];
		const store = this.storeFor(device);
		return store.addMessage({ id: message.id || require('./util').messageId(), ...message });
	}

	// --- failure switches ----------------------------------------------------------------------------------------

	failNext(spec = {}) {
		const rule = { count: 1, ...spec };
		if (rule.status === undefined && !rule.hang && !rule.reset && !rawAnswers.isRawAnswer(rule)) rule.status = 500;
		rule.remaining = rule.count === 0 || rule.count === Infinity ? Infinity : Number(rule.count) || 1;
		this.failureQueue.push(rule);
		return rule;
	}

	clearFailures() {
		this.failureQueue.length = 0;
		this.failureRate = { rate: 0, statuses: [500], random: prng(1), paths: undefined };
	}

	setFailureRate({ rate = 0, statuses = [500], seed = 1, paths, code, message, retryAfter } = {}) {
		this.failureRate = { rate: Number(rate) || 0, statuses: statuses.length ? statuses : [500], random: prng(seed), paths, code, message, retryAfter };
	}

	hang(on = true) {
		this.hanging = Boolean(on);
		if (!this.hanging) {
			for (const entry of this.held) entry.release();
			this.held.clear();
		}
	}

	// --- webhooks ------------------------------------------------------------------------------------------------

	/** Delivers an event like GOWA (sorted-key JSON, X-Hub-Signature-256, 5 attempts with back-off). */
	sendWebhook(options) {
		return webhooks.sendWebhook(this, options);
	}

	get webhooks() {
		return this.webhookDeliveries;
	}

	buildEvent(event, fields, options = {}) {
		const device = options.deviceId ? this.registry.find(options.deviceId) : this.registry.list()[0];
		return require('./events').buildEvent(event, fields, {
			deviceJid: device ? device.jid : undefined,
			sessionId: device ? device.id : undefined,
			...options,
		});
	}

	// --- statics -------------------------------------------------------------------------------------------------

	/** Registers a file under {base}/statics/… (path like 'statics/media/x.jpeg' or '/statics/…'). */
	putStatic(relativePath, bytes, contentType) {
		const key = `/${String(relativePath).replace(/^\/+/, '')}`;
		this.statics.set(key, { bytes: Buffer.from(bytes), contentType: contentType || contentTypeForPath(key) });
		return `${this.url}${key}`;
	}

	createQr(device) {
		const relative = `statics/qrcode/scan-qr-${uuid()}.png`;
		this.putStatic(relative, qrPng(`${device.id}:${relative}`), 'image/png');
		return relative;
	}

	/** Makes sure a `statics/media/...` path named in a webhook payload can be downloaded. */
	ensureMediaStatic(relativePath) {
		const key = `/${relativePath}`;
		if (this.statics.has(key)) return;
		const extension = (/\.[a-z0-9]+$/i.exec(relativePath) || [''])[0].toLowerCase();
		const sample = Object.values(MEDIA_SAMPLES).find((candidate) => candidate.extension === extension) || MEDIA_SAMPLES.document;
		this.putStatic(relativePath, sample.bytes, contentTypeForPath(relativePath));
	}

	// --- request pipeline ----------------------------------------------------------------------------------------

	async handle(req, res) {
		const rawPath = req.url || '/';
		const pathname = rawPath.split('?')[0];
		if (pathname === '/__sim' || pathname.startsWith('/__sim/')) return admin.handle(this, req, res);

		// Monotonic arrival time (performance.now() of this process), for the benchmarks' turnaround figures.
		const arrivedAt = performance.now();
		const stats = this.statistics;
		stats.received += 1;
		stats.inFlight += 1;
		if (stats.inFlight > stats.peakInFlight) stats.peakInFlight = stats.inFlight;
		let done = false;
		const finish = () => {
			if (done) return;
			done = true;
			this.statistics.inFlight = Math.max(0, this.statistics.inFlight - 1);
			this.statistics.completed += 1;
		};
		res.on('finish', finish);
		res.on('close', finish);

		const seq = ++this.sequence;
		const contentType = req.headers['content-type'] || '';
		const limit = this.options.bodyLimitBytes;
		if (Number(req.headers['content-length']) > limit) {
			const rec = this.record(seq, req, rawPath, Buffer.alloc(0));
			this.respond(req, res, rec, { status: 413, text: 'Request Entity Too Large', close: true });
			req.resume();
			return undefined;
		}
		let rawBody;
		try {
			rawBody = await readBody(req, limit);
		} catch (error) {
			const rec = this.record(seq, req, rawPath, Buffer.alloc(0));
			if (error.code === 'TOO_LARGE') this.respond(req, res, rec, { status: 413, text: 'Request Entity Too Large', close: true });
			else rec.response = { status: null, aborted: true, body: undefined };
			return undefined;
		}
		const rec = this.record(seq, req, rawPath, rawBody, contentType);
		rec.arrivedAt = arrivedAt;
		if (this.specReady) await this.specReady;
		try {
			return await this.route(req, res, rec, pathname);
		} catch (error) {
			if (error instanceof GowaError) return this.respondError(req, res, rec, error);
			// An unexpected exception is a Go panic: Recovery answers 500 with the message.
			return this.respond(req, res, rec, { status: 500, json: { code: 'INTERNAL_SERVER_ERROR', message: String(error && error.message) } });
		}
	}

	record(seq, req, rawPath, rawBody, contentTypeHeader = '') {
		const url = new URL(rawPath, 'http://simulator.local');
		const queryAll = {};
		for (const [key, value] of url.searchParams) (queryAll[key] ||= []).push(value);
		const query = {};
		for (const [key, values] of Object.entries(queryAll)) query[key] = values[0];
		let pathname = url.pathname;
		if (this.basePath && (pathname === this.basePath || pathname.startsWith(`${this.basePath}/`))) pathname = pathname.slice(this.basePath.length) || '/';
		const { type, params } = parseContentType(contentTypeHeader);
		const rec = {
			seq,
			time: new Date().toISOString(),
			method: req.method,
			path: pathname,
			rawPath,
			query,
			queryAll,
			headers: { ...req.headers },
			contentType: contentTypeHeader,
			rawBody,
			json: undefined,
			form: undefined,
			deviceId: null,
			operationId: null,
			validation: { valid: true, errors: [], warnings: [] },
			response: null,
		};
		if (rawBody.length > 0 || type) {
			if (type === 'application/json' || /\+json$/.test(type)) {
				try {
					rec.json = JSON.parse(rawBody.toString('utf8'));
				} catch {
					rec.jsonError = true;
				}
			} else if (type === 'application/x-www-form-urlencoded') {
				rec.form = parseUrlEncoded(rawBody);
			} else if (type === 'multipart/form-data') {
				try {
					rec.form = parseMultipart(rawBody, params.boundary);
				} catch (error) {
					rec.formError = error.message;
				}
			}
		}
		this.recorded.push(rec);
		this.statistics.byPath[pathname] = (this.statistics.byPath[pathname] || 0) + 1;
		return rec;
	}

	async route(req, res, rec, pathname) {
		const method = req.method === 'HEAD' ? 'GET' : req.method;
		if (req.method === 'OPTIONS' && req.headers.origin && req.headers['access-control-request-method']) {
			return this.respond(req, res, rec, {
				status: 204,
				headers: {
					'Access-Control-Allow-Methods': 'GET,POST,HEAD,PUT,PATCH,DELETE',
					'Access-Control-Allow-Headers': 'Origin,Content-Type,Accept,Authorization,X-Device-Id',
				},
				empty: true,
			});
		}
		if (pathname === '/health' && method === 'GET') {
			rec.path = '/health';
			rec.operationId = 'health';
			this.validateSpec(rec);
			return this.respond(req, res, rec, { status: 200, text: 'OK' });
		}
		const inBase = !this.basePath || pathname === this.basePath || pathname.startsWith(`${this.basePath}/`);
		const path = inBase ? pathname.slice(this.basePath.length) || '/' : pathname;
		if (inBase && method === 'GET' && path.startsWith('/statics/')) {
			let key = path;
			try {
				key = decodeURIComponent(path);
			} catch {
				// keep the raw path
			}
			const file = this.statics.get(key);
			if (file) {
				rec.validation = { valid: true, errors: [], warnings: [], skipped: 'static file (not in the spec)' };
				return this.respond(req, res, rec, { status: 200, buffer: file.bytes, headers: { 'Content-Type': file.contentType } });
			}
		}
		if (this.auth && !this.authorized(req.headers.authorization)) {
			return this.respond(req, res, rec, { status: 401, text: 'Unauthorized', headers: { 'WWW-Authenticate': 'Basic realm="Restricted"' } });
		}
		if (!inBase) return this.respond(req, res, rec, { status: 404, text: `Cannot ${req.method} ${escapeHtml(pathname)}` });

		const found = matchRoute(method, path);
		// Routes a newer GOWA added do not exist on an older one: 404 like any unknown route.
		const match = found && found.route && found.route.since && !this.supports(found.route.since) ? undefined : found;
		rec.operationId = match && match.route ? match.route.operationId : null;
		this.validateSpec(rec);

		if (this.latencyMs > 0) await sleep(this.latencyMs);
		const injected = await this.injectFailure(req, res, rec, path);
		if (injected === 'handled') return undefined;

		if (!match || !match.route) {
			if (path === '/' && method === 'GET') {
				return this.respond(req, res, rec, { status: 200, json: { code: 'SUCCESS', message: `gowa ${this.versionString} — UI disabled` } });
			}
			// Unknown routes (and wrong methods) pass through the device middleware first.
			const resolved = this.resolveDevice(req, rec);
			if (resolved.error) throw resolved.error;
			if (match && match.methodMismatch) return this.respond(req, res, rec, { status: 405, text: 'Method Not Allowed' });
			return this.respond(req, res, rec, { status: 404, text: `Cannot ${req.method} ${escapeHtml(pathname)}` });
		}

		const ctx = this.context(req, res, rec, match);
		if (match.route.scoped) {
			const resolved = this.resolveDevice(req, rec);
			if (resolved.error) throw resolved.error;
			ctx.device = resolved.device;
		}
		if (this.supports('9.5')) {
			const scheduleError = require('./schedules').checkScheduleFields(match.route.operationId, ctx.input);
			if (scheduleError) {
				this.noteRuleError(rec, scheduleError);
				throw scheduleError;
			}
			ctx.schedule = require('./schedules').parseScheduleOf(match.route.operationId, ctx.input);
		}
		const result = await match.route.handler(ctx);
		return this.respond(req, res, rec, result);
	}

	resolveDevice(req, rec) {
		const url = new URL(req.url || '/', 'http://simulator.local');
		const resolved = this.registry.resolve(req.headers['x-device-id'], url.searchParams.get('device_id'));
		if (resolved.device) rec.deviceId = resolved.device.id;
		return resolved;
	}

	validateSpec(rec) {
		if (!this.spec) {
			rec.validation = { valid: true, errors: [], warnings: [], skipped: this.specSkipReason || 'no spec' };
			rec.validation.spec = { valid: true, errors: [], warnings: [], skipped: rec.validation.skipped };
			return;
		}
		const result = validateAgainstSpec(this.spec, rec);
		rec.validation = {
			valid: result.valid,
			errors: [...result.errors],
			warnings: [...result.warnings],
			spec: result,
			rules: { valid: true, errors: [] },
		};
	}

	/** Adds the real-server rule outcome (bind/validation errors) to the recorded validation. */
	noteRuleError(rec, error) {
		const rulesResult = { valid: !error, errors: error ? [error.message] : [], status: error ? error.status : undefined, code: error ? error.code : undefined };
		rec.validation.rules = rulesResult;
		if (error) {
			rec.validation.valid = false;
			rec.validation.errors = [...(rec.validation.spec ? rec.validation.spec.errors : []), `${error.code}: ${error.message}`];
		}
	}

	authorized(header) {
		const match = /^Basic\s+(.+)$/i.exec(String(header || ''));
		if (!match) return false;
		const decoded = Buffer.from(match[1], 'base64').toString('utf8');
		const index = decoded.indexOf(':');
		if (index < 0) return false;
		const user = decoded.slice(0, index);
		const password = decoded.slice(index + 1);
		return this.auth.some((account) => account.username === user && account.password === password);
	}

	async injectFailure(req, res, rec, path) {
		let rule;
		for (const candidate of this.failureQueue) {
			if (candidate.remaining <= 0) continue;
			if (!pathMatches(candidate.path, path)) continue;
			if (candidate.method && String(candidate.method).toUpperCase() !== req.method) continue;
			rule = candidate;
			break;
		}
		if (rule) {
			rule.remaining -= 1;
			this.failureQueue = this.failureQueue.filter((candidate) => candidate.remaining > 0);
		}
		if (this.hanging || (rule && rule.hang)) {
			rec.hung = true;
			const released = await this.hold(req, res);
			if (!released) {
				rec.response = { status: null, aborted: true, body: undefined };
				return 'handled';
			}
			if (rule && rule.hang && !rule.status) return undefined;
			if (rule && rule.hang) rule = { ...rule, hang: false };
		}
		if (!rule && this.failureRate.rate > 0 && pathMatches(this.failureRate.paths, path)) {
			const { random, statuses } = this.failureRate;
			if (random() < this.failureRate.rate) {
				const status = statuses[Math.floor(random() * statuses.length)];
				rule = { status, code: this.failureRate.code, message: this.failureRate.message, retryAfter: this.failureRate.retryAfter };
			}
		}
		if (!rule || rule.hang) return undefined;
		rec.injected = { status: rule.status, code: rule.code, reset: Boolean(rule.reset) };
		if (rule.delayMs) await sleep(rule.delayMs);
		if (rule.reset) {
			rec.response = { status: null, reset: true, body: undefined };
			req.socket.destroy();
			return 'handled';
		}
		if (rawAnswers.isRawAnswer(rule)) {
			rawAnswers.answerRaw(req, res, rec, rule);
			return 'handled';
		}
		const headers = {};
		if (rule.retryAfter !== undefined) headers['Retry-After'] = String(rule.retryAfter);
		if (rule.plain) {
			this.respond(req, res, rec, { status: rule.status, text: rule.message || http.STATUS_CODES[rule.status] || 'Error', headers });
			return 'handled';
		}
		const error = errors.injectedFailure(rule.status, rule.code, rule.message);
		error.headers = headers;
		if (rule.results !== undefined) error.results = rule.results;
		this.respondError(req, res, rec, error);
		return 'handled';
	}

	/** Holds a request until hang(false) / close. Resolves true when released with the client still there. */
	hold(req, res) {
		return new Promise((resolve) => {
			const entry = {
				release: () => {
					cleanup();
					resolve(!res.writableEnded && !req.socket.destroyed);
				},
			};
			const onClose = () => {
				cleanup();
				resolve(false);
			};
			const cleanup = () => {
				this.held.delete(entry);
				res.off('close', onClose);
			};
			res.on('close', onClose);
			this.held.add(entry);
		});
	}

	context(req, res, rec, match) {
		const sim = this;
		const host = req.headers.host || `${this.options.host}:${this.port}`;
		const input = {
			method: req.method,
			contentType: rec.contentType,
			rawBody: rec.rawBody,
			json: rec.json,
			form: rec.form,
			formError: rec.formError,
			query: rec.queryAll,
			params: match.params,
		};
		return {
			sim,
			req,
			rec,
			input,
			params: match.params,
			route: match.route,
			device: undefined,
			/** `{scheme}://{host}{base}` as the real server builds links (c.Scheme(), c.Host(), APP_BASE_PATH). */
			publicBase: `http://${host}${sim.basePath}`,
			get store() {
				return sim.storeFor(this.device);
			},
			/** Binds + validates with the real server's rules; throws the GowaError it would answer with. */
			check(operationId = match.route.operationId) {
				const { request, error } = rules.checkRequest(operationId, input);
				sim.noteRuleError(rec, error);
				if (error && sim.options.validate !== false) throw error;
				return request || lenientRequest(input);
			},
			ok(message, results) {
				return { status: 200, json: envelope('SUCCESS', message, results) };
			},
		};
	}

	respondError(req, res, rec, error) {
		if (error.plain) return this.respond(req, res, rec, { status: error.status, text: error.message, headers: error.headers });
		return this.respond(req, res, rec, { status: error.status, json: envelope(error.code, error.message, error.results), headers: error.headers });
	}

	/** Writes a response and completes the recording. */
	respond(req, res, rec, result) {
		if (res.writableEnded || res.destroyed) return undefined;
		const headers = { ...(result.headers || {}) };
		if (req.headers.origin) headers['Access-Control-Allow-Origin'] = '*';
		let body;
		let recordedBody;
		if (result.json !== undefined) {
			const text = goJson(result.json);
			body = Buffer.from(text, 'utf8');
			recordedBody = JSON.parse(text);
			headers['Content-Type'] ||= 'application/json; charset=utf-8';
		} else if (result.text !== undefined) {
			body = Buffer.from(String(result.text), 'utf8');
			recordedBody = String(result.text);
			headers['Content-Type'] ||= 'text/plain; charset=utf-8';
		} else if (result.buffer !== undefined) {
			body = Buffer.from(result.buffer);
			recordedBody = /^text\//.test(headers['Content-Type'] || '') ? body.toString('utf8') : body;
			headers['Content-Type'] ||= 'application/octet-stream';
		} else {
			body = Buffer.alloc(0);
		}
		if (result.close) headers.Connection = 'close';
		headers['Content-Length'] = String(body.length);
		res.writeHead(result.status, headers);
		res.end(req.method === 'HEAD' ? undefined : body);
		rec.response = { status: result.status, body: recordedBody, headers: lowerKeys(headers), sentAt: performance.now() };
		this.statistics.byStatus[result.status] = (this.statistics.byStatus[result.status] || 0) + 1;
		return undefined;
	}
}

function envelope(code, message, results) {
	const body = { code, message };
	if (results !== undefined && results !== null) body.results = results;
	else if (results === null) body.results = null; // a typed nil slice (e.g. /devices with no device) is written as null
	return body;
}

function lowerKeys(object) {
	const out = {};
	for (const [key, value] of Object.entries(object)) out[key.toLowerCase()] = value;
	return out;
}

function escapeHtml(text) {
	return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c]);
}

function pathMatches(pattern, path) {
	if (pattern === undefined || pattern === null || pattern === '') return true;
	if (Array.isArray(pattern)) return pattern.some((item) => pathMatches(item, path));
	if (pattern instanceof RegExp) return pattern.test(path);
	const text = String(pattern);
	if (text.startsWith('/') && text.length > 2 && text.endsWith('/') && /[\\^$.*+?()[\]{}|]/.test(text)) {
		return new RegExp(text.slice(1, -1)).test(path);
	}
	if (text.endsWith('*')) return path.startsWith(text.slice(0, -1));
	return path === text || path === `${text}/`;
}

/** '9.5', 'v9.5.0', 9.5 → '9.5' (major.minor). */
function normaliseVersion(value) {
	const match = /^v?(\d+)\.(\d+)/.exec(String(value).trim());
	if (!match) throw new Error(`simulator version must look like 9.5 or 9.2, not ${value}`);
	return `${Number(match[1])}.${Number(match[2])}`;
}

function compareVersions(a, b) {
	const [aMajor, aMinor] = a.split('.').map(Number);
	const [bMajor, bMinor] = b.split('.').map(Number);
	return aMajor - bMajor || aMinor - bMinor;
}

function normaliseBasePath(value) {
	if (!value || value === '/') return '';
	return `/${String(value).replace(/^\/+|\/+$/g, '')}`;
}

function normaliseAuth(auth) {
	if (!auth) return undefined;
	const list = Array.isArray(auth) ? auth : [auth];
	return list.map((account) => (typeof account === 'string' ? { username: account.split(':')[0], password: account.split(':').slice(1).join(':') } : account));
}

function readBody(req, limit) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		let failed = false;
		req.on('data', (chunk) => {
			if (failed) return;
			size += chunk.length;
			if (size > limit) {
				failed = true;
				const error = new Error('body too large');
				error.code = 'TOO_LARGE';
				reject(error);
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => {
			if (!failed) resolve(Buffer.concat(chunks));
		});
		req.on('error', (error) => {
			if (!failed) reject(error);
		});
		req.on('aborted', () => {
			if (!failed) reject(new Error('aborted'));
		});
	});
}

/** With validate:false, handlers still get the fields that were sent (first values). */
function lenientRequest(input) {
	const request = { ...(input.params || {}) };
	if (input.json && typeof input.json === 'object' && !Array.isArray(input.json)) Object.assign(request, input.json);
	if (input.form) {
		for (const [key, values] of Object.entries(input.form.fields)) request[key] = values.length > 1 ? values : values[0];
		Object.assign(request, input.form.files);
	}
	for (const [key, values] of Object.entries(input.query || {})) if (request[key] === undefined) request[key] = values[0];
	return request;
}

async function startSimulator(options = {}) {
	const sim = new Simulator(options);
	return sim.listen();
}

module.exports = { DEFAULT_DEVICES, ROUTES, Simulator, envelope, goMap, normaliseWebhook, startSimulator };
