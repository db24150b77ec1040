/**
 * Must be imported before n8n-core: n8n-core writes `$N8N_USER_FOLDER/.n8n/config` (an encryption key) and
 * stores filesystem binary data below it on first use. Each process gets its own temporary folder so tests
 * never touch ~/.n8n.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const userFolder = mkdtempSync(join(tmpdir(), 'n8n-harness-'));

process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_ENCRYPTION_KEY ??= 'harness-test-encryption-key';
// Quiet engine logs in tests unless asked for.
process.env.N8N_LOG_LEVEL ??= 'silent';
// Tests talk to a simulator on 127.0.0.1; n8n's SSRF guard is off by default, keep it that way explicitly.
process.env.N8N_SSRF_PROTECTION_ENABLED ??= 'false';

function removeUserFolder(): void {
	try {
		rmSync(userFolder, { recursive: true, force: true });
	} catch {
		// best effort
	}
}

// Jest runs many test files in one worker process: clean up after each file rather than piling up exit listeners.
let scheduled = false;
if (typeof afterAll === 'function') {
	try {
		afterAll(removeUserFolder);
		scheduled = true;
	} catch {
		// imported from inside a test: hooks cannot be added there
	}
}
if (!scheduled) process.once('exit', removeUserFolder);
