#!/usr/bin/env node
/**
 * Reminder Template benchmark: 10,000 bookings through the node's execute() (the compiled node from dist/, the
 * same code n8n loads) and through its pure planner alone. n8n's own work (expression evaluation, workflow
 * bookkeeping) is not part of the figure: the fake context hands the node parameter values already resolved,
 * as n8n's getNodeParameter would return them.
 *
 *   node bench/reminder.bench.js            print the figures
 *   node bench/reminder.bench.js --write    also update the "Reminder Template" section of BENCHMARKS.md
 *
 * Needs `npm run build` first. Run with --expose-gc for a cleaner heap baseline (npm run bench may do so).
 */
const fs = require('node:fs');
const path = require('node:path');

const { writeSection } = require('./section');
const os = require('node:os');
const v8 = require('node:v8');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist', 'nodes', 'WhatsAppReminderTemplate');
const BOOKINGS = 10_000;
const RUNS = 5;

function load() {
	const nodeFile = path.join(DIST, 'WhatsAppReminderTemplate.node.js');
	if (!fs.existsSync(nodeFile)) {
		console.error(`Reminder Template benchmark: ${path.relative(ROOT, nodeFile)} is missing; run \`npm run build\` first.`);
		process.exit(1);
	}
	const { WhatsAppReminderTemplate } = require(nodeFile);
	const { planMessages } = require(path.join(DIST, 'logic', 'plan.js'));
	const { readBooking, readSettings } = require(path.join(DIST, 'input.js'));
	const { DateTime } = require('luxon');
	return { node: new WhatsAppReminderTemplate(), planMessages, readBooking, readSettings, DateTime };
}

const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'Europe/London'];
const NAMES = ['Ibu Siti Rahma', 'Budi Santoso', 'Pak Made Wirawan', 'dr. Putri Ayu', 'John Smith', 'Dewi Lestari'];
const SERVICES = ['Hair Spa', 'Creambath', 'Potong Rambut', 'Facial', 'Servis Berkala', 'Konsultasi Gigi'];

/** 10,000 bookings over the coming week, in four zones and two languages. */
function bookings(count) {
	const items = [];
	const base = Date.UTC(2026, 10, 23, 1, 0, 0);
	for (let index = 0; index < count; index++) {
		const start = new Date(base + (index % 672) * 15 * 60_000);
		items.push({
			json: {
				customerName: NAMES[index % NAMES.length],
				phone: `+62 812-${String(1000 + (index % 9000)).padStart(4, '0')}-${String(index % 10000).padStart(4, '0')}`,
				service: SERVICES[index % SERVICES.length],
				staff: index % 3 === 0 ? '' : 'Rina',
				startTime: index % 2 === 0 ? start.toISOString() : Math.floor(start.getTime() / 1000),
				durationMinutes: 30 + (index % 4) * 30,
				location: 'Jl. Kemang Raya No. 10, Jakarta',
				businessName: 'Salon Ayu',
				bookingId: `BK-${index}`,
				bookingLink: `https://book.example.com/b/BK-${index}`,
				timeZone: ZONES[index % ZONES.length],
				language: index % 5 === 0 ? 'en' : 'id-ID',
			},
		});
	}
	return items;
}

/** What n8n hands execute(): parameters already resolved per item (the defaults read $json.<field>). */
function fakeContext(items, parameters) {
	const fields = new Set([
		'customerName', 'phone', 'service', 'staff', 'startTime', 'durationMinutes', 'location', 'businessName',
		'bookingId', 'bookingLink', 'timeZone', 'language', 'previousStartTime', 'reviewLink',
	]);
	return {
		getInputData: () => items,
		getNode: () => ({ name: 'WhatsApp Reminder Template', type: 'n8n-nodes-whatsapp-multidevice.whatsAppReminderTemplate', typeVersion: 1, parameters: {} }),
		getTimezone: () => 'Asia/Jakarta',
		continueOnFail: () => false,
		getNodeParameter(name, itemIndex, fallback) {
			if (fields.has(name)) return items[itemIndex].json[name] ?? fallback;
			if (name === 'sendTimes.times') return parameters.sendTimes.times;
			if (name === 'extraVariables.variables') return [];
			return parameters[name] ?? fallback;
		},
	};
}

const SCENARIOS = {
	'built-in reminder, 24 h + 2 h, quiet hours': {
		kind: 'reminder',
		template: 'builtIn',
		sendTimes: { times: [{ amount: 24, unit: 'hours', relativeTo: 'beforeStart' }, { amount: 2, unit: 'hours', relativeTo: 'beforeStart' }] },
		options: { quietHours: 'later', pastMessages: 'mark', referenceTime: '2026-11-22T00:00:00Z' },
	},
	'custom template, sent now': {
		kind: 'confirmation',
		template: 'custom',
		customTemplate: 'Halo {{firstName}}, booking *{{service}}* di {{businessName}} {{date}} jam {{timeRange}} sudah terkonfirmasi. Kode {{bookingId}}.',
		sendTimes: { times: [] },
		options: { missingVariables: 'fallback', fallbackText: '-' },
	},
};

function gc() {
	if (typeof global.gc === 'function') global.gc();
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

async function measureNode(lib, items, parameters) {
	const context = fakeContext(items, parameters);
	await lib.node.execute.call(fakeContext(items.slice(0, 500), parameters)); // warm-up (JIT, zone caches)
	const times = [];
	const cpu = [];
	let heapDelta = 0;
	let heapAfter = 0;
	let messages = 0;
	for (let run = 0; run < RUNS; run++) {
		gc();
		const heapBefore = process.memoryUsage().heapUsed;
		const cpuBefore = process.cpuUsage();
		const started = process.hrtime.bigint();
		const [output] = await lib.node.execute.call(context);
		times.push(Number(process.hrtime.bigint() - started) / 1e6);
		const used = process.cpuUsage(cpuBefore);
		cpu.push((used.user + used.system) / 1000);
		const heapUsed = process.memoryUsage().heapUsed;
		heapDelta = Math.max(heapDelta, heapUsed - heapBefore);
		heapAfter = Math.max(heapAfter, heapUsed);
		messages = output.length;
	}
	return { ms: median(times), cpuMs: median(cpu), messages, heapDeltaMb: heapDelta / 1024 / 1024, heapAfterMb: heapAfter / 1024 / 1024 };
}

function measurePlanner(lib, items, parameters) {
	const context = fakeContext(items, parameters);
	const now = lib.DateTime.now();
	const inputs = items.map((_item, index) => [lib.readBooking(context, index), lib.readSettings(context, index, now)]);
	const cpu = [];
	for (let run = 0; run < RUNS; run++) {
		const before = process.cpuUsage();
		for (const [booking, settings] of inputs) lib.planMessages(booking, settings);
		const used = process.cpuUsage(before);
		cpu.push((used.user + used.system) / 1000);
	}
	return { cpuMs: median(cpu) };
}

async function run() {
	const lib = load();
	const items = bookings(BOOKINGS);
	const results = [];
	for (const [name, parameters] of Object.entries(SCENARIOS)) {
		const node = await measureNode(lib, items, parameters);
		const planner = measurePlanner(lib, items, parameters);
		results.push({ name, ...node, plannerCpuMs: planner.cpuMs });
	}
	const peakRssMb = process.resourceUsage().maxRSS / 1024;
	const loadAverage = os.loadavg()[0];
	const heap = v8.getHeapStatistics();
	return { results, peakRssMb, load: loadAverage, heapLimitMb: heap.heap_size_limit / 1024 / 1024 };
}

function format(report) {
	const lines = [
		`Reminder Template: ${BOOKINGS.toLocaleString('en-US')} bookings, median of ${RUNS} runs (Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0].model.trim()}, load ${report.load.toFixed(1)})`,
	];
	for (const result of report.results) {
		lines.push(
			`  ${result.name}: execute() ${result.ms.toFixed(1)} ms total, CPU ${result.cpuMs.toFixed(1)} ms = ${((result.cpuMs * 1000) / BOOKINGS).toFixed(1)} µs per booking, ` +
				`${result.messages.toLocaleString('en-US')} messages; planner alone ${result.plannerCpuMs.toFixed(1)} ms CPU; heap ${result.heapAfterMb.toFixed(1)} MB after the run (+${result.heapDeltaMb.toFixed(1)} MB, output held)`,
		);
	}
	lines.push(`  peak RSS of the benchmark process: ${report.peakRssMb.toFixed(0)} MB`);
	return lines.join('\n');
}

function markdown(report) {
	const rows = report.results.map(
		(result) =>
			`| ${result.name} | ${result.ms.toFixed(1)} ms | ${result.cpuMs.toFixed(1)} ms | ${((result.cpuMs * 1000) / BOOKINGS).toFixed(1)} µs | ${result.messages.toLocaleString('en-US')} | ${result.plannerCpuMs.toFixed(1)} ms | ${result.heapAfterMb.toFixed(1)} MB (+${result.heapDeltaMb.toFixed(1)} MB) |`,
	);
	return [
		'## Reminder Template',
		'',
		`\`node --expose-gc bench/reminder.bench.js\` — ${BOOKINGS.toLocaleString('en-US')} bookings (4 time zones, Indonesian and English) through the compiled node's \`execute()\` with parameters already resolved (n8n's expression evaluation excluded), median of ${RUNS} runs; CPU is user + system time of the process (stable when the machine is busy, wall time is not); "planner" is the pure per-booking function alone. Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0].model.trim()}, 1-minute load average ${report.load.toFixed(1)} while measuring, ${new Date().toISOString().slice(0, 10)}.`,
		'',
		'| Scenario | Total (wall) | CPU | CPU per booking | Messages | Planner alone (CPU) | Heap after run (growth; output held) |',
		'|---|---|---|---|---|---|---|',
		...rows,
		'',
		`Peak RSS of the benchmark process: ${report.peakRssMb.toFixed(0)} MB.`,
		'',
	].join('\n');
}

module.exports = { run, format, markdown };

if (require.main === module) {
	run()
		.then((report) => {
			console.log(format(report));
			if (process.argv.includes('--write')) {
				writeSection(markdown(report));
				console.log('BENCHMARKS.md: Reminder Template section updated');
			}
		})
		.catch((error) => {
			console.error(error);
			process.exit(1);
		});
}
