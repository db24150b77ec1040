/**
 * Shared setup of the Session, Device, User and Call contract tests: a simulator with basic auth, a base path and
 * three devices (reset before each test), a `run` that executes the real node through n8n's engine against it, and
 * the assertions every operation repeats.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { RecordedRequest, RunResult, SimulatorHandle, TestItem } from '../../../../harness';
import { expectItems, expectRejectedBeforeSending, expectRequestTo, runNode, useSimulator } from '../../../../harness';

export const AUTH = { username: 'tenant-admin', password: 'Account-Contract-Pw-7' };
export const DEVICES = [
	{ id: 'salon-main', jid: '6281200000001@s.whatsapp.net', state: 'logged_in', displayName: 'Salon Ayu' },
	{ id: 'branch-2', jid: '6281200000002@s.whatsapp.net', state: 'logged_in', displayName: 'Salon Ayu Kuta' },
	{ id: 'fresh-slot', state: 'new' },
];

export interface AccountKit {
	gowa: SimulatorHandle;
	/** Runs `resource` → `operation` with the given parameters and items (one empty item by default). */
	run(
		resource: string,
		operation: string,
		parameters?: INodeParameters,
		items?: TestItem[],
		options?: { continueOnFail?: boolean; credentials?: IDataObject },
	): Promise<RunResult>;
	/** The requests recorded since the last clear, as `METHOD /path`. */
	calls(): string[];
	/** The one request recorded since the last clear (fails if there is not exactly one). */
	only(): RecordedRequest;
}

export function setupAccountKit(): AccountKit {
	const gowa = useSimulator({ auth: AUTH, basePath: '/gowa', devices: DEVICES, deviceId: 'salon-main', defaultCountryCode: '62' });
	beforeEach(() => {
		(gowa.sim as unknown as { setDevices(devices: unknown[]): void }).setDevices(DEVICES.map((device) => ({ ...device })));
		gowa.sim.clearRequests();
	});
	return {
		gowa,
		async run(resource, operation, parameters = {}, items = [{ json: {} }], options = {}) {
			return await runNode({
				parameters: { resource, operation, ...parameters },
				credentials: gowa.credentials(options.credentials),
				items,
				continueOnFail: options.continueOnFail,
			});
		},
		calls() {
			return gowa.requests().map((request) => `${request.method} ${request.rawPath ?? request.path}`);
		},
		only() {
			const requests = gowa.requests();
			expect(requests.map((request) => `${request.method} ${request.path}`)).toHaveLength(1);
			return requests[0];
		},
	};
}

/** The run succeeded with `count` items. */
export function expectOk(result: RunResult, count = 1): void {
	expectItems(result, count);
}

/**
 * Method, path, basic auth, X-Device-Id (or its absence for routes that are not device-scoped), operationId and the
 * contract (spec + real server rules, 200 answer).
 */
export function expectRequest(request: RecordedRequest, method: string, path: string, operationId: string, deviceId?: string): void {
	expectRequestTo(request, { method, path, operationId, auth: AUTH, deviceId });
}

/** Bad input: a NodeOperationError naming the item, and nothing sent. */
export function expectRejected(kit: AccountKit, result: RunResult, message: string | RegExp, itemIndex = 0): void {
	expectRejectedBeforeSending(result, kit.gowa.requests(), message, itemIndex);
}

/** No password or webhook secret anywhere in the output. */
export function expectNoSecrets(result: RunResult, ...secrets: string[]): void {
	const text = JSON.stringify(result.items.map((item) => item.json));
	for (const secret of [AUTH.password, ...secrets]) expect(text).not.toContain(secret);
}
