/**
 * Shared setup of the Send contract tests: a simulator with basic auth, a base path and two devices; a `send`
 * that runs the real node through n8n's engine against it; and the assertions every operation repeats.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { RecordedRequest, RunResult, SimulatorHandle, TestItem } from '../../../../harness';
import { expectRejectedBeforeSending, expectRequestTo, runNode, useSimulator } from '../../../../harness';

export const AUTH = { username: 'salon-admin', password: 'Send-Contract-Pw-42' };
export const DEVICES = [
	{ id: 'salon-main', jid: '6281200000001@s.whatsapp.net', state: 'logged_in', displayName: 'Salon Ayu' },
	{ id: 'branch-2', jid: '6281200000002@s.whatsapp.net', state: 'logged_in', displayName: 'Salon Ayu Kuta' },
];
/** The recipient most tests use, as typed in a CRM and as GOWA must receive it. */
export const PHONE = '+62 811-2222-3333';
export const JID = '6281122223333@s.whatsapp.net';

export interface SendKit {
	gowa: SimulatorHandle;
	/** Runs Send → `operation` with the given parameters (resource/operation added) and items. */
	send(
		operation: string,
		parameters: INodeParameters,
		items?: TestItem[],
		options?: { continueOnFail?: boolean; credentials?: IDataObject },
	): Promise<RunResult>;
	/** The one request recorded since the last clear (fails if there is not exactly one). */
	only(): RecordedRequest;
}

export function setupSendKit(): SendKit {
	const gowa = useSimulator({ auth: AUTH, basePath: '/gowa', devices: DEVICES, deviceId: 'salon-main', defaultCountryCode: '62' });
	return {
		gowa,
		async send(operation, parameters, items = [{ json: { phone: PHONE } }], options = {}) {
			const result = await runNode({
				parameters: { resource: 'send', operation, ...parameters },
				credentials: gowa.credentials(options.credentials),
				items,
				continueOnFail: options.continueOnFail,
			});
			expectTracking(result, gowa.requests());
			return result;
		},
		only() {
			const requests = gowa.requests();
			expect(requests.map((request) => `${request.method} ${request.path}`)).toHaveLength(1);
			return requests[0];
		},
	};
}

/**
 * Every sent item carries the tracking fields (issue 13 §3): provider gowa, tenant = the X-Device-Id its request
 * used, messageId = the message_id GOWA answered (null when the answer has none, e.g. presence).
 */
export function expectTracking(result: RunResult, requests: RecordedRequest[]): void {
	const answered = requests.filter((request) => (request.response?.status ?? 0) >= 200 && (request.response?.status ?? 0) < 300 && request.method === 'POST');
	for (const item of result.items.filter((entry) => entry.json.status === 'sent')) {
		const messageIdOf = (request: RecordedRequest) => (request.response?.body?.results?.message_id as string | undefined) ?? null;
		const request = answered.find((candidate) => messageIdOf(candidate) === item.json.messageId);
		expect(request).toBeDefined();
		expect(item.json).toMatchObject({ provider: 'gowa', tenant: request!.headers['x-device-id'] ?? null, messageId: messageIdOf(request!), status: 'sent' });
	}
}

/** The run succeeded and every output item says sent. */
export function expectSent(result: RunResult, count = 1): void {
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(count);
	for (const item of result.items) expect(item.json).toMatchObject({ status: 'sent', provider: 'gowa', tenant: expect.any(String) });
}

/** Method, path, basic auth, X-Device-Id and the contract (spec + real server rules, 200 answer). */
export function expectSendRequest(request: RecordedRequest, path: string, deviceId: string | undefined = 'salon-main'): void {
	expectRequestTo(request, { method: 'POST', path, auth: AUTH, deviceId });
}

/** Bad input: a NodeOperationError naming the item, and nothing sent. */
export function expectRejected(kit: SendKit, result: RunResult, message: string | RegExp, itemIndex = 0): void {
	expectRejectedBeforeSending(result, kit.gowa.requests(), message, itemIndex);
}

/**
 * Continue on fail with items [bad, good, bad]: the bad ones become error items paired with their input, the good
 * one is sent — exactly one request reaches the server.
 */
export async function expectContinueOnFail(
	kit: SendKit,
	operation: string,
	parameters: INodeParameters,
	items: [TestItem, TestItem, TestItem],
	message: string | RegExp,
): Promise<RunResult> {
	const result = await kit.send(operation, parameters, items, { continueOnFail: true });
	expect(result.error).toBeUndefined();
	expect(result.items.map((item) => [item.pairedItem, item.json.status])).toEqual([
		[{ item: 0 }, 'failed'],
		[{ item: 1 }, 'sent'],
		[{ item: 2 }, 'failed'],
	]);
	for (const index of [0, 2]) {
		if (typeof message === 'string') expect(result.items[index].json.error).toBe(message);
		else expect(result.items[index].json.error).toMatch(message);
	}
	expect(kit.gowa.requests()).toHaveLength(1);
	return result;
}
