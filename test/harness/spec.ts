/**
 * Where GOWA's OpenAPI spec is, and a `describe` that skips contract tests with a clear message when it is not.
 * The spec is not part of this repository: tests read `$GOWA_OPENAPI`, else `../shared/gowa/openapi.yaml`
 * (relative to the project root).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { PROJECT_ROOT } from './registry';

export const SPEC_SOURCE_HINT =
	"GOWA's OpenAPI spec is not available. Set GOWA_OPENAPI to its path, or put it at ../shared/gowa/openapi.yaml " +
	'(relative to the project root). Get it from GOWA’s repository (aldinokemal/go-whatsapp-web-multidevice), file docs/openapi.yaml.';

/** Absolute path of the spec, or undefined when neither location has it. */
export function findSpecPath(): string | undefined {
	const candidates = [process.env.GOWA_OPENAPI, join(PROJECT_ROOT, '..', 'shared', 'gowa', 'openapi.yaml')];
	for (const candidate of candidates) {
		if (candidate && existsSync(resolve(PROJECT_ROOT, candidate))) return resolve(PROJECT_ROOT, candidate);
	}
	return undefined;
}

export const specPath = findSpecPath();

let warned = false;

/**
 * `describe` for tests that validate against the spec: runs them when the spec exists, otherwise registers
 * them as skipped and prints once why (and where to get the file).
 */
export function describeContract(name: string, body: () => void): void {
	if (specPath) {
		describe(name, body);
		return;
	}
	if (!warned) {
		warned = true;
		process.stderr.write(`\n[contract tests skipped] ${SPEC_SOURCE_HINT}\n`);
	}
	describe.skip(`${name} (skipped: GOWA openapi.yaml not found — see GOWA_OPENAPI)`, body);
}

export const NEXT_SPEC_SOURCE_HINT =
	"GOWA's v9.5 OpenAPI spec is not available. Set GOWA_OPENAPI_NEXT to its path, or put it at " +
	'../shared/gowa/next/openapi-fork-v9.5.yaml (relative to the project root). Get docs/openapi.yaml of GOWA v9.5 or newer ' +
	'from GOWA’s repository (aldinokemal/go-whatsapp-web-multidevice).';

/** Absolute path of the v9.5 spec copy ($GOWA_OPENAPI_NEXT, else ../shared/gowa/next/openapi-fork-v9.5.yaml), or undefined. */
export function findNextSpecPath(): string | undefined {
	const candidates = [process.env.GOWA_OPENAPI_NEXT, join(PROJECT_ROOT, '..', 'shared', 'gowa', 'next', 'openapi-fork-v9.5.yaml')];
	for (const candidate of candidates) {
		if (candidate && existsSync(resolve(PROJECT_ROOT, candidate))) return resolve(PROJECT_ROOT, candidate);
	}
	return undefined;
}

export const nextSpecPath = findNextSpecPath();

let warnedNext = false;

/** `describe` for tests that need both specs (the pinned v9.2 file and the v9.5 copy); skipped with a message otherwise. */
export function describeContractNext(name: string, body: () => void): void {
	if (specPath && nextSpecPath) {
		describe(name, body);
		return;
	}
	if (!warnedNext) {
		warnedNext = true;
		process.stderr.write(`\n[v9.5 contract tests skipped] ${specPath ? NEXT_SPEC_SOURCE_HINT : SPEC_SOURCE_HINT}\n`);
	}
	describe.skip(`${name} (skipped: GOWA v9.5 openapi not found — see GOWA_OPENAPI_NEXT)`, body);
}
