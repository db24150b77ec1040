/**
 * Assertions the contract tests of every resource repeat: a run's items, one recorded request (method, path, auth,
 * device header, contract) and bad input rejected before anything is sent.
 */
import { NodeOperationError } from 'n8n-workflow';

import { basicAuth, expectContract } from './contract';
import type { RunResult } from './engine';
import type { RecordedRequest } from './simulator';

/** The run succeeded with `count` items, each paired with an input item. */
export function expectItems(result: RunResult, count = 1): void {
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(count);
	for (const item of result.items) expect(item.pairedItem).toEqual({ item: expect.any(Number) });
}

/**
 * Method, path, basic auth, X-Device-Id (deviceId undefined: the header must be absent), the operationId when
 * given, and the contract (spec + real server rules, 200 answer).
 */
export function expectRequestTo(
	request: RecordedRequest,
	expected: { method: string; path: string; auth: { username: string; password: string }; deviceId: string | undefined; operationId?: string },
): void {
	expect(`${request.method} ${request.path}`).toBe(`${expected.method} ${expected.path}`);
	if (expected.operationId !== undefined) expect(request.operationId).toBe(expected.operationId);
	expect(request.headers.authorization).toBe(basicAuth(expected.auth.username, expected.auth.password));
	if (expected.deviceId === undefined) expect(request.headers).not.toHaveProperty('x-device-id');
	else expect(request.headers['x-device-id']).toBe(expected.deviceId);
	expectContract(request);
}

/** Bad input: a NodeOperationError naming the item, and no request recorded. */
export function expectRejectedBeforeSending(result: RunResult, requests: RecordedRequest[], message: string | RegExp, itemIndex = 0): void {
	expect(result.items).toEqual([]);
	expect(result.thrown).toBeInstanceOf(NodeOperationError);
	if (typeof message === 'string') expect(result.error?.message).toBe(message);
	else expect(result.error?.message).toMatch(message);
	expect(result.error?.context?.itemIndex).toBe(itemIndex);
	expect(requests).toHaveLength(0);
}
