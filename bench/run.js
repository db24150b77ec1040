#!/usr/bin/env node
/**
 * `npm run bench`: builds the package, then runs every benchmark and writes its figures into BENCHMARKS.md.
 *   npm run bench                 all benchmarks
 *   npm run bench -- sending      only bench/sending.bench.js (likewise: reminder, trigger-dedup, trigger-throughput)
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const benches = fs
	.readdirSync(__dirname)
	.filter((file) => file.endsWith('.bench.js'))
	.filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)))
	.sort();

const run = (args) => spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' }).status ?? 1;

if (spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
let failed = 0;
for (const file of benches) {
	process.stdout.write(`\n=== ${file} ===\n`);
	if (run(['--expose-gc', path.join(__dirname, file), '--write']) !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
