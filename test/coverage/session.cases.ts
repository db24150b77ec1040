/**
 * One runnable case per Session operation (parameters + input items). Run each with
 * `runNode({ parameters: c.parameters, items: c.items, credentials })` from test/harness against the simulator
 * (default device `salon-main`, logged in).
 *
 * Cases that would change the shared default device (log in, log out) act on the device `coverage-session` through
 * the Device ID override instead; give the simulator that device in state `new` (see `sessionCaseDevices`) for them
 * to succeed — without it GOWA answers 404 DEVICE_NOT_FOUND, and the operationId is still recorded. The passkey
 * response and confirmation only succeed while a passkey pairing is pending (`sim.setPasskey`); otherwise GOWA answers
 * 500, which these cases do not retry.
 */
import type { OperationCase } from './send.cases';

/** The extra simulator device the log-in / log-out cases act on. */
export const sessionCaseDevices = [{ id: 'coverage-session', state: 'new' }];

const ASSERTION = {
	id: 'XcnXe2W9me1XZTGii6JI9A',
	rawId: 'XcnXe2W9me1XZTGii6JI9A',
	type: 'public-key',
	response: { clientDataJSON: 'eyJ0eXBlIjoid2ViYXV0aG4uZ2V0In0', authenticatorData: 'SZYN5YgOjGh0NBcPZHZgW4', signature: 'MEUCIQDx3s1aXd5fP0gWgR0nWQ', userHandle: null },
};

const session = (operation: string, parameters: Record<string, unknown> = {}): OperationCase => ({
	resource: 'session',
	operation,
	parameters: { resource: 'session', operation, ...parameters },
});

export const cases: OperationCase[] = [
	session('checkHealth', { options: { timeout: 5 } }),
	session('health'),
	session('info'),
	session('status'),
	session('getDevices', { returnAll: true }),
	session('reconnect'),
	session('passkeyStatus'),
	session('login', { deviceId: 'coverage-session', binaryPropertyName: 'qr' }),
	session('loginWithCode', { deviceId: 'coverage-session', phone: '+62 812-3456-7890' }),
	session('passkeyResponse', { deviceId: 'coverage-session', assertion: JSON.stringify(ASSERTION), sending: { maxAttempts: 1 } }),
	session('passkeyConfirm', { deviceId: 'coverage-session', sending: { maxAttempts: 1 } }),
	session('logout', { deviceId: 'coverage-session' }),
];
