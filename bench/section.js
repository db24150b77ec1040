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

module.exports = { writeSection };
