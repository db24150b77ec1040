'use strict';
/**
 * n8n in queue mode, as a user scales it out: PostgreSQL + Redis, one main (editor, API, trigger registration;
 * production webhooks off), workers that run the executions, webhook processors behind nginx, every role with this
 * package installed in its own user folder, one shared encryption key. nginx listens on three ports:
 *   - round robin over the webhook processors (what a default upstream does);
 *   - `hash $http_x_hub_signature_256 consistent` over them (the documented deployment: GOWA's byte-identical retries
 *     carry the same signature, so they reach the processor that saw the first attempt); the main's WEBHOOK_URL;
 *   - examples/nginx-gowa-rate-limit.conf in front of the GOWA simulator (per-device limit_req answering 429).
 * Setup notes n8n's docs leave out (../shared/n8n/CONVENTIONS.md "State across processes"): a task-runner broker
 * port per process, a health port per worker, N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true, WEBHOOK_URL on the main.
 */
const fs = require('node:fs');
const path = require('node:path');

const { ensureN8n, ROOT_DIR, PACKAGE_NAME } = require('./install');
const { buildAndPack, installPackage } = require('./pack');
const { N8nInstance } = require('./n8n');
const { credentialsFor, simulatorOptions, GOWA } = require('./fixtures');
const { readWorkflow, webhookPaths } = require('./workflows');
const { startPostgres, startRedis, startNginx } = require('./services');
const { freePorts } = require('./ports');
const { stepTimer } = require('./runner');
const { loadSimulator } = require('./environment');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const NGINX_EXAMPLE = path.join(ROOT_DIR, 'examples', 'nginx-gowa-rate-limit.conf');

/** Extra credentials of the queue suite: n8n's Redis credential, and GOWA reached through the rate-limiting nginx. */
const QUEUE_CREDENTIALS = {
	redis: { id: 'e2eQueueRedis001', name: 'Redis (queue e2e)' },
	gowaBehindNginx: { id: 'e2eGowaNginx0001', name: 'GOWA behind nginx (rate limit)' },
};

/**
 * examples/nginx-gowa-rate-limit.conf made runnable here: only its listen address and upstream are replaced
 * (the example listens on 8080 and proxies to a GOWA on 127.0.0.1:3000).
 */
function gowaProxyConfig(listenPort, gowaOrigin) {
	const example = fs.readFileSync(NGINX_EXAMPLE, 'utf8');
	const upstream = new URL(gowaOrigin).host;
	const config = example.replace(/listen\s+8080;/g, `listen 127.0.0.1:${listenPort};`).replace(/127\.0\.0\.1:3000/g, upstream);
	if (config === example || !config.includes(upstream)) throw new Error(`${NGINX_EXAMPLE}: expected "listen 8080;" and "127.0.0.1:3000" to replace`);
	return config;
}

function loadBalancerConfig([roundRobinPort, hashPort, gowaPort], processorPorts, gowaOrigin) {
	const servers = processorPorts.map((port) => `    server 127.0.0.1:${port};`).join('\n');
	const proxy = [
		'      proxy_pass_request_headers on;',
		'      proxy_set_header Host $host;',
		'      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
		'      proxy_http_version 1.1;',
		'      proxy_set_header Connection "";',
		'      proxy_read_timeout 120s;',
		'      client_max_body_size 50m;',
	].join('\n');
	return [
		'  log_format upstream \'$remote_addr "$request" $status upstream=$upstream_addr sig=$http_x_hub_signature_256\';',
		`  upstream n8n_webhooks_round_robin {\n${servers}\n    keepalive 16;\n  }`,
		// The documented deployment: one signature (= one delivery and all its retries) → one processor.
		`  upstream n8n_webhooks_by_signature {\n    hash $http_x_hub_signature_256 consistent;\n${servers}\n    keepalive 16;\n  }`,
		`  server {\n    listen 127.0.0.1:${roundRobinPort};\n    access_log ${'$'}{LOG_DIR}/round-robin.log upstream;\n    location / {\n      proxy_pass http://n8n_webhooks_round_robin;\n${proxy}\n    }\n  }`,
		`  server {\n    listen 127.0.0.1:${hashPort};\n    access_log ${'$'}{LOG_DIR}/by-signature.log upstream;\n    location / {\n      proxy_pass http://n8n_webhooks_by_signature;\n${proxy}\n    }\n  }`,
		gowaProxyConfig(gowaPort, gowaOrigin),
	].join('\n');
}

/**
 * Starts everything; resolves the environment { n8n (main), workers, processors, lb, gowaProxyUrl, pg, redis, sim,
 * workflows, timings, stop() }. `logDir` receives every process's log; `onCreated(env)` gets the environment before
 * anything starts (its stop() works at any point).
 */
async function startQueueEnvironment(options = {}) {
	const log = options.log ?? ((line) => process.stdout.write(`${line}\n`));
	const logDir = options.logDir;
	fs.mkdirSync(logDir, { recursive: true });
	const timings = {};
	const env = { timings, cleanups: [], instances: [], workers: [], processors: [] };
	const time = stepTimer(timings);
	env.stop = () => (env.stopping ??= stopAll(env)); // one stop, however many callers (runner, Ctrl-C, a failed setup)
	options.onCreated?.(env); // lets a runner stop a half-started environment on Ctrl-C
	try {
		env.install = await time('ensureN8n', () => ensureN8n());
		const pack = await time('buildAndPack', () => buildAndPack({ skipBuild: options.skipBuild }));
		env.cleanups.push(() => pack.cleanup());
		env.tarball = pack.tarball; // for a process started later (bench/queue.bench.js: the regular-mode n8n)

		const { startSimulator } = loadSimulator();
		env.sim = await startSimulator(simulatorOptions(options.simulator));
		env.cleanups.push(() => env.sim.close());

		await time('postgres+redis', async () => {
			const [pg, redis] = await Promise.allSettled([startPostgres(), startRedis()]);
			if (pg.status === 'fulfilled') {
				env.pg = pg.value;
				env.cleanups.push(() => env.pg.stop());
			}
			if (redis.status === 'fulfilled') {
				env.redis = redis.value;
				env.cleanups.push(() => env.redis.stop());
			}
			if (pg.status === 'rejected') throw pg.reason;
			if (redis.status === 'rejected') throw redis.reason;
		});
		log(`PostgreSQL on 127.0.0.1:${env.pg.port}, Redis on 127.0.0.1:${env.redis.port} (${timings['postgres+redis'].toFixed(1)} s)`);

		const processorCount = options.processors ?? 2;
		const workerCount = options.workers ?? 2;
		const processorPorts = await freePorts(processorCount);
		env.nginx = await startNginx({
			portCount: 3,
			httpBody: (ports, dir) => loadBalancerConfig(ports, processorPorts, env.sim.origin).replaceAll('${LOG_DIR}', dir),
		});
		env.cleanups.push(() => {
			for (const file of ['round-robin.log', 'by-signature.log', 'access.log', 'error.log']) {
				const source = path.join(env.nginx.dir, file);
				if (fs.existsSync(source)) fs.copyFileSync(source, path.join(logDir, `nginx-${file}`));
			}
			return env.nginx.stop();
		});
		const [roundRobinPort, hashPort, gowaPort] = env.nginx.ports;
		env.lb = { roundRobin: `http://127.0.0.1:${roundRobinPort}`, bySignature: `http://127.0.0.1:${hashPort}` };
		env.gowaProxyUrl = `http://127.0.0.1:${gowaPort}${GOWA.basePath}`;
		env.nginxLog = (name) => {
			const file = path.join(env.nginx.dir, name);
			return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
		};
		log(`nginx: round robin ${env.lb.roundRobin}, hash on X-Hub-Signature-256 ${env.lb.bySignature}, GOWA rate limit ${env.gowaProxyUrl}`);

		const shared = {
			EXECUTIONS_MODE: 'queue',
			...n8nDatabaseEnv(env.pg),
			QUEUE_BULL_REDIS_HOST: env.redis.host,
			QUEUE_BULL_REDIS_PORT: String(env.redis.port),
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '15',
			...(options.n8nEnv ?? {}),
		};
		const role = (name, command, extra = {}) => {
			const instance = new N8nInstance({
				install: env.install,
				command,
				logFile: path.join(logDir, `${name}.log`),
				env: { ...shared, ...extra },
			});
			instance.role = name;
			env.instances.push(instance);
			return instance;
		};
		env.n8n = role('main', 'start', { WEBHOOK_URL: `${env.lb.bySignature}/` });
		// Workers need the public webhook address too: a node that waits (send and wait) builds its resume URL there.
		// One execution at a time per worker, so two concurrent executions are on two workers (n8n warns below 5).
		for (let index = 0; index < workerCount; index++) {
			env.workers.push(role(`worker-${index + 1}`, 'worker', { N8N_CONCURRENCY_PRODUCTION_LIMIT: '1', WEBHOOK_URL: `${env.lb.bySignature}/` }));
		}
		for (let index = 0; index < processorCount; index++) {
			const processor = role(`webhook-${index + 1}`, 'webhook');
			processor.port = processorPorts[index];
			env.processors.push(processor);
		}
		const everyone = [env.n8n, ...env.workers, ...env.processors];
		await Promise.all(everyone.map((instance) => installPackage(instance.userFolder, pack.tarball)));

		// The first CLI command migrates the fresh database; then the workflows are imported while every n8n
		// process boots (none of them needs the workflows at start: activation comes afterwards, through the API).
		await time('import credentials', () =>
			env.n8n.importCredentials([
				...credentialsFor(env.sim.url),
				{ ...credentialsFor(env.gowaProxyUrl)[0], ...QUEUE_CREDENTIALS.gowaBehindNginx },
				{ ...QUEUE_CREDENTIALS.redis, type: 'redis', data: { host: env.redis.host, port: env.redis.port, database: 0, password: '' } },
			]),
		);
		env.workflows = (options.workflows ?? []).map((file) => readWorkflow(file));
		await time('import workflows + start', () =>
			Promise.all([
				env.workflows.length > 0 ? env.n8n.importWorkflows(env.workflows) : undefined,
				...everyone.map((instance) => instance.start()),
			]),
		);
		await env.n8n.createApiKey('queue-e2e');
		await env.n8n.assertPackageLoaded(PACKAGE_NAME, {
			nodeTypes: [`${PACKAGE_NAME}.whatsAppMultiDevice`, `${PACKAGE_NAME}.whatsAppMultiDeviceTrigger`],
			credentialTypes: ['whatsAppMultiDeviceApi'],
		});
		for (const instance of [...env.workers, ...env.processors]) assertNoPackageFailure(instance);
		log(`n8n queue mode up (${timings['import workflows + start'].toFixed(1)} s): main ${env.n8n.baseUrl}, ${workerCount} workers, webhook processors ${env.processors.map((p) => p.baseUrl).join(', ')}`);

		await time('activate', async () => {
			for (const workflow of env.workflows) {
				if (webhookPaths(workflow).length > 0) await env.n8n.activate(workflow.id);
			}
		});
		return env;
	} catch (error) {
		await env.stop();
		throw error;
	}
}

/** The environment that points an n8n process at the PostgreSQL from startPostgres() (trust auth, no password). */
function n8nDatabaseEnv(pg) {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: pg.host,
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: pg.database,
		DB_POSTGRESDB_USER: pg.user,
		DB_POSTGRESDB_PASSWORD: '',
	};
}

function assertNoPackageFailure(instance) {
	const text = instance.logTail(200_000);
	const failure = text.indexOf(`Failed to load package "${PACKAGE_NAME}"`);
	if (failure !== -1) throw new Error(`n8n ${instance.role} could not load ${PACKAGE_NAME}:\n${text.slice(failure, failure + 1500)}`);
}

/** Stops the n8n processes (all at once), then nginx, the databases and the simulator; removes their temp dirs. */
async function stopAll(env) {
	const report = (error) => process.stderr.write(`cleanup failed: ${error.message}\n`);
	await Promise.all(env.instances.splice(0).map((instance) => instance.stop().catch(report)));
	for (const cleanup of env.cleanups.splice(0).reverse()) await Promise.resolve().then(cleanup).catch(report);
}

/** Which worker ran an execution (from the workers' "Worker started execution <id>" log lines). */
function workerOf(env, executionId) {
	const pattern = new RegExp(`Worker started execution ${executionId}\\b`);
	return env.workers.find((worker) => pattern.test(worker.logTail(5_000_000)))?.role;
}

module.exports = { startQueueEnvironment, workerOf, n8nDatabaseEnv, QUEUE_CREDENTIALS, gowaProxyConfig };
