/**
 * Shared setup of the Message, Chat, Group and Newsletter contract tests: a simulator with basic auth, a base path
 * and two logged-in devices (fresh seeded chat storage before each test), a `run` that executes the real node
 * through n8n's engine against it, access to the simulated device's storage, and the assertions every test repeats.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { RecordedRequest, RunResult, SimulatorHandle, TestItem } from '../../../../harness';
import { expectItems, expectRejectedBeforeSending, expectRequestTo, runNode, useSimulator } from '../../../../harness';

export const AUTH = { username: 'crm-admin', password: 'Conversation-Pw-19' };
export const DEVICES = [
	{ id: 'salon-main', jid: '6281200000001@s.whatsapp.net', state: 'logged_in', displayName: 'Salon Ayu' },
	{ id: 'branch-2', jid: '6281200000002@s.whatsapp.net', state: 'logged_in', displayName: 'Salon Ayu Kuta' },
];

/** The slice of the simulator's per-device storage (simulator/store.js) the tests read. */
export interface StoredMessage extends IDataObject {
	id: string;
	chat_jid: string;
	media_type: string;
	is_from_me: boolean;
	timestamp: number;
	content: string;
	filename: string;
}
export interface StoredGroup {
	jid: string;
	name: string;
	topic: string;
	locked: boolean;
	announce: boolean;
	inviteCode: string;
	pictureId: string;
	left: boolean;
	participants: Array<{ phone: string; lid: string; isAdmin: boolean; isSuperAdmin: boolean }>;
	requests: Array<{ jid: string; display_name: string }>;
}
export interface DeviceStore {
	chats: Map<string, { jid: string; name: string; archived: boolean; pinned: boolean; hasMedia?: boolean; ephemeral_expiration: number; last_message_time: number }>;
	/** Messages of a chat, newest first (seeded lazily on first access). */
	messagesOf(jid: string): StoredMessage[];
	findMessage(id: string): StoredMessage | undefined;
	media: Map<string, { bytes: Buffer; mimeType: string; extension: string; fileName: string }>;
	groups: Map<string, StoredGroup>;
	newsletters: Map<string, { metadata: IDataObject; messages: Array<{ server_id: number }> }>;
}

interface SimulatorInternals {
	setDevices(devices: unknown[]): void;
	storeFor(device: unknown): DeviceStore;
	registry: { find(id: string): unknown };
	addMessage(deviceId: string, message: IDataObject): StoredMessage;
}

export interface ConversationKit {
	gowa: SimulatorHandle;
	/** Runs `resource` → `operation` with the given parameters and items (one empty item by default). */
	run(
		resource: string,
		operation: string,
		parameters?: INodeParameters,
		items?: TestItem[],
		options?: { continueOnFail?: boolean; credentials?: IDataObject },
	): Promise<RunResult>;
	/** The requests recorded since the last clear, as `METHOD /path?query` (path as sent, still percent-encoded). */
	calls(): string[];
	/** The one request recorded since the last clear (fails if there is not exactly one). */
	only(): RecordedRequest;
	/** The simulated device's local storage (seeded deterministically, reset before each test). */
	store(deviceId?: string): DeviceStore;
	/** Adds a message to a device's chat storage. */
	addMessage(message: IDataObject, deviceId?: string): StoredMessage;
}

export function setupConversationKit(): ConversationKit {
	const gowa = useSimulator({ auth: AUTH, basePath: '/gowa', devices: DEVICES, deviceId: 'salon-main', defaultCountryCode: '62' });
	const internals = () => gowa.sim as unknown as SimulatorInternals;
	beforeEach(() => {
		internals().setDevices(DEVICES.map((device) => ({ ...device })));
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
			return gowa.requests().map((request) => `${request.method} ${String(request.rawPath ?? request.path).replace(/^\/gowa/, '')}`);
		},
		only() {
			const requests = gowa.requests();
			expect(requests.map((request) => `${request.method} ${request.path}`)).toHaveLength(1);
			return requests[0];
		},
		store(deviceId = 'salon-main') {
			return internals().storeFor(internals().registry.find(deviceId));
		},
		addMessage(message, deviceId = 'salon-main') {
			return internals().addMessage(deviceId, message);
		},
	};
}

/** The run succeeded with `count` items, each paired with input item 0 unless said otherwise. */
export function expectOk(result: RunResult, count = 1): void {
	expectItems(result, count);
}

/** Method, path, basic auth, X-Device-Id, operationId and the contract (spec + real server rules, 200 answer). */
export function expectRequest(request: RecordedRequest, method: string, path: string, operationId: string, deviceId = 'salon-main'): void {
	expectRequestTo(request, { method, path, operationId, auth: AUTH, deviceId });
}

/** Bad input: a NodeOperationError naming the item, and nothing sent. */
export function expectRejected(kit: ConversationKit, result: RunResult, message: string | RegExp, itemIndex = 0): void {
	expectRejectedBeforeSending(result, kit.gowa.requests(), message, itemIndex);
}

/** A phone number as a CRM types it, and the JID GOWA must receive. */
export const PHONE = '+62 811-2222-3333';
export const JID = '6281122223333@s.whatsapp.net';
