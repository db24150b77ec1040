#!/usr/bin/env node
'use strict';
/**
 * The real-n8n end-to-end suite (`npm run test:e2e`).
 *
 *   node e2e/run.js                 all cases
 *   node e2e/run.js poll image      only cases whose name contains "poll" or "image"
 *   node e2e/run.js --list          list the cases
 *   node e2e/run.js --keep          keep n8n's user folder (path printed) for a look afterwards
 *   node e2e/run.js --no-build      pack the current dist/ without rebuilding it
 *
 * One n8n (2.41.1, Node 24, cached install) and one in-process GOWA simulator are shared by all cases.
 * A case is { name, workflows: [files in e2e/workflows], run(t), skip?, timeoutMs? } exported (alone or
 * in a list) by a file in e2e/cases/. Ends with "e2e: N passed, N failed, N skipped" and the duration;
 * writes the counts as JSON to $E2E_SUMMARY_FILE when set. Artifacts go to test-artifacts/e2e/.
 */
const fs = require('node:fs');
const path = require('node:path');

const { ROOT_DIR } = require('./lib/install');
const { startEnvironment, saveLog } = require('./lib/environment');
const { makeCaseContext } = require('./lib/context');
const { runCases, countResults, formatSeconds, selectCases, writeSummary, slug } = require('./lib/runner');

const CASES_DIR = path.join(__dirname, 'cases');
const ARTIFACTS_DIR = path.join(ROOT_DIR, 'test-artifacts', 'e2e');

async function main() {
	const started = Date.now();
	const { cases, args, listed } = selectCases(CASES_DIR);
	if (listed) return 0;
	fs.rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
	fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });

	const workflows = [...new Set(cases.flatMap((testCase) => testCase.workflows))];
	let env;
	let results = [];
	let setupError;
	try {
		env = await startEnvironment({
			workflows,
			keepUserFolder: args.includes('--keep'),
			skipBuild: args.includes('--no-build'),
			logFile: path.join(ARTIFACTS_DIR, 'n8n.log'),
		});
		const setupSeconds = (Date.now() - started) / 1000;
		process.stdout.write(`setup done in ${setupSeconds.toFixed(1)} s; running ${cases.length} cases\n`);
		results = await runCases(cases, {
			makeContext: (testCase) => makeCaseContext(env, testCase, path.join(ARTIFACTS_DIR, slug(testCase.name))),
			afterCase: async (testCase, result) => {
				if (result.status === 'failed') {
					const requests = Array.from(env.sim.requests ?? []).map(({ bytes, ...rest }) => rest);
					fs.writeFileSync(
						path.join(ARTIFACTS_DIR, `${slug(testCase.name)}.requests.json`),
						JSON.stringify(requests, (key, value) => (key === 'bytes' ? undefined : value), 2),
					);
				}
			},
		});
	} catch (error) {
		setupError = error;
		process.stdout.write(`FAIL e2e setup\n${error.stack}\n`);
	} finally {
		if (env) {
			if (args.includes('--keep')) process.stdout.write(`n8n user folder kept: ${env.n8n.userFolder}\n`);
			saveLog(env, path.join(ARTIFACTS_DIR, 'n8n.log'));
			await env.stop();
		}
	}
	const counts = countResults(results);
	if (setupError) counts.failed += Math.max(1, cases.length - counts.passed - counts.skipped);
	const seconds = (Date.now() - started) / 1000;
	writeSummary(counts, seconds);
	if (env) {
		const timings = Object.entries(env.timings).map(([label, value]) => `${label} ${value.toFixed(1)} s`);
		process.stdout.write(`timings: ${timings.join(', ')}\n`);
	}
	process.stdout.write(`\ne2e: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
	process.stdout.write(`e2e duration: ${formatSeconds(seconds * 1000)}\n`);
	return counts.failed > 0 ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		process.stderr.write(`${error.stack}\n`);
		process.exit(1);
	},
);
