#!/usr/bin/env node
'use strict';
/**
 * `npm test`: everything CI checks, in order — lint, type check, build, jest (unit, contract, in-process
 * engine), the real-n8n e2e suite, then the queue-mode e2e suite (PostgreSQL, Redis, nginx, main + 2 workers +
 * 2 webhook processors; e2e/queue/) — and one closing line "N passed, N failed, N skipped" that adds jest's and
 * both e2e suites' counts (read from their summary files) to the lint/type check/build steps (one check each).
 * Every skipped case is listed with its reason just above that line; a missing prerequisite (chromium,
 * postgresql, redis-server, nginx) is reported at the start and the end, and fails the run under CI=true.
 * Exits non-zero when anything failed.
 *
 *   node scripts/test.js             all of it
 *   node scripts/test.js --no-e2e    without both e2e suites (counted as skipped)
 *   node scripts/test.js --no-queue  without the queue-mode suite (counted as skipped)
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const ROOT_DIR = path.resolve(__dirname, '..');
const SUMMARY_DIR = path.join(ROOT_DIR, 'test-artifacts');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(command, args, env = {}) {
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: ROOT_DIR, stdio: 'inherit', env: { ...process.env, ...env } });
		child.on('error', (error) => {
			process.stderr.write(`${command}: ${error.message}\n`);
			resolve(1);
		});
		child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}

function readSummary(file) {
	try {
		const summary = JSON.parse(fs.readFileSync(file, 'utf8'));
		return {
			passed: Number(summary.passed) || 0,
			failed: Number(summary.failed) || 0,
			skipped: Number(summary.skipped) || 0,
			skippedCases: Array.isArray(summary.skippedCases) ? summary.skippedCases : [],
		};
	} catch {
		return undefined;
	}
}

/** Prerequisites the e2e suites need from the machine (Debian packages; .ci/run installs them). */
function missingPrerequisites() {
	const { findChromium } = require('../e2e/lib/browser');
	const { queuePrerequisites } = require('../e2e/lib/services');
	const missing = queuePrerequisites();
	if (!findChromium()) missing.unshift({ name: 'chromium (editor checks)', apt: 'chromium' });
	return missing;
}

function reportMissing(missing) {
	if (missing.length === 0) return;
	const apt = [...new Set(missing.map((item) => item.apt))].join(' ');
	process.stdout.write(
		`\n!!! MISSING PREREQUISITES: ${missing.map((item) => item.name).join(', ')}\n` +
			`!!! the cases that need them are SKIPPED${process.env.CI ? ' — and fail under CI=true' : ''}; install with: sudo apt-get install -y ${apt}\n`,
	);
}

function banner(text) {
	process.stdout.write(`\n=== ${text} ===\n`);
}

async function main() {
	const started = Date.now();
	const withE2e = !process.argv.includes('--no-e2e');
	const withQueue = withE2e && !process.argv.includes('--no-queue');
	fs.mkdirSync(SUMMARY_DIR, { recursive: true });
	const missing = withE2e ? missingPrerequisites() : [];
	reportMissing(missing);
	const steps = [];
	const record = (name, counts, seconds, note = '') => steps.push({ name, skippedCases: [], ...counts, seconds, note });
	const timed = async (fn) => {
		const stepStarted = Date.now();
		const result = await fn();
		return { result, seconds: (Date.now() - stepStarted) / 1000 };
	};
	const check = async (name, command, args) => {
		banner(name);
		const { result, seconds } = await timed(() => run(command, args));
		record(name, result === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 }, seconds, result === 0 ? '' : `exit ${result}`);
		return result === 0;
	};

	await check('lint', npm, ['run', 'lint', '--silent']);
	await check('type check', npm, ['run', 'typecheck', '--silent']);
	const built = await check('build', npm, ['run', 'build', '--silent']);

	banner('jest (unit, contract, in-process engine)');
	const jestSummary = path.join(SUMMARY_DIR, 'jest-summary.json');
	fs.rmSync(jestSummary, { force: true });
	const jest = await timed(() => run(npx, ['jest', '--ci'], { TEST_SUMMARY_FILE: jestSummary }));
	const jestCounts = readSummary(jestSummary);
	if (jestCounts) {
		if (jest.result !== 0 && jestCounts.failed === 0) jestCounts.failed = 1; // jest failed outside any test
		record('jest', jestCounts, jest.seconds, jest.result === 0 ? '' : `exit ${jest.result}`);
	} else {
		record('jest', { passed: 0, failed: 1, skipped: 0 }, jest.seconds, `no summary (exit ${jest.result})`);
	}

	/** Runs one e2e runner (it writes its counts to a summary file) and records them. */
	const e2eSuite = async (name, title, script, reason) => {
		if (reason) {
			record(name, { passed: 0, failed: 0, skipped: 1, skippedCases: [{ name, reason }] }, 0, reason);
			return;
		}
		if (!built) {
			record(name, { passed: 0, failed: 1, skipped: 0 }, 0, 'not run: the build failed');
			return;
		}
		banner(title);
		const summaryFile = path.join(SUMMARY_DIR, `${name.replace(/\W+/g, '-')}-summary.json`);
		fs.rmSync(summaryFile, { force: true });
		const suite = await timed(() => run(process.execPath, [path.join(ROOT_DIR, ...script), '--no-build'], { E2E_SUMMARY_FILE: summaryFile }));
		const counts = readSummary(summaryFile);
		if (counts) {
			if (suite.result !== 0 && counts.failed === 0) counts.failed = 1;
			record(name, counts, suite.seconds, suite.result === 0 ? '' : `exit ${suite.result}`);
		} else {
			record(name, { passed: 0, failed: 1, skipped: 0 }, suite.seconds, `no summary (exit ${suite.result})`);
		}
	};
	await e2eSuite('e2e', 'e2e (real n8n)', ['e2e', 'run.js'], withE2e ? undefined : '--no-e2e');
	await e2eSuite('e2e queue', 'e2e queue mode (Postgres, Redis, nginx, 2 workers, 2 webhook processors)', ['e2e', 'queue', 'run.js'], withQueue ? undefined : process.argv.includes('--no-e2e') ? '--no-e2e' : '--no-queue');

	const total = steps.reduce(
		(sum, step) => ({ passed: sum.passed + step.passed, failed: sum.failed + step.failed, skipped: sum.skipped + step.skipped }),
		{ passed: 0, failed: 0, skipped: 0 },
	);
	banner('summary');
	for (const step of steps) {
		const counts = `${step.passed} passed, ${step.failed} failed, ${step.skipped} skipped`;
		process.stdout.write(`${step.failed > 0 ? 'FAIL' : 'ok  '} ${step.name.padEnd(11)} ${counts.padEnd(36)} ${step.seconds.toFixed(1).padStart(6)} s ${step.note}\n`);
	}
	process.stdout.write(`total time ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
	const skippedCases = steps.flatMap((step) => step.skippedCases.map((entry) => ({ ...entry, step: step.name })));
	if (skippedCases.length > 0) {
		process.stdout.write(`\n!!! ${skippedCases.length} SKIPPED:\n`);
		for (const entry of skippedCases) process.stdout.write(`!!!   [${entry.step}] ${entry.name}: ${entry.reason}\n`);
	}
	reportMissing(missing);
	process.stdout.write('\n');
	process.stdout.write(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
	return total.failed > 0 ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		process.stderr.write(`${error.stack}\n`);
		process.exit(1);
	},
);
