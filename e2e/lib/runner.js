'use strict';
/**
 * A tiny sequential test runner for e2e cases: prints each case as it ends, then
 * "e2e: N passed, N failed, N skipped" and the total duration. Cases run one after another against
 * shared fixtures (one n8n, one simulator), so a case may clear and read the simulator's record freely.
 */

const fs = require('node:fs');
const path = require('node:path');

class SkipCase extends Error {
	constructor(reason) {
		super(reason);
		this.name = 'SkipCase';
	}
}

function formatSeconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

function indent(text, prefix = '    ') {
	return String(text)
		.split('\n')
		.map((line) => prefix + line)
		.join('\n');
}

async function withTimeout(promise, ms, label) {
	let timer;
	const timeout = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${label} timed out after ${formatSeconds(ms)}`)), ms);
	});
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

/**
 * Runs cases ({ name, run(ctx), skip?, timeoutMs? }) one by one.
 * makeContext(testCase) builds the per-case context; afterCase(testCase, result) may collect artifacts.
 */
async function runCases(cases, { makeContext, afterCase, write = (line) => process.stdout.write(`${line}\n`) } = {}) {
	const results = [];
	for (const testCase of cases) {
		const started = Date.now();
		let status = 'passed';
		let error;
		if (testCase.skip) {
			status = 'skipped';
			error = new SkipCase(typeof testCase.skip === 'string' ? testCase.skip : 'skipped');
		} else {
			try {
				const context = makeContext ? await makeContext(testCase) : {};
				await withTimeout(Promise.resolve().then(() => testCase.run(context)), testCase.timeoutMs ?? 90_000, testCase.name);
			} catch (caught) {
				error = caught;
				status = caught instanceof SkipCase ? 'skipped' : 'failed';
			}
		}
		const ms = Date.now() - started;
		const result = { name: testCase.name, status, ms, error };
		results.push(result);
		if (afterCase) await afterCase(testCase, result);
		const mark = status === 'passed' ? 'ok  ' : status === 'skipped' ? 'skip' : 'FAIL';
		write(`${mark} ${testCase.name} (${formatSeconds(ms)})`);
		if (status === 'skipped') write(indent(`reason: ${error.message}`));
		if (status === 'failed') write(indent(error && error.stack ? error.stack : String(error)));
	}
	return results;
}

/** Counts, plus the name and reason of every skipped case (so `npm test` can show them above its closing line). */
function countResults(results) {
	const skipped = results.filter((result) => result.status === 'skipped');
	return {
		passed: results.filter((result) => result.status === 'passed').length,
		failed: results.filter((result) => result.status === 'failed').length,
		skipped: skipped.length,
		skippedCases: skipped.map((result) => ({ name: result.name, reason: result.error?.message ?? 'skipped' })),
	};
}

/**
 * The cases exported (alone or in a list) by the .js files of a folder, in file order, then by `order` (higher runs
 * later, e.g. the browser check that adds a workflow through the editor).
 */
function loadCases(casesDir) {
	const cases = [];
	for (const file of fs.readdirSync(casesDir).filter((name) => name.endsWith('.js')).sort()) {
		const exported = require(path.join(casesDir, file));
		for (const testCase of Array.isArray(exported) ? exported : [exported]) {
			cases.push({ ...testCase, file, workflows: testCase.workflows ?? [] });
		}
	}
	return cases.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
}

/**
 * The cases of a folder selected by a runner's arguments (words = name filters); with `--list` prints them instead.
 * Returns { cases, args, listed }.
 */
function selectCases(casesDir, argv = process.argv.slice(2)) {
	const filters = argv.filter((arg) => !arg.startsWith('--')).map((arg) => arg.toLowerCase());
	let cases = loadCases(casesDir);
	if (filters.length > 0) cases = cases.filter((testCase) => filters.some((filter) => testCase.name.toLowerCase().includes(filter)));
	const listed = argv.includes('--list');
	if (listed) for (const testCase of cases) process.stdout.write(`${testCase.file}: ${testCase.name}\n`);
	return { cases, args: argv, listed };
}

/** Writes the counts (and duration) as JSON to $E2E_SUMMARY_FILE when set (read by `npm test`). */
function writeSummary(counts, seconds) {
	const file = process.env.E2E_SUMMARY_FILE;
	if (!file) return;
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, JSON.stringify({ ...counts, seconds }));
}

/** A file-name-safe form of a case name. */
function slug(text) {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60);
}

/** A `time(label, fn)` that records how long each labelled step took into `timings` (seconds). */
function stepTimer(timings) {
	return async (label, fn) => {
		const started = Date.now();
		try {
			return await fn();
		} finally {
			timings[label] = (Date.now() - started) / 1000;
		}
	};
}

/** Polls `read()` every 200 ms until `check(value)` holds or `timeoutMs` passed; returns the last value read. */
async function eventually(read, check, timeoutMs = 20_000) {
	const started = Date.now();
	let value = await read();
	while (!check(value) && Date.now() - started < timeoutMs) {
		await new Promise((resolve) => setTimeout(resolve, 200));
		value = await read();
	}
	return value;
}

module.exports = { runCases, countResults, SkipCase, formatSeconds, loadCases, selectCases, writeSummary, slug, stepTimer, eventually };
