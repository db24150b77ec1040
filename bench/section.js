/**
 * BENCHMARKS.md is one file with a `## …` section per benchmark: each bench replaces (or appends) only its own.
 */
const fs = require('node:fs');
const path = require('node:path');

const FILE = path.join(__dirname, '..', 'BENCHMARKS.md');

/** Replaces the section whose heading is `section`'s first line, or appends it; every other section is kept. */
function writeSection(section) {
	const heading = section.split('\n')[0].trim();
	const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '# Benchmarks\n';
	const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const start = current.search(new RegExp(`^${escaped}\\s*$`, 'm'));
	let next;
	if (start === -1) {
		next = `${current.replace(/\n*$/, '\n\n')}${section}`;
	} else {
		const rest = current.slice(start + 1);
		const end = rest.search(/^## /m);
		next = current.slice(0, start) + section + (end === -1 ? '' : `\n${rest.slice(end)}`);
	}
	fs.writeFileSync(FILE, next.replace(/\n{3,}/g, '\n\n'));
}

/** "2 × CPU, 24 GiB RAM, Linux …; n8n x on Node y, benchmark runner and simulator on Node z" for an ensureN8n() install. */
function machineLine(install) {
	const os = require('node:os');
	const cpu = os.cpus();
	const nodeVersion = require('node:child_process').spawnSync(install.nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
	return `${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}; ` +
		`n8n ${install.version} on Node ${nodeVersion}, benchmark runner and simulator on Node ${process.version}`;
}

/** The middle value (the upper one of an even count). */
function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

module.exports = { writeSection, machineLine, median };
