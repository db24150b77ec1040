#!/usr/bin/env node
'use strict';
/**
 * `npm run dev`: this package in a real n8n, against the GOWA simulator, on your machine.
 *
 *   1. builds and packs the package, installs it as a community package (production node type names);
 *   2. starts the GOWA simulator (port 3000 or the next free one; basic auth; one logged-in device) and the Meta
 *      (WhatsApp Cloud API) simulator (port 3100 or the next free one);
 *   3. starts n8n 2.41.1 (installed once into ~/.cache, see e2e/lib/install.js) with its data in .dev/n8n,
 *      which persists between runs; imports the credential "GOWA simulator" and the workflows of examples/
 *      (credential references pointed at "GOWA simulator" or, for WhatsApp Cloud nodes, "Meta simulator"; an example is
 *      re-imported only when its file changed) and
 *      the credential "Meta simulator" (WhatsApp Cloud API); once n8n runs, the credential "n8n API (this dev
 *      instance)" (an API key of the owner, created once) that the booking-confirm-reply examples hand replies over with;
 *   4. prints the editor URL and the owner's login, and every request GOWA receives; Ctrl-C stops everything.
 *
 *   npm run dev -- --port 5678 --sim-port 3000 --meta-port 3100   preferred ports (the next free ones are used if taken)
 *   npm run dev -- --fresh                       start from an empty .dev/ (new database)
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const { ensureN8n, ROOT_DIR, PACKAGE_NAME } = require('../e2e/lib/install');
const { buildAndPack, installPackage } = require('../e2e/lib/pack');
const { N8nInstance } = require('../e2e/lib/n8n');
const { firstFreePortFrom } = require('../e2e/lib/ports');

const DEV_DIR = path.join(ROOT_DIR, '.dev');
const USER_FOLDER = path.join(DEV_DIR, 'n8n');
const EXAMPLES_DIR = path.join(ROOT_DIR, 'examples');
const IMPORTED_FILE = path.join(DEV_DIR, 'imported-examples.json');

const OWNER = { email: 'dev@example.com', firstName: 'Dev', lastName: 'Owner', password: 'WhatsApp-dev-2026' };
const GOWA = { user: 'gowa', password: 'gowa-dev-password', device: 'salon-main', basePath: '/gowa', webhookSecret: 'dev-webhook-secret-change-me' };
const CREDENTIAL = { id: 'devGowaSimulator', name: 'GOWA simulator' };
const META = { token: 'EAAG-dev-meta-simulator-token', appSecret: 'dev-meta-app-secret-change-me', verifyToken: 'dev-meta-verify-token' };
const META_CREDENTIAL = { id: 'devMetaSimulator', name: 'Meta simulator' };
// The public-API credential the Chat Reply hand-off of the booking-confirm-reply examples uses (this instance's API key).
const N8N_API_CREDENTIAL = { id: 'devN8nPublicApi', name: 'n8n API (this dev instance)' };
const API_KEY_FILE = path.join(DEV_DIR, 'n8n-api-key');
// Fixed, so the credential stays readable across runs (a dev-only instance; never reuse this key).
const ENCRYPTION_KEY = 'wamd-dev-only-encryption-key-5c1f0e';

function option(name, fallback) {
	const index = process.argv.indexOf(name);
	return index !== -1 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

function say(line) {
	process.stdout.write(`${line}\n`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the GOWA simulator CLI; resolves { child, url } once it prints its address. */
function startSimulator(port) {
	const args = ['--port', String(port), '--base-path', GOWA.basePath, '--user', GOWA.user, '--password', GOWA.password, '--device', GOWA.device, '--webhook-secret', GOWA.webhookSecret, '--quick-retries'];
	return startSimulatorProcess(path.join(ROOT_DIR, 'simulator', 'cli.js'), args, /GOWA simulator listening on (\S+)/, 'gowa');
}

/** Starts the Meta (WhatsApp Cloud API) simulator CLI; resolves { child, url }. */
function startMetaSimulator(port) {
	const args = ['--port', String(port), '--token', META.token, '--app-secret', META.appSecret];
	return startSimulatorProcess(path.join(ROOT_DIR, 'simulator', 'cloud', 'cli.js'), args, /Meta simulator listening on (\S+)/, 'meta');
}

function startSimulatorProcess(script, args, ready, label) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		const onData = (chunk) => {
			output += chunk;
			const match = output.match(ready);
			if (match) {
				child.stdout.off('data', onData);
				child.stdout.on('data', (more) => process.stdout.write(`[${label}] ${more}`));
				resolve({ child, url: match[1] });
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', (chunk) => process.stderr.write(`[${label}] ${chunk}`));
		child.on('error', reject);
		child.on('exit', (code) => reject(new Error(`the simulator exited (${code}) before it was ready:\n${output}`)));
	});
}

/** Stops a simulator process and waits for it. */
function stopChild(child) {
	return new Promise((resolve) => {
		if (child.exitCode !== null) return resolve();
		child.once('exit', resolve);
		child.kill('SIGTERM');
	});
}

/** Prints one line per request the simulator recorded (polls its admin API). */
function followRequests(origin, label = 'gowa') {
	let since = 0;
	let stopped = false;
	(async () => {
		while (!stopped) {
			try {
				const response = await fetch(`${origin}/__sim/requests?since=${since}&bodies=false`);
				const list = await response.json();
				for (const request of Array.isArray(list) ? list : (list.requests ?? [])) {
					since = Math.max(since, request.seq ?? since);
					const verdict = request.validation?.valid === false ? ` ✗ ${JSON.stringify(request.validation.errors).slice(0, 200)}` : '';
					say(`[${label}] ${request.method} ${request.path} → ${request.response?.status ?? '…'}${verdict}`);
				}
			} catch {
				// the simulator is stopping
			}
			await sleep(1000);
		}
	})();
	return () => {
		stopped = true;
	};
}

/** The example workflows, credential references pointed at the dev credential; only new or changed ones. */
function examplesToImport() {
	if (!fs.existsSync(EXAMPLES_DIR)) return { workflows: [], record: {} };
	const record = fs.existsSync(IMPORTED_FILE) ? JSON.parse(fs.readFileSync(IMPORTED_FILE, 'utf8')) : {};
	const workflows = [];
	for (const file of fs.readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.json')).sort()) {
		const text = fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8');
		const hash = crypto.createHash('sha256').update(text).digest('hex');
		if (record[file] === hash) continue;
		const workflow = JSON.parse(text);
		for (const node of workflow.nodes ?? []) {
			if (node.credentials?.whatsAppMultiDeviceApi) node.credentials.whatsAppMultiDeviceApi = { ...CREDENTIAL };
			if (node.credentials?.whatsAppCloudApi) node.credentials.whatsAppCloudApi = { ...META_CREDENTIAL };
			if (node.credentials?.whatsAppN8nApi) node.credentials.whatsAppN8nApi = { ...N8N_API_CREDENTIAL };
		}
		workflows.push({ file, hash, workflow });
	}
	return { workflows, record };
}

/**
 * The "n8n API" credential of the booking-confirm-reply examples: an API key of this dev instance's owner (created
 * once, kept in .dev/ with the instance) and the instance's current address, imported on every start (the port may
 * change between runs).
 */
async function provideN8nApiCredential(n8n) {
	let apiKey = fs.existsSync(API_KEY_FILE) ? fs.readFileSync(API_KEY_FILE, 'utf8').trim() : '';
	if (apiKey === '') {
		apiKey = await n8n.createApiKey('npm run dev');
		fs.writeFileSync(API_KEY_FILE, `${apiKey}\n`, { mode: 0o600 });
	}
	await n8n.importCredentials([{ ...N8N_API_CREDENTIAL, type: 'whatsAppN8nApi', data: { baseUrl: n8n.baseUrl, apiKey } }]);
	say(`credential "${N8N_API_CREDENTIAL.name}" → ${n8n.baseUrl} (public API key of the owner; Chat Reply hand-off)`);
}

async function main() {
	const started = Date.now();
	if (process.argv.includes('--fresh')) fs.rmSync(DEV_DIR, { recursive: true, force: true });
	fs.mkdirSync(USER_FOLDER, { recursive: true });

	const stops = [];
	let stopping = false;
	const stopAll = async (code) => {
		if (stopping) return;
		stopping = true;
		say('\nstopping…');
		for (const stop of stops.reverse()) {
			try {
				await stop();
			} catch (error) {
				process.stderr.write(`${error.message}\n`);
			}
		}
		process.exit(code);
	};
	process.on('SIGINT', () => stopAll(0));
	process.on('SIGTERM', () => stopAll(0));

	try {
		say('building and packing the package…');
		const [install, pack] = await Promise.all([ensureN8n(), buildAndPack()]);
		stops.push(() => pack.cleanup());
		await installPackage(USER_FOLDER, pack.tarball);
		say(`installed ${path.basename(pack.tarball)} into ${path.relative(ROOT_DIR, USER_FOLDER)}/.n8n/nodes (n8n ${install.version})`);

		const simPort = await firstFreePortFrom(Number(option('--sim-port', 3000)));
		const sim = await startSimulator(simPort);
		stops.push(
() => stopChild(sim.child));
		say(`GOWA simulator: ${sim.url} (user ${GOWA.user}, password ${GOWA.password}, device ${GOWA.device})`);

		const meta = await startMetaSimulator(await firstFreePortFrom(Number(option('--meta-port', 3100))));
		stops.push(() => stopChild(meta.child));
		say(`Meta simulator: ${meta.url} (token ${META.token})`);

		const port = await firstFreePortFrom(Number(option('--port', 5678)));
		const n8n = new N8nInstance({
			install,
			userFolder: USER_FOLDER,
			port,
			encryptionKey: ENCRYPTION_KEY,
			owner: OWNER,
			logFile: path.join(DEV_DIR, 'n8n.log'),
		});
		stops.push(() => n8n.stop({ removeUserFolder: false }));

		await n8n.importCredentials([
			{
				...CREDENTIAL,
				type: 'whatsAppMultiDeviceApi',
				data: {
					baseUrl: sim.url,
					username: GOWA.user,
					password: GOWA.password,
					deviceId: GOWA.device,
					webhookSecret: GOWA.webhookSecret,
					defaultCountryCode: '62',
				},
			},
			{
				...META_CREDENTIAL,
				type: 'whatsAppCloudApi',
				data: {
					accessToken: META.token,
					businessAccountId: '102290129340398',
					phoneNumberId: '106540352242922',
					graphApiVersion: 'v23.0',
					appSecret: META.appSecret,
					verifyToken: META.verifyToken,
					graphBaseUrl: meta.url,
					defaultCountryCode: '62',
				},
			},
		]);
		const { workflows, record } = examplesToImport();
		if (workflows.length > 0) {
			await n8n.importWorkflows(workflows.map((entry) => entry.workflow));
			for (const entry of workflows) record[entry.file] = entry.hash;
			fs.writeFileSync(IMPORTED_FILE, JSON.stringify(record, null, 2));
		}
		say(`credential "${CREDENTIAL.name}" → ${sim.url}; examples imported: ${workflows.map((entry) => entry.file).join(', ') || 'none new'}`);

		say('starting n8n…');
		await n8n.start();
		stops.push(followRequests(new URL(sim.url).origin));
		stops.push(followRequests(meta.url, 'meta'));
		await n8n.assertPackageLoaded(PACKAGE_NAME, {
			nodeTypes: [`${PACKAGE_NAME}.whatsAppMultiDevice`, `${PACKAGE_NAME}.whatsAppCloud`, `${PACKAGE_NAME}.whatsAppCloudTrigger`],
			credentialTypes: ['whatsAppMultiDeviceApi', 'whatsAppCloudApi'],
		});
		await provideN8nApiCredential(n8n);
		n8n.server.on('exit', (code) => {
			if (stopping) return;
			process.stderr.write(`n8n exited (${code}); its log: ${path.join(DEV_DIR, 'n8n.log')}\n`);
			stopAll(1);
		});

		say('');
		say(`n8n is ready (${((Date.now() - started) / 1000).toFixed(0)} s): ${n8n.baseUrl}`);
		say(`  log in: ${OWNER.email} / ${OWNER.password}`);
		say(`  workflows: ${n8n.baseUrl}/home/workflows   (try "Example: send a WhatsApp text")`);
		say(`  n8n log: ${path.relative(ROOT_DIR, path.join(DEV_DIR, 'n8n.log'))}`);
		say(`  simulator admin: ${new URL(sim.url).origin}/__sim/requests`);
		say(`  Meta simulator admin: ${meta.url}/__sim/requests; open a customer's 24-hour window with`);
		say(`    curl -X POST ${meta.url}/__sim/inbound -H 'Content-Type: application/json' -d '{"from":"6281234567890"}'`);
		say('Ctrl-C stops n8n and the simulators. Requests GOWA and Meta receive are listed below.');
	} catch (error) {
		process.stderr.write(`npm run dev failed: ${error.stack ?? error}\n`);
		await stopAll(1);
	}
}

main();
