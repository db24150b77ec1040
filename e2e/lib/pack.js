'use strict';
/**
 * Builds and packs this package, then installs the tarball the way n8n installs a community package:
 * unpacked into <userFolder>/.n8n/nodes/node_modules/<package name>, so node types get their production
 * names (n8n-nodes-whatsapp-multidevice.whatsAppMultiDevice) and n8n reads our package.json manifest.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ROOT_DIR, PACKAGE_NAME, run } = require('./install');

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** `npm run build` (unless skipBuild) then `npm pack` into a temp dir; returns the tarball path. */
async function buildAndPack({ skipBuild = false } = {}) {
	if (!skipBuild) await run(npm, ['run', 'build', '--silent'], { cwd: ROOT_DIR });
	const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'wamd-pack-'));
	const { output } = await run(npm, ['pack', '--json', '--pack-destination', destination, '--loglevel=error'], { cwd: ROOT_DIR });
	const start = output.indexOf('[');
	const [info] = JSON.parse(output.slice(start));
	const tarball = path.join(destination, info.filename);
	if (!fs.existsSync(tarball)) throw new Error(`npm pack did not produce ${tarball}`);
	return { tarball, files: info.files.map((file) => file.path), version: info.version, cleanup: () => fs.rmSync(destination, { recursive: true, force: true }) };
}

/** Unpacks the tarball into the user folder's community-node directory (replacing an earlier install). */
async function installPackage(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	const manifest = path.join(nodesDir, 'package.json');
	const pkg = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8'));
	// What n8n's own installer leaves behind: a private package.json listing the installed packages.
	fs.writeFileSync(
		manifest,
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: pkg.version } }, null, 2),
	);
	return target;
}

module.exports = { buildAndPack, installPackage };
