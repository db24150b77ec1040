/**
 * The Meta simulator (simulator/cloud) for one test file, and a runner for the WhatsApp Cloud node against it.
 * Contract tests skip with a clear message when Meta's spec is missing (META_OPENAPI or ../shared/meta/).
 */
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RunResult, TestItem } from '../../harness';
import { PROJECT_ROOT, runNode } from '../../harness';

const cloud = require(join(PROJECT_ROOT, 'simulator', 'cloud')) as {
	startCloudSimulator: (options?: IDataObject) => Promise<CloudSim>;
	spec: { findMetaSpecPath: () => string | undefined; specValidator: (options?: IDataObject) => { validate: (id: string, body: unknown) => { valid: boolean; errors: string[] } }; SPEC_HINT: string };
	signMetaBody: (body: Buffer, secret: string) => string;
};

export interface CloudRequest {
	seq: number;
	method: string;
	path: string;
	graphPath?: string;
	query: Record<string, string>;
	headers: Record<string, string | undefined>;
	json?: any;
	form?: { fields: Record<string, string[]>; files: Record<string, { fileName: string; contentType: string; size: number; bytes: Buffer }> };
	operationId: string | null;
	validation: { valid: boolean; errors: string[]; skipped?: string };
	injected?: unknown;
	response: { status: number; body: any } | null;
}

export interface CloudSim {
	url: string;
	token: string;
	phoneNumberId: string;
	businessAccountId: string;
	appSecret: string;
	requests: CloudRequest[];
	sent: Array<{ id: string; to: string; type: string }>;
	webhooks: any[];
	state: any;
	pairRateLimitMs: number;
	throughputPerSecond: number;
	credentials(overrides?: IDataObject): IDataObject;
	clearRequests(): void;
	failNext(rule: IDataObject): unknown;
	clearFailures(): void;
	receiveMessage(options: IDataObject): Promise<any>;
	sendWebhook(options: IDataObject): Promise<any>;
	close(): Promise<void>;
}

export const { startCloudSimulator, signMetaBody } = cloud;

// The first run of a file loads n8n's engine; on a busy shared machine that alone can take half a minute.
jest.setTimeout(120_000);
export const metaSpecPath = cloud.spec.findMetaSpecPath();
export const metaSpec = cloud.spec;

let warned = false;

/** `describe` for tests that rely on Meta's spec: skipped (with a note once) when the file is missing. */
export function describeCloudContract(name: string, body: () => void): void {
	if (metaSpecPath) {
		describe(name, body);
		return;
	}
	if (!warned) {
		warned = true;
		process.stderr.write(`\n[Cloud contract tests skipped] ${cloud.spec.SPEC_HINT}\n`);
	}
	describe.skip(`${name} (skipped: Meta's spec not found — see META_OPENAPI)`, body);
}

export interface CloudKit {
	readonly sim: CloudSim;
	run(parameters: Record<string, unknown>, items?: TestItem[], extra?: { credentials?: IDataObject; continueOnFail?: boolean; staticData?: IDataObject }): Promise<RunResult>;
	/** Graph requests (admin calls are not recorded). */
	requests(): CloudRequest[];
	only(): CloudRequest;
}

/** Starts one simulator for the enclosing describe; clears requests and failures before each test. */
export function useCloudSimulator(options: IDataObject = {}): CloudKit {
	let running: CloudSim | undefined;
	beforeAll(async () => {
		running = await startCloudSimulator(options);
	});
	afterAll(async () => {
		await running?.close();
	});
	beforeEach(() => {
		running?.clearRequests();
		running?.clearFailures();
	});
	const kit: CloudKit = {
		get sim() {
			if (!running) throw new Error('the Meta simulator runs only inside tests');
			return running;
		},
		async run(parameters, items, extra = {}) {
			return await runNode({
				nodeType: 'whatsAppCloud',
				credentialType: 'whatsAppCloudApi',
				parameters,
				credentials: kit.sim.credentials(extra.credentials ?? {}),
				items,
				continueOnFail: extra.continueOnFail,
				staticData: extra.staticData,
			});
		},
		requests: () => kit.sim.requests,
		only() {
			expect(kit.sim.requests).toHaveLength(1);
			return kit.sim.requests[0];
		},
	};
	return kit;
}

/** The request was authenticated with the tenant's token, matched the (patched) spec and was answered 200. */
export function expectValidGraphRequest(request: CloudRequest, method: string, graphPath: string, operationId?: string): void {
	expect(`${request.method} ${request.graphPath}`).toBe(`${method} ${graphPath}`);
	expect(request.path.startsWith('/v23.0/')).toBe(true);
	if (operationId !== undefined) expect(request.operationId).toBe(operationId);
	expect(request.validation.errors).toEqual([]);
	expect(request.validation.valid).toBe(true);
	expect(request.response?.status).toBe(200);
}

/** Bad input: a NodeOperationError for the item and no request at all. */
export function expectRejectedBeforeSending(kit: CloudKit, result: RunResult, message: string | RegExp, itemIndex = 0): void {
	expect(result.thrown).toBeInstanceOf(NodeOperationError);
	if (typeof message === 'string') expect(result.error?.message).toBe(message);
	else expect(result.error?.message).toMatch(message);
	expect(result.error?.context?.itemIndex).toBe(itemIndex);
	expect(kit.requests()).toHaveLength(0);
}

export const CUSTOMER = '6281234567890';

/** Opens the 24-hour window for CUSTOMER (the user wrote to the business number). */
export async function openWindow(kit: CloudKit, from = CUSTOMER): Promise<void> {
	await kit.sim.receiveMessage({ from });
}
