'use strict';
/**
 * One real n8n (installed by ensureN8n) with its own user folder: CLI commands (import, publish, execute)
 * and the server (`n8n start`) with an env-managed owner, login, API key, public API and webhooks.
 * Everything it spawns is stopped by stop() (SIGTERM, then SIGKILL).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const { freePorts } = require('./ports');

const DEFAULT_OWNER = {
	email: 'owner@example.com',
	firstName: 'Dev',
	lastName: 'Owner',
	password: 'Whatsapp-e2e-2026',
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pulls the IRun JSON out of `n8n execute` output: from the first line that is exactly "{" to a "}" line that parses. */
function parseExecuteOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line.trimEnd() === '{');
	if (start === -1) return undefined;
	for (let end = start + 1; end < lines.length; end++) {
		if (lines[end].trimEnd() !== '}') continue;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n'));
		} catch {
			// a nested "}" line; keep looking
		}
	}
	return undefined;
}

/** A friendlier view of an IRun (from `n8n execute` or the public API's execution data). */
function summarizeRun(run) {
	const resultData = run?.data?.resultData ?? run?.resultData ?? {};
	const runData = resultData.runData ?? {};
	const error = resultData.error;
	return {
		status: run?.status ?? (error ? 'error' : 'success'),
		error: error ? { message: error.message, description: error.description, node: error.node?.name, itemIndex: error.context?.itemIndex ?? error.itemIndex } : undefined,
		runData,
		lastNodeExecuted: resultData.lastNodeExecuted,
		/** Output items of a node's first (or given) run, first output. */
		output(nodeName, runIndex = 0, outputIndex = 0) {
			const nodeRuns = runData[nodeName];
			if (!nodeRuns) throw new Error(`Node "${nodeName}" did not run (ran: ${Object.keys(runData).join(', ')})`);
			return nodeRuns[runIndex]?.data?.main?.[outputIndex] ?? [];
		},
		/** The error a node's run ended with, if any. */
		nodeError(nodeName, runIndex = 0) {
			return runData[nodeName]?.[runIndex]?.error;
		},
		raw: run,
	};
}

/** One HTTP request (no redirects followed): { status, headers, text, json }. A string or bytes body is sent as is. */
async function httpRequest(baseUrl, method, urlPath, { body, headers = {} } = {}) {
	const init = { method, headers: { ...headers }, redirect: 'manual' };
	if (body !== undefined) {
		if (typeof body === 'string' || body instanceof Uint8Array) {
			init.body = body;
		} else {
			init.body = JSON.stringify(body);
			init.headers['content-type'] = init.headers['content-type'] ?? 'application/json';
		}
	}
	const response = await fetch(`${baseUrl}${urlPath}`, init);
	const text = await response.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

/**
 * POSTs to <baseUrl>/webhook/<path> (any n8n process serving production webhooks, or a load balancer in front of
 * them), retrying while the answer is 404: routes are registered a moment after activation.
 */
async function postWebhookAt(baseUrl, webhookPath, body, { headers = {}, method = 'POST', retries = 60 } = {}) {
	const urlPath = `/webhook/${webhookPath.replace(/^\/+/, '')}`;
	for (let attempt = 0; ; attempt++) {
		const response = await httpRequest(baseUrl.replace(/\/+$/, ''), method, urlPath, { body, headers });
		if (response.status !== 404 || attempt >= retries) return response;
		await sleep(200);
	}
}

class N8nInstance {
	/**
	 * @param {object} options
	 * @param {object} options.install      result of ensureN8n()
	 * @param {string} [options.userFolder] N8N_USER_FOLDER (default: a new temp dir, removed by stop({ removeUserFolder }))
	 * @param {number} [options.port]       HTTP port (default: a free one)
	 * @param {string} [options.encryptionKey]
	 * @param {object} [options.owner]      { email, firstName, lastName, password }
	 * @param {string} [options.logFile]    where the server's output goes (default: <userFolder>/n8n.log)
	 * @param {object} [options.env]        extra environment variables (WEBHOOK_URL among them, for a main behind a load balancer)
	 * @param {string} [options.command]    what start() runs: 'start' (default), 'worker' or 'webhook' (queue mode)
	 * @param {number} [options.healthPort] a worker's health port (QUEUE_HEALTH_CHECK_PORT; default: a free one)
	 */
	constructor(options) {
		this.install = options.install;
		this.ownsUserFolder = !options.userFolder;
		this.userFolder = options.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
		fs.mkdirSync(this.userFolder, { recursive: true });
		this.port = options.port;
		this.encryptionKey = options.encryptionKey ?? 'wamd-e2e-encryption-key-0123456789abcdef';
		this.owner = { ...DEFAULT_OWNER, ...(options.owner ?? {}) };
		this.logFile = options.logFile ?? path.join(this.userFolder, 'n8n.log');
		this.extraEnv = options.env ?? {};
		this.command = options.command ?? 'start';
		this.healthPort = options.healthPort;
		this.children = new Set();
		this.server = undefined;
		this.cookie = undefined;
		this.apiKey = undefined;
		this.ownerHash = undefined;
	}

	get baseUrl() {
		return `http://127.0.0.1:${this.port}`;
	}

	/** The environment every n8n process of this instance gets: offline, quiet, own folder and ports. */
	env(extra = {}) {
		// Never let a developer's own n8n settings leak into the test instance.
		const inherited = { ...process.env };
		delete inherited.N8N_CONFIG_FILES;
		delete inherited.WEBHOOK_URL;
		const env = {
			...inherited,
			PATH: `${path.join(this.install.nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
			N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			EXTERNAL_FRONTEND_HOOKS_URLS: '',
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port ?? 5678),
			N8N_PROTOCOL: 'http',
			N8N_SECURE_COOKIE: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			DB_TYPE: 'sqlite',
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
			EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_REINSTALL_MISSING_PACKAGES: 'false',
			N8N_SSRF_PROTECTION_ENABLED: 'false',
			N8N_RESTRICT_FILE_ACCESS_TO: path.join(this.userFolder, 'files'),
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			NODE_ENV: 'production',
			...this.extraEnv,
			...extra,
		};
		return env;
	}

	/**
	 * Runs an n8n CLI command to completion: { code, signal, timedOut, stdout, stderr, seconds }. A process killed by a
	 * signal gets the shell's code 128 + signal number (SIGKILL → 137, SIGSEGV → 139, SIGABRT → 134).
	 */
	async cli(args, { env = {}, timeoutMs = 180_000 } = {}) {
		if (!this.port) [this.port] = await freePorts(1);
		const [brokerPort] = await freePorts(1);
		const started = Date.now();
		return await new Promise((resolve, reject) => {
			const child = spawn(this.install.nodeBin, [this.install.n8nBin, ...args], {
				cwd: this.userFolder,
				env: this.env({ N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...env }),
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			this.children.add(child);
			let stdout = '';
			let stderr = '';
			let timedOut = false;
			child.stdout.on('data', (chunk) => (stdout += chunk));
			child.stderr.on('data', (chunk) => (stderr += chunk));
			const timer = setTimeout(() => {
				timedOut = true;
				child.kill('SIGKILL');
			}, timeoutMs);
			child.on('error', reject);
			child.on('close', (code, signal) => {
				clearTimeout(timer);
				this.children.delete(child);
				const signalCode = signal ? 128 + (os.constants.signals[signal] ?? 0) : undefined;
				resolve({ code: code ?? signalCode ?? 1, signal, timedOut, stdout, stderr, seconds: (Date.now() - started) / 1000 });
			});
		});
	}

	async cliOk(args, options) {
		const result = await this.cli(args, options);
		if (result.code !== 0) {
			throw new Error(`n8n ${args.join(' ')} exited with ${result.code}:\n${(result.stdout + result.stderr).slice(-4000)}`);
		}
		return result;
	}

	/** Imports credentials given as plain objects ({ id, name, type, data: {…plain…} }); n8n encrypts them. */
	async importCredentials(credentials) {
		const file = path.join(this.userFolder, `credentials-${Date.now()}.json`);
		fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
		try {
			return await this.cliOk(['import:credentials', `--input=${file}`]);
		} finally {
			fs.rmSync(file, { force: true });
		}
	}

	/** Imports workflows (objects or JSON file paths) in one CLI call. */
	async importWorkflows(workflows) {
		const dir = fs.mkdtempSync(path.join(this.userFolder, 'import-'));
		try {
			workflows.forEach((workflow, index) => {
				const json = typeof workflow === 'string' ? JSON.parse(fs.readFileSync(workflow, 'utf8')) : workflow;
				fs.writeFileSync(path.join(dir, `${String(index).padStart(3, '0')}.json`), JSON.stringify(json));
			});
			return await this.cliOk(['import:workflow', '--separate', `--input=${dir}`]);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	}

	/** Publishes (activates) a workflow through the CLI; takes effect at the next start. */
	async publish(workflowId) {
		return await this.cliOk(['publish:workflow', `--id=${workflowId}`]);
	}

	/**
	 * `n8n execute --id` (works while the server runs: own task-broker port). Checks the exit code AND the JSON:
	 * returns { code, ok, run: summarizeRun(IRun), stdout, stderr, seconds, exitSignal? }.
	 *
	 * n8n 2.41's `execute` ends with process.exit() without disposing its isolated-vm expression engine (BaseCommand
	 * finally(); only exitSuccessFully() disposes it), so on a busy machine the process can die of a signal *after*
	 * it printed the complete run (seen as "n8n execute exited 128"). The run is then what counts: its status decides
	 * the code, and exitSignal says what happened at exit. A time-out or a signal before the run was printed stays a
	 * failure.
	 */
	async execute(workflowId, { timeoutMs = 240_000 } = {}) {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], { env: { N8N_LOG_LEVEL: 'info' }, timeoutMs });
		const irun = parseExecuteOutput(result.stdout);
		const run = irun ? summarizeRun(irun) : undefined;
		const succeeded = run !== undefined && run.status !== 'error' && run.error === undefined;
		if (result.timedOut) {
			result.stderr += `\n[e2e] n8n execute --id=${workflowId} did not end within ${timeoutMs / 1000} s and was killed`;
		} else if (result.signal && run !== undefined) {
			process.stderr.write(`[e2e] n8n execute --id=${workflowId} printed its run, then died of ${result.signal} while exiting; the run's own status counts\n`);
			return { ...result, exitSignal: result.signal, code: succeeded ? 0 : 1, ok: succeeded, run, irun };
		}
		const ok = result.code === 0 && succeeded;
		return { ...result, ok, run, irun };
	}

	/** bcrypt hash of the owner's password, made with n8n's own bcryptjs. */
	ownerPasswordHash() {
		if (!this.ownerHash) {
			const bcryptPath = require.resolve('bcryptjs', { paths: [this.install.n8nDir, this.install.modules] });
			this.ownerHash = require(bcryptPath).hashSync(this.owner.password, 10);
		}
		return this.ownerHash;
	}

	/**
	 * Starts the server: `n8n start` with the env-managed owner (default), or in queue mode `n8n worker` (health
	 * server on its own port) or `n8n webhook`. Resolves when its /healthz/readiness answers 200.
	 */
	async start({ timeoutMs = 120_000 } = {}) {
		if (!this.port) [this.port] = await freePorts(1);
		const [brokerPort] = await freePorts(1);
		this.brokerPort = brokerPort;
		const roleEnv = { N8N_RUNNERS_BROKER_PORT: String(brokerPort) };
		if (this.command === 'start') {
			Object.assign(roleEnv, {
				N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
				N8N_INSTANCE_OWNER_EMAIL: this.owner.email,
				N8N_INSTANCE_OWNER_FIRST_NAME: this.owner.firstName,
				N8N_INSTANCE_OWNER_LAST_NAME: this.owner.lastName,
				N8N_INSTANCE_OWNER_PASSWORD_HASH: this.ownerPasswordHash(),
			});
		}
		let readinessUrl = `${this.baseUrl}/healthz/readiness`;
		if (this.command === 'worker') {
			if (!this.healthPort) [this.healthPort] = await freePorts(1);
			Object.assign(roleEnv, {
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(this.healthPort),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			});
			readinessUrl = `http://127.0.0.1:${this.healthPort}/healthz/readiness`;
		}
		fs.mkdirSync(path.join(this.userFolder, 'files'), { recursive: true });
		const log = fs.openSync(this.logFile, 'a');
		const started = Date.now();
		const child = spawn(this.install.nodeBin, [this.install.n8nBin, this.command], {
			cwd: this.userFolder,
			env: this.env(roleEnv),
			stdio: ['ignore', log, log],
			detached: true, // own process group, so stop() also ends the task runner it spawns
		});
		fs.closeSync(log);
		this.server = child;
		this.children.add(child);
		let exited;
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			this.children.delete(child);
		});
		while (Date.now() - started < timeoutMs) {
			if (exited) throw new Error(`n8n ${this.command} exited (${exited.code ?? exited.signal}) before it was ready:\n${this.logTail()}`);
			try {
				const response = await fetch(readinessUrl);
				if (response.ok) {
					this.startSeconds = (Date.now() - started) / 1000;
					return this;
				}
			} catch {
				// not listening yet
			}
			await sleep(250);
		}
		throw new Error(`n8n ${this.command} was not ready after ${timeoutMs / 1000} s:\n${this.logTail()}`);
	}

	logTail(chars = 4000) {
		try {
			return fs.readFileSync(this.logFile, 'utf8').slice(-chars);
		} catch {
			return '(no log)';
		}
	}

	/** Any HTTP request to the server: { status, headers, text, json }. */
	async request(method, urlPath, { body, headers = {}, cookie = true, apiKey = false } = {}) {
		const extra = {};
		if (cookie && this.cookie) extra.cookie = this.cookie;
		if (apiKey) extra['x-n8n-api-key'] = this.apiKey;
		return await httpRequest(this.baseUrl, method, urlPath, { body, headers: { ...headers, ...extra } });
	}

	/** Logs the owner in (cookie kept for later requests). */
	async login() {
		const response = await fetch(`${this.baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: this.owner.email, password: this.owner.password }),
		});
		if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
		const setCookie = response.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
		if (!setCookie) throw new Error('login answered without an n8n-auth cookie');
		this.cookie = setCookie.split(';')[0];
		return this.cookie;
	}

	/** Creates a public-API key for the owner (logs in first if needed). */
	async createApiKey(label = `e2e-${Date.now()}`) {
		if (!this.cookie) await this.login();
		const scopes = await this.request('GET', '/rest/api-keys/scopes');
		const response = await this.request('POST', '/rest/api-keys', {
			body: { label, expiresAt: null, scopes: scopes.json?.data ?? [] },
		});
		if (response.status !== 200 || !response.json?.data?.rawApiKey) {
			throw new Error(`creating an API key failed: ${response.status} ${response.text}`);
		}
		this.apiKey = response.json.data.rawApiKey;
		return this.apiKey;
	}

	/**
	 * Checks that n8n loaded the community package: no "Failed to load package" in the log, and the given node
	 * and credential types are known to the editor (/types/*.json). Throws with the log excerpt otherwise.
	 */
	async assertPackageLoaded(packageName, { nodeTypes = [], credentialTypes = [] } = {}) {
		const log = this.logTail(200_000);
		const failure = log.indexOf(`Failed to load package "${packageName}"`);
		if (failure !== -1) throw new Error(`n8n could not load ${packageName}:\n${log.slice(failure, failure + 1500)}`);
		if (!this.cookie) await this.login();
		const nodes = await this.request('GET', '/types/nodes.json');
		const known = new Set((nodes.json ?? []).map((node) => node.name));
		const missingNodes = nodeTypes.filter((type) => !known.has(type));
		const credentials = await this.request('GET', '/types/credentials.json');
		const knownCredentials = new Set((credentials.json ?? []).map((credential) => credential.name));
		const missingCredentials = credentialTypes.filter((type) => !knownCredentials.has(type));
		if (missingNodes.length > 0 || missingCredentials.length > 0) {
			throw new Error(`n8n is missing types of ${packageName}: ${[...missingNodes, ...missingCredentials].join(', ')}`);
		}
		return { nodeTypes: [...known].filter((name) => name.startsWith(`${packageName}.`)) };
	}

	/** Public API call (/api/v1…) with the API key. */
	async api(method, urlPath, body) {
		if (!this.apiKey) await this.createApiKey();
		const response = await this.request(method, `/api/v1${urlPath}`, { body, cookie: false, apiKey: true });
		if (response.status >= 400) throw new Error(`${method} /api/v1${urlPath} → ${response.status} ${response.text}`);
		return response.json;
	}

	/** Activates a workflow on the running server (public API). */
	async activate(workflowId) {
		return await this.api('POST', `/workflows/${workflowId}/activate`);
	}

	/** Executions of a workflow, newest first (public API). */
	async executions(workflowId, { includeData = false, limit = 20 } = {}) {
		const query = new URLSearchParams({ workflowId, includeData: String(includeData), limit: String(limit) });
		return (await this.api('GET', `/executions?${query}`)).data;
	}

	/** One execution with its data, summarised like an `execute` result. */
	async execution(executionId) {
		const execution = await this.api('GET', `/executions/${executionId}?includeData=true`);
		return { execution, run: summarizeRun(execution) };
	}

	/** Waits for a finished execution of the workflow newer than `afterId`. */
	async waitForExecution(workflowId, afterId = 0, { timeoutMs = 30_000 } = {}) {
		const started = Date.now();
		while (Date.now() - started < timeoutMs) {
			const list = await this.executions(workflowId, { limit: 5 });
			const found = list.find((entry) => Number(entry.id) > Number(afterId) && entry.finished !== undefined && entry.stoppedAt);
			if (found) return await this.execution(found.id);
			await sleep(150);
		}
		throw new Error(`no finished execution of workflow ${workflowId} after #${afterId} within ${timeoutMs / 1000} s`);
	}

	/** Highest execution id of a workflow so far (0 if none). */
	async lastExecutionId(workflowId) {
		const list = await this.executions(workflowId, { limit: 1 });
		return list.length > 0 ? Number(list[0].id) : 0;
	}

	/**
	 * POSTs to a production webhook URL (/webhook/<path>), retrying while n8n answers 404 (routes are
	 * registered a moment after activation). Returns { status, headers, text, json }.
	 */
	async postWebhook(webhookPath, body, options) {
		return await postWebhookAt(this.baseUrl, webhookPath, body, options);
	}

	/** SIGTERM everything this instance started (the server's whole process group), SIGKILL after a grace period. */
	async stop({ removeUserFolder = this.ownsUserFolder, graceMs = 10_000 } = {}) {
		const waits = [];
		for (const child of [...this.children]) {
			if (child.exitCode !== null || child.signalCode !== null) continue;
			const done = new Promise((resolve) => child.once('exit', resolve));
			waits.push(done);
			const signalAll = (signal) => {
				try {
					if (child === this.server) process.kill(-child.pid, signal);
					else child.kill(signal);
				} catch {
					// already gone
				}
			};
			signalAll('SIGTERM');
			const timer = setTimeout(() => signalAll('SIGKILL'), graceMs);
			done.then(() => clearTimeout(timer));
		}
		await Promise.all(waits);
		this.server = undefined;
		if (removeUserFolder) fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}

module.exports = { N8nInstance, parseExecuteOutput, summarizeRun, httpRequest, postWebhookAt, DEFAULT_OWNER };
