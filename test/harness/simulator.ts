/**
 * Starts the GOWA simulator (simulator/, plain CommonJS) for one test file and builds matching credentials.
 *
 *   const gowa = useSimulator({ auth: { username: 'admin', password: 'pw' } });
 *   test('…', async () => {
 *     const result = await runNode({ parameters, credentials: gowa.credentials() });
 *     expect(gowa.sim.requests).toHaveLength(1);
 *   });
 */
import { join } from 'node:path';

import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { PROJECT_ROOT } from './registry';

/** One request the simulator recorded (simulator/simulator.js `record()`). */
export interface RecordedRequest {
	seq: number;
	/** ISO time the request arrived. */
	time: string;
	method: string;
	/** Path below the base path, e.g. `/send/message`. */
	path: string;
	/** Path and query as received, base path included. */
	rawPath: string;
	/** First value of each query parameter; `queryAll` has every value. */
	query: Record<string, string>;
	queryAll: Record<string, string[]>;
	headers: Record<string, string | string[] | undefined>;
	contentType: string;
	rawBody: Buffer;
	/** Parsed JSON body, when the request was JSON (typed loosely for assertions). */
	json?: any;
	jsonError?: boolean;
	/** Multipart / urlencoded body: fields (every value) and files (see bodyOf() for a flat view). */
	form?: {
		fields: Record<string, string[]>;
		files: Record<string, { fileName: string; contentType: string; size: number; sha256: string; bytes: Buffer }>;
	};
	/** Device the request was resolved to, if any. */
	deviceId: string | null;
	operationId: string | null;
	/** The simulator's own spec check of this request. */
	validation: { valid: boolean; errors: string[]; warnings: string[]; skipped?: string };
	response: { status: number | null; body?: any; [key: string]: unknown } | null;
	[key: string]: unknown;
}

// The simulator is plain JavaScript (see simulator/): its methods are typed loosely.
type Loose = (...args: any[]) => any;

/** The running simulator (simulator/simulator.js); the methods are typed loosely — read the simulator for details. */
export interface Simulator {
	/** Base URL including the base path. */
	url: string;
	/** Scheme, host and port, without the base path. */
	origin: string;
	port: number;
	requests: RecordedRequest[];
	clearRequests(): void;
	close(): Promise<void>;
	/** Device snapshots. */
	devices: unknown[];
	stats: Record<string, unknown>;
	webhooks: unknown[];
	resetStats: Loose;
	setDevices: Loose;
	completeLogin: Loose;
	setDeviceState: Loose;
	setPasskey: Loose;
	setLatency: Loose;
	setUnregisteredNumbers: Loose;
	addMessage: Loose;
	failNext: Loose;
	clearFailures: Loose;
	setFailureRate: Loose;
	hang: Loose;
	sendWebhook: Loose;
	buildEvent: Loose;
	putStatic: Loose;
	/** GOWA v9.5: run the due scheduled sends at a time (ms); the schedules of a device. */
	runDueSchedules: Loose;
	schedulesOf: Loose;
	[key: string]: unknown;
}

export interface SimulatorOptions extends IDataObject {
	port?: number;
	basePath?: string;
	auth?: { username: string; password: string };
}

type StartSimulator = (options: SimulatorOptions) => Promise<Simulator>;

export const SIMULATOR_DIR = join(PROJECT_ROOT, 'simulator');

/** The simulator's `startSimulator`, or undefined while simulator/ does not exist yet. */
export function loadSimulator(): StartSimulator | undefined {
	try {
		return (require(SIMULATOR_DIR) as { startSimulator: StartSimulator }).startSimulator;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String((error as Error).message).includes(SIMULATOR_DIR)) {
			return undefined;
		}
		throw error;
	}
}

export interface SimulatorHandle {
	/** The running simulator (throws outside beforeAll/afterAll). */
	readonly sim: Simulator;
	/** Base URL including base path. */
	readonly url: string;
	/**
	 * Credential data for this simulator: baseUrl, the auth pair (if any), `deviceId` and `defaultCountryCode`
	 * defaults, `webhookSecret`; `overrides` win.
	 */
	credentials(overrides?: IDataObject): ICredentialDataDecryptedObject;
	/** Requests recorded since the last clear. */
	requests(): RecordedRequest[];
}

export interface UseSimulatorOptions extends SimulatorOptions {
	/** Default Device ID written into credentials() (default: none). */
	deviceId?: string;
	defaultCountryCode?: string;
	webhookSecret?: string;
	/** Clear the recorded requests before each test (default true). */
	clearBeforeEach?: boolean;
}

/**
 * Registers beforeAll/afterAll (and beforeEach clearing) that start and stop one simulator for the
 * enclosing describe block or file.
 */
export function useSimulator(options: UseSimulatorOptions = {}): SimulatorHandle {
	const { deviceId, defaultCountryCode, webhookSecret, clearBeforeEach = true, ...simulatorOptions } = options;
	let running: Simulator | undefined;

	beforeAll(async () => {
		const startSimulator = loadSimulator();
		if (!startSimulator) throw new Error(`The GOWA simulator is missing: expected ${SIMULATOR_DIR}/index.js`);
		running = await startSimulator({ port: 0, ...simulatorOptions });
	});
	afterAll(async () => {
		await running?.close();
		running = undefined;
	});
	if (clearBeforeEach) {
		beforeEach(() => running?.clearRequests());
	}

	const handle: SimulatorHandle = {
		get sim() {
			if (!running) throw new Error('The simulator runs only inside tests of this describe block (beforeAll/afterAll)');
			return running;
		},
		get url() {
			return handle.sim.url;
		},
		credentials(overrides = {}) {
			const data: ICredentialDataDecryptedObject = {
				baseUrl: handle.url,
				username: simulatorOptions.auth?.username ?? '',
				password: simulatorOptions.auth?.password ?? '',
				deviceId: deviceId ?? '',
				defaultCountryCode: defaultCountryCode ?? '',
				webhookSecret: webhookSecret ?? '',
			};
			return { ...data, ...overrides } as ICredentialDataDecryptedObject;
		},
		requests() {
			return handle.sim.requests;
		},
	};
	return handle;
}
