import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { gowaFailureOf } from '../../shared/errors';
import { getConnection, gowaRequest } from '../../shared/transport';

/**
 * What a GOWA server can do, read from `GET /app/info` once per execution and server, so a feature a server lacks
 * fails the item with a clear message before anything is sent (an older GOWA ignores unknown fields: it would send
 * a "scheduled" message at once, or drop caption mentions).
 */
export interface ServerCapabilities {
	/** `results.version` as the server reports it (e.g. "v9.5.0"); null when it has no /app/info (v8 and older). */
	version: string | null;
	/** `results.scheduled_sends === true` (a missing field means false: v9.2 servers do not send it). */
	scheduledSends: boolean;
}

/** Features GOWA added in v9.5, the names the error messages use, and how each is detected. */
export const V95_FEATURES = {
	scheduledSends: { label: 'scheduled sends', detect: (capabilities: ServerCapabilities) => capabilities.scheduledSends },
	markPlayed: { label: 'Mark as Played', detect: atLeastV95 },
	chatHistory: { label: 'Request History', detect: atLeastV95 },
	newsletterMediaDownload: { label: 'Download Message Media of a channel', detect: atLeastV95 },
	captionMentions: { label: 'mentions in image, file and video captions', detect: atLeastV95 },
} satisfies Record<string, { label: string; detect: (capabilities: ServerCapabilities) => boolean }>;

export type V95Feature = keyof typeof V95_FEATURES;

/** [major, minor, patch] of "v9.5.0", "9.5", "v9.5.1-beta"; undefined when the text is no version. */
export function parseVersion(version: string | null): [number, number, number] | undefined {
	const match = (version ?? '').trim().match(/^v?(\d+)\.(\d+)(?:\.(\d+))?/i);
	return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : undefined;
}

/** v9.5.0 or newer; a version that cannot be read counts as v9.5 when the server announces scheduled sends. */
function atLeastV95(capabilities: ServerCapabilities): boolean {
	const parts = parseVersion(capabilities.version);
	if (parts === undefined) return capabilities.scheduledSends;
	return parts[0] > 9 || (parts[0] === 9 && parts[1] >= 5);
}

/**
 * Answers per workflow execution (all WhatsApp nodes of one execution share them), keyed by execution id, base URL and
 * credential device; bounded, oldest dropped first. A run without an execution id keeps its own per node run.
 */
const byExecution = new Map<string, Promise<ServerCapabilities>>();
const byNodeRun = new WeakMap<object, Map<string, Promise<ServerCapabilities>>>();
const MAX_CACHED = 500;

function cacheFor(context: IExecuteFunctions): { map: Map<string, Promise<ServerCapabilities>>; prefix: string } {
	const executionId = context.getExecutionId();
	if (typeof executionId === 'string' && executionId !== '') return { map: byExecution, prefix: `${executionId}\n` };
	let perRun = byNodeRun.get(context);
	if (perRun === undefined) {
		perRun = new Map();
		byNodeRun.set(context, perRun);
	}
	return { map: perRun, prefix: '' };
}

async function fetchCapabilities(context: IExecuteFunctions, itemIndex: number): Promise<ServerCapabilities> {
	try {
		const info = await gowaRequest.call(context, { method: 'GET', path: '/app/info', itemIndex });
		const results = (Array.isArray(info) ? {} : info) as IDataObject;
		return {
			version: typeof results.version === 'string' && results.version.trim() !== '' ? results.version.trim() : null,
			scheduledSends: results.scheduled_sends === true,
		};
	} catch (error) {
		// GOWA v8 and older have no /app/info: none of the v9.5 features.
		if (gowaFailureOf(error)?.failure.httpCode === 404) return { version: null, scheduledSends: false };
		const failed = error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(context.getNode(), error as Error, { itemIndex });
		throw failed;
	}
}

/** The server's capabilities, read once per execution for each base URL + credential device (later items and nodes reuse it). */
export async function serverCapabilities(this: IExecuteFunctions, itemIndex: number): Promise<ServerCapabilities> {
	const connection = await getConnection.call(this, itemIndex);
	const { map, prefix } = cacheFor(this);
	const key = `${prefix}${connection.baseUrl}\n${connection.defaultDeviceId}`;
	let pending = map.get(key);
	if (pending === undefined) {
		pending = fetchCapabilities(this, itemIndex);
		map.set(key, pending);
		if (map.size > MAX_CACHED) map.delete(map.keys().next().value as string);
		// A failed read (network, 401…) is not remembered: the next item asks again.
		pending.catch(() => map.delete(key));
	}
	return await pending;
}

/** Fails the item unless the server has the feature: "this GOWA server is v9.2.0; scheduled sends need v9.5 or newer". */
export async function requireFeature(this: IExecuteFunctions, itemIndex: number, feature: V95Feature): Promise<void> {
	const capabilities = await serverCapabilities.call(this, itemIndex);
	const { label, detect } = V95_FEATURES[feature];
	if (detect(capabilities)) return;
	const host = new URL((await getConnection.call(this, itemIndex)).baseUrl).host;
	const server = capabilities.version === null ? 'v8 or older (it has no /app/info)' : capabilities.version;
	const message = atLeastV95(capabilities)
		? `this GOWA server is ${server} but does not announce ${label} (/app/info scheduled_sends is not true)`
		: `this GOWA server is ${server}; ${label} need${label.endsWith('s') ? '' : 's'} v9.5 or newer`;
	throw new NodeOperationError(this.getNode(), message, {
		itemIndex,
		description: `Nothing was sent. Update GOWA on ${host} to v9.5 or newer, or leave out what needs it for this tenant.`,
	});
}
