import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { gowaFailureOf } from '../../shared/errors';
import type { GowaRequest } from '../../shared/transport';
import { getConnection, gowaRawRequest } from '../../shared/transport';
import { asNodeError } from './nodeError';
import { dataArray } from './paging';

/** Failure classes that mean the server cannot be reached at all: further probes would only fail the same way. */
const UNREACHABLE = new Set(['connectionRefused', 'dns', 'timeout', 'connectionReset', 'network']);

type ProbeResult = { ok: true; response: Awaited<ReturnType<typeof gowaRawRequest>> } | { ok: false; reason: string; unreachable: boolean; httpCode?: number };

/**
 * One probe request. Errors that say the credential itself is wrong (GOWA's plain 401 to basic auth, an invalid
 * Base URL) are thrown: they need fixing in n8n, not on the server. Every other failure becomes a result.
 */
async function probe(context: IExecuteFunctions, request: GowaRequest): Promise<ProbeResult> {
	try {
		return { ok: true, response: await gowaRawRequest.call(context, request) };
	} catch (error) {
		const gowa = gowaFailureOf(error);
		if (gowa === undefined || gowa.class === 'credentials') throw asNodeError(context, error, request.itemIndex ?? 0);
		return { ok: false, reason: gowa.message, unreachable: UNREACHABLE.has(gowa.class), httpCode: gowa.failure.httpCode };
	}
}

export interface HealthOptions {
	timeoutMs: number;
	/** Device to check: the item's override, else the credential default; '' = every device of the server. */
	deviceId: string;
	requireLoggedIn: boolean;
}

function summariseDevice(device: IDataObject): IDataObject {
	return {
		id: device.id ?? null,
		state: device.state ?? null,
		jid: device.jid ?? null,
		phone_number: device.phone_number ?? null,
		display_name: device.display_name ?? null,
	};
}

/**
 * Combines `/health`, `/app/info`, `/devices` and `/app/status` into one report for tenant dashboards. Never throws
 * for a server that is down or broken (healthy: false with the reasons); throws only for credential problems.
 */
export async function checkEndpointHealth(this: IExecuteFunctions, itemIndex: number, options: HealthOptions): Promise<IDataObject> {
	const connection = await getConnection.call(this, itemIndex);
	const base = { itemIndex, timeoutMs: options.timeoutMs, noRetry: true };
	const problems: string[] = [];
	const report: IDataObject = {
		healthy: false,
		reason: null,
		problems,
		host: new URL(connection.baseUrl).host,
		serverStatus: null,
		latencyMs: null,
		apiReachable: false,
		version: null,
		deviceId: null,
		loggedIn: null,
		connected: null,
		jid: null,
		deviceCount: null,
		loggedInDevices: null,
		devices: [],
		checkedAt: new Date().toISOString(),
	};

	const started = Date.now();
	const health = await probe(this, { ...base, method: 'GET', path: '/health', atServerRoot: true });
	report.latencyMs = Date.now() - started;
	if (health.ok) report.serverStatus = health.response.body.toString('utf8').trim().slice(0, 100) || 'OK';
	else {
		problems.push(`Health check: ${health.reason}`);
		if (health.httpCode === 503) report.serverStatus = 'Service Unavailable';
		if (health.unreachable) return finish(report, problems);
	}

	const info = await probe(this, { ...base, method: 'GET', path: '/app/info' });
	if (info.ok) report.version = (info.response.envelope?.results as IDataObject | undefined)?.version ?? null;
	// GOWA before v9 has no /app/info: not a health problem, the version stays unknown.

	const list = await probe(this, { ...base, method: 'GET', path: '/devices' });
	let devices: IDataObject[] = [];
	if (list.ok) {
		report.apiReachable = true;
		devices = dataArray(list.response.envelope?.results).map(summariseDevice);
		report.devices = devices;
		report.deviceCount = devices.length;
		report.loggedInDevices = devices.filter((device) => device.state === 'logged_in').length;
	} else {
		problems.push(`Device list: ${list.reason}`);
		if (list.unreachable) return finish(report, problems);
	}

	const deviceId = options.deviceId !== '' ? options.deviceId : devices.length === 1 ? String(devices[0].id ?? '') : '';
	if (deviceId !== '') {
		const status = await probe(this, { ...base, method: 'GET', path: '/app/status', deviceScoped: true, deviceId });
		report.deviceId = deviceId;
		if (status.ok) {
			const results = (status.response.envelope?.results ?? {}) as IDataObject;
			report.loggedIn = results.is_logged_in === true;
			report.connected = results.is_connected === true;
			report.jid = typeof results.jid === 'string' && results.jid !== '' ? results.jid : null;
			if (options.requireLoggedIn && !report.loggedIn) problems.push(`Device "${deviceId}" is not logged in to WhatsApp`);
			else if (options.requireLoggedIn && !report.connected) problems.push(`Device "${deviceId}" is not connected to WhatsApp`);
		} else {
			problems.push(`Device "${deviceId}": ${status.reason}`);
		}
	} else if (options.requireLoggedIn && list.ok) {
		if (devices.length === 0) problems.push('The server has no device: add one (Device → Add) and pair it');
		const notLoggedIn = devices.filter((device) => device.state !== 'logged_in').map((device) => String(device.id));
		if (notLoggedIn.length > 0) problems.push(`Not logged in: ${notLoggedIn.join(', ')}`);
		report.loggedIn = devices.length > 0 && notLoggedIn.length === 0;
	}
	return finish(report, problems);
}

function finish(report: IDataObject, problems: string[]): IDataObject {
	report.healthy = problems.length === 0;
	report.reason = problems[0] ?? null;
	return report;
}
