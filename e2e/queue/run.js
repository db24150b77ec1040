#!/usr/bin/env node
'use strict';
/**
 * The queue-mode e2e suite (`npm run test:queue`, part of `npm test`): this package in n8n 2.41.1 scaled out —
 * PostgreSQL, Redis, a main, 2 workers, 2 webhook processors behind nginx (see ../lib/queue.js).
 *
 *   node e2e/queue/run.js                 all cases
 *   node e2e/queue/run.js bulk dedup      only cases whose name contains "bulk" or "dedup"
 *   node e2e/queue/run.js --list          list the cases
 *   node e2e/queue/run.js --no-build      pack the current dist/ without rebuilding it
 *
 * Needs Debian's postgresql, redis-server and nginx (`.ci/run` installs them). When one is missing the suite says
 * so loudly and counts every case as skipped — except under CI=true, where a missing prerequisite fails the run.
 * Ends with "queue e2e: N passed, N failed, N skipped" and the duration; writes the counts as JSON to
 * $E2E_SUMMARY_FILE when set. Logs of every process go to test-artifacts/e2e-queue/.
 */
const fs = require('node:fs');
const path = require('node:path');

const { ROOT_DIR } = require('../lib/install');
const { runCases, countResults, formatSeconds, selectCases, writeSummary, slug } = require('../lib/runner');
const { queuePrerequisites } = require('../lib/services');
const { startQueueEnvironment } = require('../lib/queue');
const { makeQueueContext } = require('./context');

const CASES_DIR = path.join(__dirname, 'cases');
const ARTIFACTS_DIR = path.join(ROOT_DIR, 'test-artifacts', 'e2e-queue');

function finish(counts, started) {
	const seconds = (Date.now() - started) / 1000;
	writeSummary(counts, seconds);
	process.stdout.write(`\nqueue e2e: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
	process.stdout.write(`queue e2e duration: ${formatSeconds(seconds * 1000)}\n`);
	return counts.failed > 0 ? 1 : 0;
}

async function main() {
	const started = Date.now();
	const { cases, args, listed } = selectCases(CASES_DIR);
	if (listed) return 0;

	const missing = queuePrerequisites();
	if (missing.length > 0) {
		const install = `apt-get install -y ${[...new Set(missing.map((item) => item.apt))].join(' ')}`;
		const lines = [
			'',
			'!!! queue-mode e2e suite NOT RUN: missing ' + missing.map((item) => item.name).join(', '),
			`!!! install with: ${install}   (.ci/run does this on a fresh Debian 12)`,
		];
		if (process.env.CI) {
			process.stdout.write(`${lines.join('\n')}\n!!! CI=true: a missing prerequisite fails the run\n`);
			return finish({ passed: 0, failed: cases.length || 1, skipped: 0 }, started);
		}
		process.stdout.write(`${lines.join('\n')}\n!!! all ${cases.length} queue-mode cases are counted as skipped\n`);
		const reason = `missing ${missing.map((item) => item.apt).join(', ')} (${install})`;
		return finish({ passed: 0, failed: 0, skipped: cases.length, skippedCases: cases.map((testCase) => ({ name: testCase.name, reason })) }, started);
	}

	fs.rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
	fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
	const workflows = [...new Set(cases.flatMap((testCase) => testCase.workflows))];
	let env;
	let results = [];
	let setupError;
	// PostgreSQL (pg_ctl) and n8n (own process groups) would outlive an interrupted run: stop everything first.
	let stopping;
	const interrupt = (signal) => {
		process.stdout.write(`\n${signal}: stopping n8n, nginx, Redis and PostgreSQL…\n`);
		stopping ??= (env ? env.stop() : Promise.resolve()).finally(() => process.exit(130));
	};
	process.once('SIGINT', interrupt);
	process.once('SIGTERM', interrupt);
	try {
		env = await startQueueEnvironment({
			workflows,
			skipBuild: args.includes('--no-build'),
			logDir: path.join(ARTIFACTS_DIR, 'logs'),
			onCreated: (created) => (env = created),
		});
		process.stdout.write(`setup done in ${((Date.now() - started) / 1000).toFixed(1)} s; running ${cases.length} cases\n`);
		results = await runCases(cases, {
			makeContext: (testCase) => makeQueueContext(env, testCase, path.join(ARTIFACTS_DIR, slug(testCase.name))),
			afterCase: async (testCase, result) => {
				if (result.status !== 'failed') return;
				const requests = Array.from(env.sim.requests ?? []).map(({ bytes, rawBody, ...rest }) => rest);
				fs.writeFileSync(path.join(ARTIFACTS_DIR, `${slug(testCase.name)}.requests.json`), JSON.stringify(requests, null, 2));
			},
		});
	} catch (error) {
		setupError = error;
		process.stdout.write(`FAIL queue e2e setup\n${error.stack}\n`);
	} finally {
		if (env) {
			await env.stop();
			const timings = Object.entries(env.timings).map(([label, value]) => `${label} ${value.toFixed(1)} s`);
			process.stdout.write(`timings: ${timings.join(', ')}\n`);
		}
	}
	const counts = countResults(results);
	if (setupError) counts.failed += Math.max(1, cases.length - counts.passed - counts.skipped);
	return finish(counts, started);
}

main().then(
	(code) => process.exit(code),
	(error) => {
		process.stderr.write(`${error.stack}\n`);
		process.exit(1);
	},
);
