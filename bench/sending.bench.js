#!/usr/bin/env node
/**
 * Bulk-sending benchmark in a real n8n 2.41.1 against the GOWA simulator (issue 7).
 *
 * Same workflow shape for every sender: Manual Trigger → Code node making N items → sender, run with
 * `n8n execute --id`. Senders: our node at its default, with Parallel Requests 20, and sequential (1); n8n's own HTTP
 * Request node (v4.2) with default options, with Batching (50 per 1000 ms) and behind Loop Over Items (batch 1).
 * Figures per simulator latency (0 and 50 ms): median of 3 runs of the execution's stoppedAt − startedAt, requests
 * received, peak requests in flight, and the ratio ours / HTTP Request in the same run set.
 * Also: a real pacing run (20 sends at 600/min), a retry run (30 % of requests fail with 500/429) and the peak RSS
 * of the n8n process for 10,000 items, ours and the HTTP Request node's.
 * Where the time goes, per run: bench/lib/eventLoopProbe.js is preloaded into the n8n processes (event-loop
 * utilisation, CPU, each outgoing request's phases); the simulator stamps each request's arrival and answer.
 *
 *   node bench/sending.bench.js [--write]        --write updates the "Bulk sending" section of BENCHMARKS.md
 *   BENCH_ITEMS=1000 BENCH_RUNS=3 BENCH_LATENCIES=0,50 BENCH_MEMORY_ITEMS=10000   (defaults)
 *   BENCH_QUICK=1                                  a short smoke run (100 items, 1 run, latency 0 and 50)
 *   BENCH_ONLY=ours20,httpDefault                  only these senders, no report (e.g. to profile one with
 *   BENCH_N8N_NODE_OPTIONS='--cpu-prof --cpu-prof-dir=/tmp/prof'  passed to the n8n processes)
 *   N8N_EXPRESSION_ENGINE=legacy                   passed to n8n (its default in 2.41 is 'vm', an isolate per expression)
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { startEnvironment } = require('../e2e/lib/environment');
const { CREDENTIALS, GOWA } = require('../e2e/lib/fixtures');
const { machineLine, median, writeSection } = require('./section');

const ROOT = path.join(__dirname, '..');
const QUICK = process.env.BENCH_QUICK === '1';
const ITEMS = Number(process.env.BENCH_ITEMS ?? (QUICK ? 100 : 1000));
const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 1 : 3));
const LATENCIES = (process.env.BENCH_LATENCIES ?? '0,50').split(',').map(Number);
const MEMORY_ITEMS = Number(process.env.BENCH_MEMORY_ITEMS ?? (QUICK ? 1000 : 10000));
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const BASIC_AUTH_CREDENTIAL = { id: 'benchBasicAuth01', name: 'GOWA basic auth (HTTP Request)' };

const log = (line) => process.stdout.write(`${line}\n`);
const PROBE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-probe-'));
const PROBE = path.join(__dirname, 'lib', 'eventLoopProbe.js');

// --- workflows -------------------------------------------------------------------------------------------------

function node(name, type, typeVersion, parameters, position, extra = {}) {
	return { id: `${name.replace(/\W/g, '').toLowerCase()}-${Math.random().toString(16).slice(2, 10)}`, name, type, typeVersion, position, parameters, ...extra };
}

function makeItemsNode(count) {
	return node('Make Items', 'n8n-nodes-base.code', 2, {
		jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: { phone: '62812' + String(1000000 + i), text: 'Booking reminder #' + i } }));`,
	}, [220, 0]);
}

function oursNode(sending) {
	return node('WhatsApp MultiDevice', 'n8n-nodes-whatsapp-multidevice.whatsAppMultiDevice', 1, {
		resource: 'send',
		operation: 'text',
		recipient: '={{ $json.phone }}',
		message: '={{ $json.text }}',
		options: {},
		sending,
	}, [440, 0], { credentials: { whatsAppMultiDeviceApi: CREDENTIALS.gowa } });
}

function httpNode(simUrl, options = {}) {
	return node('HTTP Request', 'n8n-nodes-base.httpRequest', 4.2, {
		method: 'POST',
		url: `${simUrl}/send/message`,
		authentication: 'genericCredentialType',
		genericAuthType: 'httpBasicAuth',
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'X-Device-Id', value: GOWA.deviceId }] },
		sendBody: true,
		specifyBody: 'json',
		jsonBody: '={{ JSON.stringify({ phone: $json.phone, message: $json.text }) }}',
		options,
	}, [660, 0], { credentials: { httpBasicAuth: BASIC_AUTH_CREDENTIAL } });
}

function workflow(id, name, nodes, connections) {
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

function linear(id, name, count, sender) {
	const trigger = node('Manual', 'n8n-nodes-base.manualTrigger', 1, {}, [0, 0]);
	const make = makeItemsNode(count);
	return workflow(id, name, [trigger, make, sender], {
		Manual: { main: [[{ node: make.name, type: 'main', index: 0 }]] },
		[make.name]: { main: [[{ node: sender.name, type: 'main', index: 0 }]] },
	});
}

function loopOverItems(id, name, count, simUrl) {
	const trigger = node('Manual', 'n8n-nodes-base.manualTrigger', 1, {}, [0, 0]);
	const make = makeItemsNode(count);
	const loop = node('Loop Over Items', 'n8n-nodes-base.splitInBatches', 3, { batchSize: 1, options: {} }, [440, 0]);
	const http = httpNode(simUrl);
	return workflow(id, name, [trigger, make, loop, http], {
		Manual: { main: [[{ node: make.name, type: 'main', index: 0 }]] },
		[make.name]: { main: [[{ node: loop.name, type: 'main', index: 0 }]] },
		[loop.name]: { main: [[], [{ node: http.name, type: 'main', index: 0 }]] },
		[http.name]: { main: [[{ node: loop.name, type: 'main', index: 0 }]] },
	});
}

function variants(simUrl) {
	return [
		{ key: 'oursDefault', label: 'WhatsApp MultiDevice, default (Parallel Requests 5)', wf: linear('benchOursDefault', 'bench ours default', ITEMS, oursNode({})), pool: 5 },
		{ key: 'ours20', label: 'WhatsApp MultiDevice, Parallel Requests 20', wf: linear('benchOursParal20', 'bench ours 20', ITEMS, oursNode({ parallelRequests: 20 })), pool: 20 },
		{ key: 'ours20Streaming', label: 'WhatsApp MultiDevice, Parallel Requests 20, Check All Items First off', wf: linear('benchOursStream1', 'bench ours 20 streaming', ITEMS, oursNode({ parallelRequests: 20, checkAllItemsFirst: false })), pool: 20 },
		{ key: 'ours1', label: 'WhatsApp MultiDevice, sequential (Parallel Requests 1)', wf: linear('benchOursSequent', 'bench ours 1', ITEMS, oursNode({ parallelRequests: 1 })), pool: 1 },
		{ key: 'httpDefault', label: 'HTTP Request v4.2, default options', wf: linear('benchHttpDefault', 'bench http default', ITEMS, httpNode(simUrl)) },
		{ key: 'httpBatching', label: 'HTTP Request v4.2, Batching 50 / 1000 ms', wf: linear('benchHttpBatching', 'bench http batching', ITEMS, httpNode(simUrl, { batching: { batch: { batchSize: 50, batchInterval: 1000 } } })) },
		{ key: 'httpLoop', label: 'HTTP Request v4.2 behind Loop Over Items (batch 1)', wf: loopOverItems('benchHttpLoopOne', 'bench http loop', ITEMS, simUrl) },
	];
}

// --- measuring -------------------------------------------------------------------------------------------------

/** Polls /proc for the `n8n execute --id=<id>` process and keeps its peak RSS (VmHWM, kB). */
function watchPeakRss(workflowId) {
	let peakKb = 0;
	const needle = `--id=${workflowId}`;
	const timer = setInterval(() => {
		for (const pid of fs.readdirSync('/proc')) {
			if (!/^\d+$/.test(pid)) continue;
			try {
				const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
				if (!cmdline.includes(needle) || !cmdline.includes('execute')) continue;
				const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
				if (match) peakKb = Math.max(peakKb, Number(match[1]));
			} catch {
				// the process ended between listing and reading
			}
		}
	}, 50);
	return () => {
		clearInterval(timer);
		return peakKb;
	};
}

function outputOf(irun, nodeName) {
	const runs = irun?.data?.resultData?.runData?.[nodeName] ?? [];
	return runs.flatMap((run) => run?.data?.main?.[0] ?? []);
}

/** Epoch milliseconds of a simulator time (performance.now() of this process). */
const epochOf = (monotonic) => performance.timeOrigin + monotonic;

/**
 * What bench/lib/eventLoopProbe.js noted in the `n8n execute` process: event-loop utilisation samples and the phases
 * of its outgoing HTTP requests.
 */
function probeOfExecute() {
	for (const file of fs.readdirSync(PROBE_DIR).filter((name) => name.endsWith('.jsonl'))) {
		const samples = fs.readFileSync(path.join(PROBE_DIR, file), 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
		if (!samples.some((sample) => sample.argv.startsWith('execute'))) continue;
		const httpFile = path.join(PROBE_DIR, file.replace(/\.jsonl$/, '.http.json'));
		return { samples, requests: fs.existsSync(httpFile) ? JSON.parse(fs.readFileSync(httpFile, 'utf8')) : [] };
	}
	return { samples: [], requests: [] };
}

/**
 * Where one run's time went: the sender node's start to its first request (reading and validating every item),
 * the sending window (first request to last answer), n8n's event-loop utilisation and CPU in that window, the
 * simulator's own delay beyond its latency, and (for a fixed pool) the median turnaround: from an answer leaving the
 * simulator to the request that took its slot arriving.
 */
function timeline(env, irun, senderName, pool) {
	const sends = env.sim.requests.filter((r) => r.path === '/send/message' && r.response?.sentAt !== undefined);
	if (sends.length === 0) return undefined;
	const arrivals = sends.map((r) => epochOf(r.arrivedAt)).sort((a, b) => a - b);
	const answers = sends.map((r) => epochOf(r.response.sentAt)).sort((a, b) => a - b);
	const nodeRun = irun?.data?.resultData?.runData?.[senderName]?.[0];
	const first = arrivals[0];
	const last = answers[answers.length - 1];
	const probe = probeOfExecute();
	const inWindow = probe.samples.filter((sample) => sample.t > first + 100 && sample.t <= last);
	const requests = probe.requests.filter((request) => request.read !== undefined);
	const serverMs = median(sends.map((r) => r.response.sentAt - r.arrivedAt));
	const windowMs = inWindow.length * 100;
	const turnarounds = pool ? arrivals.slice(pool).map((arrival, k) => arrival - answers[k]) : [];
	return {
		beforeFirstMs: nodeRun ? first - nodeRun.startTime : undefined,
		sendWindowMs: last - first,
		elu: inWindow.length > 0 ? inWindow.reduce((sum, sample) => sum + sample.elu, 0) / inWindow.length : undefined,
		cpuShare: windowMs > 0 ? inWindow.reduce((sum, sample) => sum + sample.cpuMs, 0) / windowMs : undefined,
		simulatorLagMs: serverMs - env.sim.latencyMs,
		turnaroundMs: turnarounds.length > 0 ? median(turnarounds) : undefined,
		// n8n's side of each request: from its start to the last byte written, and from then to the answer's headers
		// beyond what the simulator took (transit plus waiting for n8n's event loop).
		writeMs: requests.length > 0 ? median(requests.map((r) => r.written - r.start)) : undefined,
		answerWaitMs: requests.length > 0 ? median(requests.map((r) => r.answered - r.written)) - serverMs : undefined,
	};
}

async function runOnce(env, variant, { watchMemory = false } = {}) {
	env.sim.clearRequests();
	env.sim.resetStats();
	for (const file of fs.readdirSync(PROBE_DIR)) fs.rmSync(path.join(PROBE_DIR, file), { force: true });
	const stopWatch = watchMemory ? watchPeakRss(variant.wf.id) : () => 0;
	const result = await env.n8n.execute(variant.wf.id);
	const peakRssKb = stopWatch();
	if (!result.irun) throw new Error(`${variant.label}: no run JSON (exit ${result.code})\n${(result.stdout + result.stderr).slice(-2000)}`);
	if (!result.ok) throw new Error(`${variant.label}: the execution failed: ${JSON.stringify(result.run?.error ?? result.run?.status).slice(0, 500)}`);
	const ms = Date.parse(result.irun.stoppedAt) - Date.parse(result.irun.startedAt);
	const stats = env.sim.stats;
	const senderName = variant.wf.nodes[variant.wf.nodes.length - 1].name;
	return { ms, received: stats.received, peakInFlight: stats.peakInFlight, peakRssKb, irun: result.irun, requests: [...env.sim.requests], timeline: timeline(env, result.irun, senderName, variant.pool) };
}

const fixed = (value, digits, unit = '') => (value === undefined || Number.isNaN(value) ? '—' : `${value.toFixed(digits)}${unit}`);

function describeTimeline(t) {
	if (t === undefined) return '';
	return ` · before first request ${fixed(t.beforeFirstMs / 1000, 2, ' s')}, sending ${fixed(t.sendWindowMs / 1000, 2, ' s')}, n8n event loop busy ${fixed(t.elu * 100, 0, ' %')} (CPU ${fixed(t.cpuShare * 100, 0, ' %')}), simulator lag ${fixed(t.simulatorLagMs, 1, ' ms')}, turnaround ${fixed(t.turnaroundMs, 1, ' ms')}, request start→written ${fixed(t.writeMs, 1, ' ms')}, answer seen after ${fixed(t.answerWaitMs, 1, ' ms')} beyond the simulator's time`;
}

/** The median of each timeline figure over the runs. */
function medianTimeline(timelines) {
	const present = timelines.filter((t) => t !== undefined);
	if (present.length === 0) return undefined;
	const result = {};
	for (const key of Object.keys(present[0])) {
		const values = present.map((t) => t[key]).filter((value) => value !== undefined && !Number.isNaN(value));
		result[key] = values.length > 0 ? median(values) : undefined;
	}
	return result;
}

// --- report ----------------------------------------------------------------------------------------------------


async function main() {
	const write = process.argv.includes('--write');
	const started = Date.now();
	const env = await startEnvironment({
		workflows: [],
		start: false,
		credentials: [{ ...BASIC_AUTH_CREDENTIAL, type: 'httpBasicAuth', data: { user: GOWA.username, password: GOWA.password } }],
		simulator: { validate: false, validateSpec: false },
		n8nEnv: {
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none',
			EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'false',
			NODE_OPTIONS: `--require ${PROBE} ${process.env.BENCH_N8N_NODE_OPTIONS ?? ''}`.trim(),
			BENCH_PROBE_DIR: PROBE_DIR,
			...(process.env.N8N_EXPRESSION_ENGINE ? { N8N_EXPRESSION_ENGINE: process.env.N8N_EXPRESSION_ENGINE } : {}),
		},
		log,
	});
	const lines = [];
	try {
		const all = variants(env.sim.url).filter((variant) => ONLY.length === 0 || ONLY.includes(variant.key));
		const memoryVariant = { key: 'memory', label: `WhatsApp MultiDevice, default, ${MEMORY_ITEMS} items`, wf: linear('benchOursMemory1', 'bench memory', MEMORY_ITEMS, oursNode({})) };
		const httpMemoryVariant = { key: 'httpMemory', label: `HTTP Request v4.2, default options, ${MEMORY_ITEMS} items`, wf: linear('benchHttpMemory1', 'bench http memory', MEMORY_ITEMS, httpNode(env.sim.url)) };
		const pacingVariant = { key: 'pacing', label: '20 sends at 600/min', wf: linear('benchOursPacing1', 'bench pacing', 20, oursNode({ messagesPerMinute: 600 })) };
		const retryVariant = { key: 'retry', label: `${ITEMS} sends, 30 % failures`, wf: linear('benchOursRetries', 'bench retries', ITEMS, oursNode({ maxAttempts: 10, baseDelayMs: 20 })) };
		await env.n8n.importWorkflows([...all.map((variant) => variant.wf), memoryVariant.wf, httpMemoryVariant.wf, pacingVariant.wf, retryVariant.wf]);

		const table = [];
		for (const latency of LATENCIES) {
			env.sim.setLatency(latency);
			const results = {};
			for (const variant of all) {
				const runs = [];
				for (let run = 0; run < RUNS; run++) {
					const outcome = await runOnce(env, variant);
					runs.push(outcome);
					log(`latency ${latency} ms · ${variant.label} · run ${run + 1}: ${(outcome.ms / 1000).toFixed(2)} s, ${outcome.received} requests, peak in flight ${outcome.peakInFlight}${describeTimeline(outcome.timeline)}`);
					if (outcome.received < ITEMS) throw new Error(`${variant.label}: only ${outcome.received} of ${ITEMS} requests arrived`);
				}
				results[variant.key] = {
					timeline: medianTimeline(runs.map((r) => r.timeline)),
					ms: median(runs.map((r) => r.ms)),
					received: median(runs.map((r) => r.received)),
					peakInFlight: Math.max(...runs.map((r) => r.peakInFlight)),
				};
			}
			table.push({ latency, results });
		}
		env.sim.setLatency(0);
		if (ONLY.length > 0) return;

		// Pacing: 20 sends at 600/min should take 19 intervals of 100 ms.
		const pacing = await runOnce(env, pacingVariant);
		const times = pacing.requests.filter((r) => r.path === '/send/message').map((r) => Date.parse(r.time)).sort((a, b) => a - b);
		const gaps = times.slice(1).map((t, i) => t - times[i]);
		const pacingSpan = times[times.length - 1] - times[0];

		// Retries: 30 % of requests fail with 500/429; every message must be delivered exactly once.
		env.sim.setFailureRate({ rate: 0.3, statuses: [500, 429], seed: 2026, paths: ['/send/message'] });
		const retry = await runOnce(env, retryVariant);
		env.sim.setFailureRate({ rate: 0 });
		const delivered = new Map();
		for (const request of retry.requests) {
			if (request.path !== '/send/message' || request.response?.status !== 200) continue;
			const phone = request.json?.phone ?? JSON.parse(request.rawBody.toString('utf8')).phone;
			delivered.set(phone, (delivered.get(phone) ?? 0) + 1);
		}
		const retryItems = outputOf(retry.irun, 'WhatsApp MultiDevice');
		const attempts = retryItems.map((item) => Number(item.json.attempts));
		const histogram = {};
		for (const count of attempts) histogram[count] = (histogram[count] ?? 0) + 1;
		const duplicates = [...delivered.values()].filter((count) => count > 1).length;
		const allSent = retryItems.length === ITEMS && retryItems.every((item) => item.json.status === 'sent');

		// Memory: peak RSS of the `n8n execute` process for MEMORY_ITEMS items, ours and the HTTP Request node (median of RUNS).
		const memoryRuns = [];
		const httpMemoryRuns = [];
		for (let run = 0; run < RUNS; run++) {
			memoryRuns.push(await runOnce(env, memoryVariant, { watchMemory: true }));
			httpMemoryRuns.push(await runOnce(env, httpMemoryVariant, { watchMemory: true }));
			log(`memory · run ${run + 1}: ours ${(memoryRuns[run].peakRssKb / 1024).toFixed(0)} MB, HTTP Request ${(httpMemoryRuns[run].peakRssKb / 1024).toFixed(0)} MB`);
		}
		const memory = { peakRssKb: median(memoryRuns.map((r) => r.peakRssKb)), ms: median(memoryRuns.map((r) => r.ms)), received: median(memoryRuns.map((r) => r.received)) };
		const httpMemory = { peakRssKb: median(httpMemoryRuns.map((r) => r.peakRssKb)), ms: median(httpMemoryRuns.map((r) => r.ms)) };

		// --- report ---
		lines.push(`Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine(env.install)}; 1-minute load average ${os.loadavg()[0].toFixed(1)} at the end.`);
		lines.push(`Every figure is the execution's \`stoppedAt − startedAt\` from \`n8n execute --id\` (median of ${RUNS}); the GOWA simulator ran in the benchmark process with request validation off and a fixed latency per request. Command: \`npm run bench\` (\`node bench/sending.bench.js --write\`).`);
		lines.push('');
		lines.push(`### ${ITEMS} text sends: Manual Trigger → Code (${ITEMS} items) → sender`);
		lines.push('');
		for (const { latency, results } of table) {
			const anchor = results.httpDefault.ms;
			const loopAnchor = results.httpLoop.ms;
			lines.push(`**Simulator latency ${latency} ms**`);
			lines.push('');
			lines.push('| Sender | Wall time | Requests received | Peak in flight | Ours / HTTP Request default | Ours / Loop Over Items | Before the first request | Sending (first request → last answer) | n8n event loop busy while sending | Slot turnaround |');
			lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
			for (const variant of all) {
				const r = results[variant.key];
				const ours = variant.key.startsWith('ours');
				const t = r.timeline ?? {};
				lines.push(`| ${variant.label} | ${(r.ms / 1000).toFixed(2)} s | ${r.received} | ${r.peakInFlight} | ${ours ? (r.ms / anchor).toFixed(2) + '×' : '—'} | ${ours ? (r.ms / loopAnchor).toFixed(2) + '×' : '—'} | ${fixed(t.beforeFirstMs / 1000, 2, ' s')} | ${fixed(t.sendWindowMs / 1000, 2, ' s')} | ${fixed(t.elu * 100, 0, ' %')} | ${ours ? fixed(t.turnaroundMs, 1, ' ms') : '—'} |`);
			}
			lines.push('');
			const atZero = table.find((entry) => entry.latency === 0)?.results.ours20;
			// The bound of a pool of P slots at latency L: P / L per second, or the node's own CPU-bound rate (its 0 ms time).
			const boundMs = Math.max((ITEMS * latency) / 20, atZero?.ms ?? 0);
			const ofBound = latency > 0 && atZero ? `; Parallel Requests 20 reaches **${((boundMs / results.ours20.ms) * 100).toFixed(0)} %** of its bound (max(${ITEMS} × ${latency} ms / 20, its own 0 ms time) = ${(boundMs / 1000).toFixed(2)} s)` : '';
			lines.push(`Targets: Parallel Requests 20 ≤ 0.8× HTTP Request default → **${(results.ours20.ms / anchor).toFixed(2)}×**; sequential ≤ 1.0× Loop Over Items → **${(results.ours1.ms / loopAnchor).toFixed(2)}×**${ofBound}.`);
			lines.push('');
		}
		lines.push('### Pacing, retries, memory');
		lines.push('');
		lines.push(`- **Pacing** (Messages per Minute 600, 20 sends, real clock): first to last request ${(pacingSpan / 1000).toFixed(2)} s for 19 intervals (ideal 1.90 s, ${((pacingSpan / 1900 - 1) * 100).toFixed(1)} %); gaps min ${Math.min(...gaps)} ms, median ${median(gaps)} ms. Exact figures for 120 sends at 60/min are asserted with a simulated clock in \`test/nodes/shared/delivery.test.ts\` (119 s between first and last send).`);
		lines.push(`- **Retries** (${ITEMS} sends, simulator failing 30 % of requests with 500/429, Max Attempts 10, base delay 20 ms): ${retry.received} requests for ${ITEMS} messages; ${delivered.size} phones received exactly ${duplicates === 0 ? 'one' : 'more than one'} message each (duplicates: ${duplicates}); every item \`status: sent\`: ${allSent ? 'yes' : 'NO'}. Attempts per item: ${Object.entries(histogram).map(([n, c]) => `${n} attempt${n === '1' ? '' : 's'}: ${c}`).join(', ')}. Wall time ${(retry.ms / 1000).toFixed(2)} s.`);
		lines.push(`- **Memory** (median of ${RUNS}): peak RSS of the \`n8n execute\` process sending ${MEMORY_ITEMS} items with the default settings: **${(memory.peakRssKb / 1024).toFixed(0)} MB** (wall time ${(memory.ms / 1000).toFixed(1)} s, ${memory.received} requests); the HTTP Request node in the same run: ${(httpMemory.peakRssKb / 1024).toFixed(0)} MB (wall time ${(httpMemory.ms / 1000).toFixed(1)} s) → **${(memory.peakRssKb / httpMemory.peakRssKb).toFixed(2)}×** (target ≤ 1.0×).`);
		lines.push('');
		lines.push('**Reading the trade-off.** Parallel Requests sets how many sends are in flight against one GOWA server; the default 5 keeps bursts small while still far ahead of one-at-a-time sending. WhatsApp bans numbers that burst to new contacts: for promotions set Messages per Minute (e.g. 20–30) and a Random Extra Delay — pacing then dominates the wall time, not the node.');
		log('');
		log(lines.join('\n'));
		if (write) writeSection(`## Bulk sending (WhatsApp MultiDevice)\n\n${lines.join('\n').trim()}\n`);
		log(`\nbenchmark finished in ${((Date.now() - started) / 1000).toFixed(0)} s${write ? ' — BENCHMARKS.md updated' : ''}`);
		if (!allSent || duplicates > 0) process.exitCode = 1;
	} finally {
		await env.stop();
		fs.rmSync(PROBE_DIR, { recursive: true, force: true });
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
