/**
 * Coverage of GOWA's API by the action node: runs every case of test/coverage/<resource>.cases.ts through n8n's
 * engine (test/harness) against the GOWA simulator, and fails
 *   - for a resource whose case file is missing (missing file = missing coverage),
 *   - for an operation of the node (actions/resources.ts) without a case, or a case naming no operation of the node,
 *   - for a recorded request that GOWA would not accept (spec + real-server rules, NOTES §10): every request against
 *     the v9.5 spec copy (and a v9.5 server's rules), and requests of operations v9.2 has also against the pinned v9.2 file,
 *   - for a case whose run fails,
 *   - and, at the end, listing every non-chatwoot operationId of the spec that no case reached.
 * The simulator speaks v9.5. Skips (saying where to get the files) when either spec is not available.
 *
 * Case files export `cases: Array<{ resource, operation, parameters, items? }>`. `items` may also be a function of
 * a context `{ sim, store(deviceId?) }` for cases that need data the simulator seeded (a stored message, a group).
 * Cases of one file run in order against one simulator (device cases add a device, use it, then delete it);
 * every file gets a fresh simulator. A file may export `<name>CaseDevices` — extra simulator devices its cases use.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import type { RecordedRequest, RunResult, Simulator, TestItem } from '../harness';
import { contractProblems, describeContractNext, inPinnedSpec, loadSimulator, nextSpecPath, runNode } from '../harness';
import { resources } from '../../nodes/WhatsAppMultiDevice/actions/resources';

/** Every resource of the node and the spec tag(s) it covers. */
const CASE_FILES = ['send', 'scheduledSend', 'session', 'device', 'user', 'call', 'message', 'chat', 'group', 'newsletter'];

const AUTH = { username: 'coverage-admin', password: 'Coverage-Pw-81' };
const BASE_DEVICES = [
	{ id: 'salon-main', jid: '6281200000001@s.whatsapp.net', state: 'logged_in', displayName: 'Salon Ayu' },
	{ id: 'branch-2', jid: '6281200000002@s.whatsapp.net', state: 'logged_in', displayName: 'Salon Ayu Kuta' },
	{ id: 'fresh-slot', state: 'new' },
];

interface CoverageSimulator extends Simulator {
	registry: { find(id: string): unknown };
	storeFor(device: unknown): unknown;
	setPasskey(deviceId: string, state: { challenge?: unknown; code?: string }): unknown;
}

interface CaseContext {
	sim: CoverageSimulator;
	store(deviceId?: string): unknown;
}

interface OperationCase {
	resource: string;
	operation: string;
	parameters: INodeParameters;
	items?: TestItem[] | ((context: CaseContext) => TestItem[]);
	/** Why this case sends nothing to GOWA (an operation whose GOWA request depends on another service). */
	withoutGowaRequest?: string;
}

interface CaseFile {
	name: string;
	path: string;
	cases?: OperationCase[];
	devices: Array<Record<string, unknown>>;
	loadError?: string;
}

function loadCaseFile(name: string): CaseFile {
	const path = join(__dirname, `${name}.cases.ts`);
	const file: CaseFile = { name, path, devices: [] };
	if (!existsSync(path)) return file;
	try {
		const module = require(path) as Record<string, unknown>;
		if (!Array.isArray(module.cases)) throw new Error('it does not export an array `cases`');
		file.cases = module.cases as OperationCase[];
		for (const [key, value] of Object.entries(module)) {
			if (/CaseDevices$/.test(key) && Array.isArray(value)) file.devices.push(...(value as Array<Record<string, unknown>>));
		}
	} catch (error) {
		file.loadError = (error as Error).message;
	}
	return file;
}

const files = CASE_FILES.map(loadCaseFile);

/** Non-chatwoot operations of the spec: operationId → "METHOD /path". */
function specOperations(): Map<string, string> {
	const validator = require(join(__dirname, '..', '..', 'simulator', 'specValidator.js')) as {
		loadSpec(path?: string): unknown;
		listOperations(spec: unknown): Array<{ method: string; path: string; operationId: string; tags: string[] }>;
	};
	const operations = validator.listOperations(validator.loadSpec(nextSpecPath)).filter((operation) => !operation.tags.includes('chatwoot'));
	return new Map(operations.map((operation) => [operation.operationId, `${operation.method.toUpperCase()} ${operation.path}`]));
}

/** Sets up what a case needs on the server side that no request of the node can create (a pending passkey pairing). */
function prepareServer(sim: CoverageSimulator, entry: OperationCase): void {
	if (entry.resource !== 'session') return;
	const deviceId = typeof entry.parameters.deviceId === 'string' && entry.parameters.deviceId !== '' ? entry.parameters.deviceId : 'salon-main';
	if (entry.operation === 'passkeyResponse') {
		sim.setPasskey(deviceId, { challenge: { challenge: 'Y292ZXJhZ2U', timeout: 60000, rpId: 'whatsapp.com', allowCredentials: [], userVerification: 'required' } });
	}
	if (entry.operation === 'passkeyConfirm') sim.setPasskey(deviceId, { code: '12345678' });
}

function describeRecorded(request: RecordedRequest): string {
	const status = (request.response as { status?: number } | null | undefined)?.status;
	return `${request.method} ${request.path} → ${status ?? 'no answer'}${request.operationId ? ` (${request.operationId})` : ''}`;
}

/** Requests the node made to GOWA's API (not the public statics files it downloads, which are not in the spec). */
function apiRequests(requests: RecordedRequest[]): RecordedRequest[] {
	return requests.filter((request) => !request.path.startsWith('/statics/'));
}

describeContractNext('coverage: the node reaches every non-chatwoot GOWA operation', () => {
	const reached = new Map<string, string[]>();
	const operations = nextSpecPath ? specOperations() : new Map<string, string>();

	test('the v9.5 spec has the 89 non-chatwoot operations this coverage is about', () => {
		expect(operations.size).toBe(89);
	});

	test.each(CASE_FILES)('test/coverage/%s.cases.ts exists and exports its cases', (name) => {
		const file = files.find((candidate) => candidate.name === name);
		expect({ file: `test/coverage/${name}.cases.ts`, problem: file?.loadError ?? (file?.cases ? null : 'missing: no coverage for this resource') }).toEqual({
			file: `test/coverage/${name}.cases.ts`,
			problem: null,
		});
		expect(file?.cases?.length).toBeGreaterThan(0);
	});

	test('every operation of the node has a case, and every case names an operation of the node', () => {
		const covered = new Set(files.flatMap((file) => (file.cases ?? []).map((entry) => `${entry.resource}.${entry.operation}`)));
		const offered = Object.entries(resources).flatMap(([resource, { operations: ops }]) => Object.keys(ops).map((operation) => `${resource}.${operation}`));
		expect({ withoutCase: offered.filter((key) => !covered.has(key)) }).toEqual({ withoutCase: [] });
		expect({ unknown: [...covered].filter((key) => !offered.includes(key)) }).toEqual({ unknown: [] });
		for (const file of files) {
			for (const entry of file.cases ?? []) {
				expect({ case: `${entry.resource}.${entry.operation}`, parameters: [entry.parameters.resource, entry.parameters.operation] }).toEqual({
					case: `${entry.resource}.${entry.operation}`,
					parameters: [entry.resource, entry.operation],
				});
			}
		}
	});

	for (const file of files) {
		if (!file.cases) continue;
		describe(`${file.name}.cases.ts`, () => {
			let sim: CoverageSimulator;
			beforeAll(async () => {
				const startSimulator = loadSimulator();
				if (!startSimulator) throw new Error('The GOWA simulator (simulator/) is missing');
				sim = (await startSimulator({ port: 0, basePath: '/gowa', auth: AUTH, devices: [...BASE_DEVICES, ...file.devices] })) as CoverageSimulator;
			});
			afterAll(async () => await sim?.close());

			const context = (): CaseContext => ({ sim, store: (deviceId = 'salon-main') => sim.storeFor(sim.registry.find(deviceId)) });

			for (const entry of file.cases ?? []) {
				test(`${entry.resource} → ${entry.operation}`, async () => {
					sim.clearRequests();
					prepareServer(sim, entry);
					const items = typeof entry.items === 'function' ? entry.items(context()) : entry.items;
					const result: RunResult = await runNode({
						parameters: entry.parameters,
						items,
						credentials: { baseUrl: sim.url, ...AUTH, deviceId: 'salon-main', defaultCountryCode: '62' },
					});
					const requests = apiRequests(sim.requests);
					for (const request of requests) {
						const problems = request.operationId
							? [...(inPinnedSpec(request) ? contractProblems(request, '9.2') : []), ...contractProblems(request, '9.5')]
							: [`not an operation of the spec: ${request.method} ${request.path}`];
						if (problems.length === 0 && request.operationId) {
							reached.set(request.operationId, [...(reached.get(request.operationId) ?? []), `${entry.resource}.${entry.operation}`]);
						}
						expect({ request: describeRecorded(request), problems }).toEqual({ request: describeRecorded(request), problems: [] });
					}
					expect({ case: `${entry.resource}.${entry.operation}`, error: result.error ? `${result.error.message} — ${result.error.description ?? ''}` : null }).toEqual({
						case: `${entry.resource}.${entry.operation}`,
						error: null,
					});
					if (entry.withoutGowaRequest === undefined) expect(requests.length).toBeGreaterThan(0);
					else expect(requests).toHaveLength(0);
				});
			}
		});
	}

	test('every non-chatwoot operationId of the spec was reached by a valid request of some operation of the node', () => {
		const missing = [...operations.entries()].filter(([operationId]) => !reached.has(operationId)).map(([operationId, route]) => `${operationId} (${route})`);
		expect({ notReached: missing }).toEqual({ notReached: [] });
	});
});
