/**
 * Preloaded into the n8n processes of a benchmark (`NODE_OPTIONS=--require …/eventLoopProbe.js`, with
 * BENCH_PROBE_DIR set): every 100 ms it appends the event-loop utilisation of the last interval and the process's
 * CPU time to `<BENCH_PROBE_DIR>/<pid>.jsonl`, so the benchmark can tell a busy n8n from one waiting on the network.
 * It also notes the phases of each outgoing HTTP request (started, written, answered, read) in `<pid>.http.json`.
 * Wall-clock times (Date.now()) let the benchmark line the samples up with the simulator's request times.
 */
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const dir = process.env.BENCH_PROBE_DIR;
if (dir) {
	const file = path.join(dir, `${process.pid}.jsonl`);
	let last = performance.eventLoopUtilization();
	let lastCpu = process.cpuUsage();
	const sample = () => {
		const now = performance.eventLoopUtilization();
		const cpu = process.cpuUsage();
		const delta = performance.eventLoopUtilization(now, last);
		const line = { t: Date.now(), elu: delta.utilization, activeMs: delta.active, cpuMs: (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000, argv: process.argv.slice(2, 4).join(' ') };
		last = now;
		lastCpu = cpu;
		try {
			fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
		} catch {
			// the directory is gone: the benchmark ended
		}
	};
	setInterval(sample, 100).unref();
	process.on('exit', sample);
}

// Each outgoing HTTP request's phases (Node's diagnostics channel): started, written, answer headers, answer read.
if (dir) {
	const channels = require('node:diagnostics_channel');
	const requests = [];
	channels.subscribe('http.client.request.start', ({ request }) => {
		const row = { start: performance.timeOrigin + performance.now() };
		requests.push(row);
		request.once('finish', () => {
			row.written = performance.timeOrigin + performance.now();
		});
		request.once('response', (response) => {
			row.answered = performance.timeOrigin + performance.now();
			response.once('end', () => {
				row.read = performance.timeOrigin + performance.now();
			});
		});
	});
	process.on('exit', () => {
		if (requests.length > 0) fs.writeFileSync(path.join(dir, `${process.pid}.http.json`), JSON.stringify(requests));
	});
}
