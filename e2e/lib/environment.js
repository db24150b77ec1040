'use strict';
/**
 * The shared fixture of an e2e run (also for benchmarks and later suites): n8n installed (cached), this package
 * built, packed and installed as a community package, the GOWA simulator started in-process, credentials and
 * workflows imported, and `n8n start` running with an owner and a public-API key.
 */
const fs = require('node:fs');
const path = require('node:path');

const { ensureN8n, ROOT_DIR, PACKAGE_NAME } = require('./install');
const { buildAndPack, installPackage } = require('./pack');
const { N8nInstance } = require('./n8n');
const { credentialsFor, simulatorOptions } = require('./fixtures');
const { readWorkflow, webhookPaths } = require('./workflows');
const { stepTimer } = require('./runner');

function loadSimulator() {
	const modulePath = process.env.E2E_SIMULATOR_MODULE ? path.resolve(process.env.E2E_SIMULATOR_MODULE) : path.join(ROOT_DIR, 'simulator');
	return require(modulePath);
}

/**
 * @param {object} options
 * @param {string[]} options.workflows        workflow file names (e2e/workflows/…) or paths to import
 * @param {object[]} [options.credentials]    extra credentials (plain data) besides the default ones
 * @param {object} [options.simulator]        extra startSimulator() options
 * @param {boolean} [options.start=true]      start the server (else only CLI use)
 * @param {boolean} [options.activate=true]   activate every imported workflow that has a webhook
 * @param {(line: string) => void} [options.log]
 */
async function startEnvironment(options = {}) {
	const log = options.log ?? ((line) => process.stdout.write(`${line}\n`));
	const timings = {};
	const env = { timings, cleanups: [] };
	const time = stepTimer(timings);
	try {
		env.install = await time('ensureN8n', () => ensureN8n());
		log(`n8n ${env.install.version} ${env.install.installedNow ? 'installed' : 'found in cache'} (${timings.ensureN8n.toFixed(1)} s): ${env.install.dir}`);

		const pack = await time('buildAndPack', () => buildAndPack({ skipBuild: options.skipBuild }));
		env.cleanups.push(() => pack.cleanup());
		env.tarball = pack.tarball;
		log(`packed ${path.basename(pack.tarball)} (${pack.files.length} files, ${timings.buildAndPack.toFixed(1)} s)`);

		const { startSimulator } = loadSimulator();
		env.sim = await startSimulator(simulatorOptions(options.simulator));
		env.cleanups.push(() => env.sim.close());
		log(`GOWA simulator at ${env.sim.url}`);

		env.n8n = new N8nInstance({ install: env.install, logFile: options.logFile, env: options.n8nEnv });
		env.cleanups.push(() => env.n8n.stop({ removeUserFolder: !options.keepUserFolder }));
		await installPackage(env.n8n.userFolder, env.tarball);

		await time('import', async () => {
			await env.n8n.importCredentials([...credentialsFor(env.sim.url), ...(options.credentials ?? [])]);
			const workflows = (options.workflows ?? []).map((file) => readWorkflow(file));
			env.workflows = workflows;
			if (workflows.length > 0) await env.n8n.importWorkflows(workflows);
		});
		log(`imported credentials and ${env.workflows.length} workflows (${timings.import.toFixed(1)} s)`);

		if (options.start !== false) {
			await time('start', () => env.n8n.start());
			await env.n8n.createApiKey('e2e');
			const loaded = await env.n8n.assertPackageLoaded(PACKAGE_NAME, {
				nodeTypes: [`${PACKAGE_NAME}.whatsAppMultiDevice`],
				credentialTypes: ['whatsAppMultiDeviceApi'],
			});
			env.nodeTypes = loaded.nodeTypes;
			log(`n8n started at ${env.n8n.baseUrl} (${timings.start.toFixed(1)} s); our node types: ${env.nodeTypes.join(', ')}`);
			if (options.activate !== false) {
				await time('activate', async () => {
					for (const workflow of env.workflows) {
						if (webhookPaths(workflow).length > 0) await env.n8n.activate(workflow.id);
					}
				});
			}
		}
		env.stop = () => stopEnvironment(env);
		return env;
	} catch (error) {
		if (env.n8n && env.n8n.server) {
			error.message += `\n--- n8n log (tail) ---\n${env.n8n.logTail()}`;
		}
		await stopEnvironment(env);
		throw error;
	}
}

async function stopEnvironment(env) {
	const cleanups = env.cleanups.splice(0).reverse();
	for (const cleanup of cleanups) {
		try {
			await cleanup();
		} catch (error) {
			process.stderr.write(`cleanup failed: ${error.message}\n`);
		}
	}
}

/** Copies the server log next to other artifacts (for CI post-mortems). */
function saveLog(env, destination) {
	if (!env.n8n) return;
	fs.mkdirSync(path.dirname(destination), { recursive: true });
	try {
		fs.copyFileSync(env.n8n.logFile, destination);
	} catch {
		// no log yet
	}
}

module.exports = { startEnvironment, stopEnvironment, saveLog, loadSimulator };
