#!/usr/bin/env node
'use strict';
/**
 * `npm test`: everything CI checks, in order — lint, type check, build, jest (unit, contract, in-process
 * engine), then the real-n8n e2e suite — and one closing line "N passed, N failed, N skipped" that adds
 * jest's and e2e's counts (read from their summary files) to the lint/type check/build steps (one check each).
 * Exits non-zero when anything failed.
 *
 *   node scripts/test.js             all of it
 *   node scripts/test.js --no-e2e    without the e2e suite (counted as skipped)
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
		return { passed: Number(summary.passed) || 0, failed: Number(summary.failed) || 0, skipped: Number(summary.skipped) || 0 };
	} catch {
		return undefined;
	}
}

function banner(text) {
	process.stdout.write(`\n=== ${text} ===\n`);
}

async function main() {
	const started = Date.now();
	const withE2e = !process.argv.includes('--no-e2e');
	fs.mkdirSync(SUMMARY_DIR, { recursive: true });
	const steps = [];
	const record = (name, counts, seconds, note = '') => steps.push({ name, ...counts, seconds, note });
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

	if (!withE2e) {
		record('e2e', { passed: 0, failed: 0, skipped: 1 }, 0, '--no-e2e');
	} else if (!built) {
		record('e2e', { passed: 0, failed: 1, skipped: 0 }, 0, 'not run: the build failed');
	} else {
		banner('e2e (real n8n)');
		const e2eSummary = path.join(SUMMARY_DIR, 'e2e-summary.json');
		fs.rmSync(e2eSummary, { force: true });
		const e2e = await timed(() => run(process.execPath, [path.join(ROOT_DIR, 'e2e', 'run.js'), '--no-build'], { E2E_SUMMARY_FILE: e2eSummary }));
		const e2eCounts = readSummary(e2eSummary);
		if (e2eCounts) {
			if (e2e.result !== 0 && e2eCounts.failed === 0) e2eCounts.failed = 1;
			record('e2e', e2eCounts, e2e.seconds, e2e.result === 0 ? '' : `exit ${e2e.result}`);
		} else {
			record('e2e', { passed: 0, failed: 1, skipped: 0 }, e2e.seconds, `no summary (exit ${e2e.result})`);
		}
	}

	const total = steps.reduce(
		(sum, step) => ({ passed: sum.passed + step.passed, failed: sum.failed + step.failed, skipped: sum.skipped + step.skipped }),
		{ passed: 0, failed: 0, skipped: 0 },
	);
	banner('summary');
	for (const step of steps) {
		const counts = `${step.passed} passed, ${step.failed} failed, ${step.skipped} skipped`;
		process.stdout.write(`${step.failed > 0 ? 'FAIL' : 'ok  '} ${step.name.padEnd(11)} ${counts.padEnd(36)} ${step.seconds.toFixed(1).padStart(6)} s ${step.note}\n`);
	}
	process.stdout.write(`total time ${((Date.now() - started) / 1000).toFixed(1)} s\n\n`);
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
