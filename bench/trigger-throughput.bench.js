#!/usr/bin/env node
/**
 * Trigger throughput in a real n8n 2.41.1 (regular mode, issue 15 §5): n8n's Webhook node (v2.1, POST, respond
 * immediately), our WhatsApp MultiDevice Trigger (v1.1, device registration, generated secret: what activation
 * sets up by default) and our WhatsApp Cloud Trigger, each → No Operation, active, executions saved. For each:
 * BENCH_POSTS signed deliveries with unique events, BENCH_IN_FLIGHT at a time — executions/s from the first post to
 * the last execution's stoppedAt (read back through the public API) — then as many forged posts (a signature made
 * with another secret) — answered/s, every answer 401 — and the n8n process's CPU (utime + stime from
 * /proc/<pid>/stat) per post of each kind. Once per n8n setting (BENCH_SETTINGS): the default engine, then the
 * expression-engine settings that change what a webhook request costs.
 *
 *   node bench/trigger-throughput.bench.js [--write]   --write updates the "Trigger throughput" section of BENCHMARKS.md
 *   BENCH_POSTS=200 BENCH_IN_FLIGHT=20 BENCH_RUNS=3 BENCH_SETTINGS=default,lazy,pool4,legacy   (defaults)
 *   BENCH_QUICK=1: 40 posts, 1 run, settings default,lazy
 */
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');

const { startEnvironment } = require('../e2e/lib/environment');
const { CREDENTIALS, GOWA } = require('../e2e/lib/fixtures');
const { startCloudSimulator } = require('../simulator/cloud');
const { writeSection } = require('./section');

const QUICK = process.env.BENCH_QUICK === '1';
const POSTS = Number(process.env.BENCH_POSTS ?? (QUICK ? 40 : 200));
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 1 : 3));
const WARM_UP = 20;
const SETTINGS = {
	default: { label: 'default (N8N_EXPRESSION_ENGINE=vm, pool size 1)', env: {} },
	lazy: { label: 'N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true', env: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' } },
	pool4: { label: 'N8N_EXPRESSION_ENGINE_POOL_SIZE=4', env: { N8N_EXPRESSION_ENGINE_POOL_SIZE: '4' } },
	legacy: { label: 'N8N_EXPRESSION_ENGINE=legacy', env: { N8N_EXPRESSION_ENGINE: 'legacy' } },
};
const SELECTED = (process.env.BENCH_SETTINGS ?? (QUICK ? 'default,lazy' : 'default,lazy,pool4,legacy')).split(',').map((name) => name.trim());
const CLOUD_CREDENTIAL = { id: 'benchCloudTrigger', name: 'Meta simulator (trigger bench)' };
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

const log = (line) => process.stdout.write(`${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const hmac = (bytes, secret) => `sha256=${crypto.createHmac('sha256', secret).update(bytes).digest('hex')}`;
const batch = crypto.randomBytes(3).toString('hex').toUpperCase();
let sequence = 0;

function node(name, type, typeVersion, parameters, position, extra = {}) {
	return { id: crypto.randomUUID(), name, type, typeVersion, position, parameters, ...extra };
}

function toNoOp(id, name, start) {
	const noOp = node('No Operation', 'n8n-nodes-base.noOp', 1, {}, [220, 0]);
	return { id, name, active: false, settings: { executionOrder: 'v1' }, pinData: {}, nodes: [start, noOp], connections: { [start.name]: { main: [[{ node: noOp.name, type: 'main', index: 0 }]] } } };
}

/** The three workflows, each with how to build one genuine delivery and how to forge one. */
function variants(meta) {
	const gowaHook = crypto.randomUUID();
	const cloudHook = crypto.randomUUID();
	const gowaEvent = () => Buffer.from(JSON.stringify({
		device_id: GOWA.deviceJid,
		event: 'message',
		payload: { body: 'Bisa booking potong rambut besok jam 3?', chat_id: '6281234567890@s.whatsapp.net', from: '6281234567890@s.whatsapp.net', id: `3EB0${batch}${++sequence}`, is_from_me: false, timestamp: `${new Date().toISOString().slice(0, 19)}Z` },
		session_id: GOWA.deviceId,
	}));
	const cloudDelivery = () => Buffer.from(JSON.stringify({
		object: 'whatsapp_business_account',
		entry: [{ id: meta.businessAccountId, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550253483', phone_number_id: meta.phoneNumberId }, contacts: [{ profile: { name: 'Dewi' }, wa_id: '6281234567890' }], messages: [{ from: '6281234567890', id: `wamid.BENCH${batch}${++sequence}`, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: 'Bisa booking besok jam 3?' } }] } }] }],
	}));
	return [
		{
			key: 'webhook', label: 'n8n Webhook node v2.1 (POST, respond immediately)', path: 'bench-webhook-node',
			wf: toNoOp('benchTrigWebhook1', 'bench trigger: Webhook node', node('Webhook', 'n8n-nodes-base.webhook', 2.1, { httpMethod: 'POST', path: 'bench-webhook-node', responseMode: 'onReceived', options: {} }, [0, 0], { webhookId: crypto.randomUUID() })),
			genuine: () => ({ body: gowaEvent(), headers: {} }),
		},
		{
			key: 'gowa', label: 'WhatsApp MultiDevice Trigger v1.1 (device registration, generated secret)', path: `${gowaHook}/webhook`,
			wf: toNoOp('benchTrigGowa001', 'bench trigger: GOWA', node('WhatsApp MultiDevice Trigger', 'n8n-nodes-whatsapp-multidevice.whatsAppMultiDeviceTrigger', 1.1, { events: ['message'], deviceId: GOWA.deviceId, options: {} }, [0, 0], { webhookId: gowaHook, credentials: { whatsAppMultiDeviceApi: CREDENTIALS.gowa } })),
			secret: undefined, // read from the device once activation has registered it
			genuine() { const body = gowaEvent(); return { body, headers: { 'x-hub-signature-256': hmac(body, this.secret) } }; },
			forged: () => { const body = gowaEvent(); return { body, headers: { 'x-hub-signature-256': hmac(body, 'not-the-secret') } }; },
		},
		{
			key: 'cloud', label: 'WhatsApp Cloud Trigger v1.1 (callback set by hand)', path: `${cloudHook}/webhook`,
			wf: toNoOp('benchTrigCloud01', 'bench trigger: Cloud', node('WhatsApp Cloud Trigger', 'n8n-nodes-whatsapp-multidevice.whatsAppCloudTrigger', 1.1, { events: ['message'], registration: 'manual', options: {} }, [0, 0], { webhookId: cloudHook, credentials: { whatsAppCloudApi: CLOUD_CREDENTIAL } })),
			genuine: () => { const body = cloudDelivery(); return { body, headers: { 'x-hub-signature-256': hmac(body, meta.appSecret) } }; },
			forged: () => { const body = cloudDelivery(); return { body, headers: { 'x-hub-signature-256': hmac(body, 'another-app-secret') } }; },
		},
	];
}

/** CPU ms n8n's expression engine spends building and disposing one isolate (its own code, in n8n's Node). */
function isolateCostMs(install) {
	const script = `
		const runtime = require(${JSON.stringify(require.resolve('@n8n/expression-runtime', { paths: [install.dir] }))});
		const make = async () => { const bridge = new runtime.IsolatedVmBridge({ timeout: 5000, memoryLimit: 128 }); await bridge.initialize(); return bridge; };
		(async () => {
			await (await make()).dispose();
			const before = process.cpuUsage();
			for (let i = 0; i < 20; i++) await (await make()).dispose();
			const used = process.cpuUsage(before);
			process.stdout.write(String((used.user + used.system) / 1000 / 20));
		})();`;
	return Number(execFileSync(install.nodeBin, ['-e', script], { encoding: 'utf8' }));
}

/** CPU seconds the n8n server process has used so far (user + system). */
function cpuSeconds(pid) {
	const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Posts `count` requests made by `make`, `IN_FLIGHT` at a time; resolves the statuses and when the last answer came. */
async function postAll(url, count, make) {
	const requests = Array.from({ length: count }, make);
	const statuses = [];
	let next = 0;
	const worker = async () => {
		while (next < requests.length) {
			const { body, headers } = requests[next++];
			const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
			await response.arrayBuffer();
			statuses.push(response.status);
		}
	};
	await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, count) }, worker));
	return { statuses, answeredAt: Date.now() };
}

/** Finished executions of a workflow with an id above `afterId` (public API, paged). */
async function finishedSince(n8n, workflowId, afterId) {
	const found = [];
	let cursor;
	for (;;) {
		const query = new URLSearchParams({ workflowId, limit: '250', ...(cursor ? { cursor } : {}) });
		const page = await n8n.api('GET', `/executions?${query}`);
		const newer = page.data.filter((execution) => Number(execution.id) > afterId);
		found.push(...newer.filter((execution) => execution.stoppedAt));
		if (!page.nextCursor || newer.length < page.data.length) return found;
		cursor = page.nextCursor;
	}
}

async function waitForExecutions(n8n, workflowId, afterId, count) {
	const deadline = Date.now() + 300_000;
	for (;;) {
		const found = await finishedSince(n8n, workflowId, afterId);
		if (found.length >= count) return found;
		if (Date.now() > deadline) throw new Error(`${workflowId}: ${found.length} of ${count} executions finished within 300 s`);
		await sleep(250);
	}
}

/** One measured batch of genuine deliveries: executions/s and CPU ms per post. */
async function genuineBatch(env, variant, count) {
	const url = `${env.n8n.baseUrl}/webhook/${variant.path}`;
	const afterId = await env.n8n.lastExecutionId(variant.wf.id);
	const cpuBefore = cpuSeconds(env.n8n.server.pid);
	const started = Date.now();
	const { statuses } = await postAll(url, count, () => variant.genuine());
	const refused = statuses.filter((status) => status !== 200);
	if (refused.length > 0) throw new Error(`${variant.label}: ${refused.length} genuine posts answered ${[...new Set(refused)].join(', ')}`);
	const executions = await waitForExecutions(env.n8n, variant.wf.id, afterId, count);
	const failed = executions.filter((execution) => execution.status !== 'success');
	if (failed.length > 0) throw new Error(`${variant.label}: ${failed.length} executions ended ${failed[0].status}`);
	const lastStopped = Math.max(...executions.map((execution) => Date.parse(execution.stoppedAt)));
	await sleep(500); // let the isolate pool's background replenishment finish before reading the CPU
	return { perSecond: count / ((lastStopped - started) / 1000), cpuMs: ((cpuSeconds(env.n8n.server.pid) - cpuBefore) * 1000) / count };
}

/** One batch of forged posts: answered/s (each must be 401, none may start an execution) and CPU ms per post. */
async function forgedBatch(env, variant, count) {
	const url = `${env.n8n.baseUrl}/webhook/${variant.path}`;
	const afterId = await env.n8n.lastExecutionId(variant.wf.id);
	const cpuBefore = cpuSeconds(env.n8n.server.pid);
	const started = Date.now();
	const { statuses, answeredAt } = await postAll(url, count, () => variant.forged());
	const accepted = statuses.filter((status) => status !== 401);
	if (accepted.length > 0) throw new Error(`${variant.label}: ${accepted.length} forged posts answered ${[...new Set(accepted)].join(', ')}`);
	await sleep(500);
	const cpuMs = ((cpuSeconds(env.n8n.server.pid) - cpuBefore) * 1000) / count;
	if ((await env.n8n.lastExecutionId(variant.wf.id)) !== afterId) throw new Error(`${variant.label}: a forged post started an execution`);
	return { perSecond: count / ((answeredAt - started) / 1000), cpuMs };
}

/** Restarts n8n with one setting's environment (same database: the workflows stay active) and waits for the routes. */
async function restartWith(env, all, setting) {
	const wanted = { ...env.baseEnv, ...setting.env };
	if (JSON.stringify(wanted) !== JSON.stringify(env.n8n.extraEnv) || !env.n8n.server) {
		if (env.n8n.server) await env.n8n.stop({ removeUserFolder: false });
		env.n8n.extraEnv = wanted;
		await env.n8n.start();
	}
	for (const variant of all) {
		for (let attempt = 0; ; attempt++) {
			const response = await fetch(`${env.n8n.baseUrl}/webhook/${variant.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
			await response.arrayBuffer();
			if (response.status !== 404) break;
			if (attempt > 300) throw new Error(`${variant.label}: the production URL was never routed`);
			await sleep(200);
		}
	}
}

async function measureSetting(env, all, name) {
	const setting = SETTINGS[name];
	await restartWith(env, all, setting);
	const gowa = all.find((variant) => variant.key === 'gowa');
	gowa.secret = env.sim.registry.find(GOWA.deviceId)?.webhook?.webhook_secret;
	if (!/^[0-9a-f]{64}$/.test(gowa.secret ?? '')) throw new Error('the GOWA trigger did not register a generated secret on the device');
	for (const variant of all) await genuineBatch(env, variant, WARM_UP);
	const runs = [];
	for (let run = 0; run < RUNS; run++) {
		const figures = {};
		for (const variant of all) {
			figures[variant.key] = { genuine: await genuineBatch(env, variant, POSTS) };
			if (variant.forged) figures[variant.key].forged = await forgedBatch(env, variant, POSTS);
			const f = figures[variant.key];
			log(`${setting.label} · run ${run + 1} · ${variant.key}: ${f.genuine.perSecond.toFixed(1)} executions/s, ${f.genuine.cpuMs.toFixed(1)} ms CPU/post${f.forged ? `; forged ${f.forged.perSecond.toFixed(1)}/s, ${f.forged.cpuMs.toFixed(1)} ms CPU/post` : ''}`);
		}
		runs.push(figures);
	}
	const pick = (key, kind, field) => median(runs.map((figures) => figures[key][kind]?.[field]).filter((value) => value !== undefined));
	const ratio = (key) => median(runs.map((figures) => figures[key].genuine.perSecond / figures.webhook.genuine.perSecond));
	const cpuRatio = (key) => median(runs.map((figures) => figures[key].genuine.cpuMs / figures.webhook.genuine.cpuMs));
	return all.map((variant) => ({
		setting, variant,
		perSecond: pick(variant.key, 'genuine', 'perSecond'), cpuMs: pick(variant.key, 'genuine', 'cpuMs'),
		ratio: variant.key === 'webhook' ? undefined : ratio(variant.key),
		cpuRatio: variant.key === 'webhook' ? undefined : cpuRatio(variant.key),
		forgedPerSecond: variant.forged ? pick(variant.key, 'forged', 'perSecond') : undefined,
		forgedCpuMs: variant.forged ? pick(variant.key, 'forged', 'cpuMs') : undefined,
	}));
}

function table(rows) {
	const cell = (value, digits = 1) => (value === undefined ? '—' : value.toFixed(digits));
	return [
		'| n8n setting | Start node | Executions/s | × Webhook node | CPU ms / genuine post | CPU × Webhook node | Forged posts refused/s | CPU ms / forged post |',
		'|---|---|---:|---:|---:|---:|---:|---:|',
		...rows.map((row) => `| ${row.setting.label} | ${row.variant.label} | ${cell(row.perSecond)} | ${row.ratio === undefined ? '1 (reference)' : `${cell(row.ratio, 2)}×`} | ${cell(row.cpuMs)} | ${row.cpuRatio === undefined ? '1' : `${cell(row.cpuRatio, 2)}×`} | ${cell(row.forgedPerSecond)} | ${cell(row.forgedCpuMs)} |`),
	].join('\n');
}

async function main() {
	const unknown = SELECTED.filter((name) => !SETTINGS[name]);
	if (unknown.length > 0) throw new Error(`BENCH_SETTINGS: unknown ${unknown.join(', ')} (known: ${Object.keys(SETTINGS).join(', ')})`);
	const meta = await startCloudSimulator({ port: 0 });
	const baseEnv = { EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all', N8N_LOG_LEVEL: 'warn' };
	const first = { ...baseEnv, ...SETTINGS[SELECTED[0]].env };
	const env = await startEnvironment({ workflows: [], start: false, credentials: [{ ...CLOUD_CREDENTIAL, type: 'whatsAppCloudApi', data: meta.credentials() }], n8nEnv: first, log });
	env.baseEnv = baseEnv;
	try {
		const all = variants(meta);
		await env.n8n.importWorkflows(all.map((variant) => variant.wf));
		await env.n8n.start();
		await env.n8n.createApiKey('bench');
		for (const variant of all) await env.n8n.activate(variant.wf.id);
		const rows = [];
		for (const name of SELECTED) rows.push(...(await measureSetting(env, all, name)));
		const nodeVersion = execFileSync(env.install.nodeBin, ['--version'], { encoding: 'utf8' }).trim();
		const isolateMs = isolateCostMs(env.install);
		const byDefault = rows.filter((row) => row.setting === SETTINGS.default);
		const others = rows.filter((row) => row.setting !== SETTINGS.default);
		const markdown = [
			'## Trigger throughput',
			'',
			`Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'} (1-minute load average ${os.loadavg()[0].toFixed(1)} at the end; the machine was shared); n8n ${env.install.version} (regular mode, SQLite, executions saved) on Node ${nodeVersion}. Per start node: ${POSTS} genuine deliveries (unique events, real HMAC signatures), ${IN_FLIGHT} in flight, executions/s from the first post to the last execution's stoppedAt; then ${POSTS} forged posts (signed with another secret, all answered 401, none started an execution). CPU: the n8n process's user + system time (/proc/<pid>/stat) per post, including the execution of genuine ones. Median of ${RUNS} runs; each ratio is ours ÷ the Webhook node within the same run (same n8n process), median over the runs. On a shared machine the CPU columns are the steadier comparison: executions/s also moves with what else runs. Every start node → No Operation. Building and disposing one expression isolate (n8n's IsolatedVmBridge, measured alone in n8n's Node): ${isolateMs.toFixed(0)} ms CPU. Command: \`node bench/trigger-throughput.bench.js --write\`.`,
			'',
			table(byDefault),
			...(others.length > 0 ? ['', 'The same with the n8n settings that change what a webhook request costs (each a fresh start of the same n8n; see README "High-volume webhooks"):', '', table(others)] : []),
		].join('\n');
		log(`\n${markdown}`);
		if (process.argv.includes('--write')) writeSection(markdown);
	} finally {
		await env.stop();
		await meta.close();
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
