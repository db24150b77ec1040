/**
 * Runs workflows in-process through n8n-core's real engine (WorkflowExecute): real parameter and
 * expression resolution, real binary data handling, real continue-on-fail and real HTTP through
 * `httpRequestWithAuthentication` (n8n-core's OutboundHttp, i.e. axios) — only the database-backed
 * parts of the CLI (credential storage, node loading) are replaced, see credentialsHelper.ts and registry.ts.
 */
import { userFolder } from './env';

import { Container } from '@n8n/di';
import { BinaryDataService, ExecutionLifecycleHooks, WorkflowExecute, WorkflowHasIssuesError, prepareBinaryData } from 'n8n-core';
import type {
	ExecutionError,
	IBinaryData,
	IConnections,
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IPairedItemData,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import type { CredentialsByType } from './credentialsHelper';
import { initDeduplication } from './deduplication';
import { TestCredentialsHelper } from './credentialsHelper';
import { START_NODE_TYPE, nodeTypes, resolveNodeType, thrownErrors } from './registry';

export { userFolder };

export const WORKFLOW_ID = 'harnessWorkflow1';
export const DEFAULT_CREDENTIAL_TYPE = 'whatsAppMultiDeviceApi';

/** A file on a test input item. `data` is the raw content; mimeType/fileName as the previous node would set them. */
export interface TestBinary {
	data: Buffer;
	mimeType?: string;
	fileName?: string;
}

export interface TestItem {
	json: Record<string, unknown>;
	binary?: Record<string, TestBinary>;
}

/** A binary property of an output item, resolved back to its bytes. */
export interface ResolvedBinary {
	data: Buffer;
	mimeType: string;
	fileName?: string;
	fileExtension?: string;
	/** n8n's stored form (with `id` in filesystem mode), for assertions about storage. */
	stored: IBinaryData;
}

export interface OutputItem {
	json: IDataObject;
	binary?: Record<string, ResolvedBinary>;
	pairedItem?: IPairedItemData | IPairedItemData[] | number;
	error?: unknown;
}

/** The error a node threw, as the engine recorded it (a NodeApiError / NodeOperationError instance). */
export type NodeError = ExecutionError & {
	description?: string | null;
	context?: IDataObject & { itemIndex?: number };
	httpCode?: string | null;
	cause?: unknown;
};

type NodeTypeRef = string | INodeType | IVersionedNodeType | (new () => INodeType | IVersionedNodeType);

export interface RunNodeOptions {
	/** Node parameters as they would appear in the workflow JSON (expressions like `={{ $json.phone }}` allowed). */
	parameters: Record<string, unknown>;
	/** Data of the node's credential (for `credentialType`, default `whatsAppMultiDeviceApi`). */
	credentials?: IDataObject;
	/** Extra credentials by type, when the node uses more than one. */
	moreCredentials?: CredentialsByType;
	credentialType?: string;
	/** Input items (default: one empty item). */
	items?: TestItem[];
	/** Sets the node's `onError: 'continueRegularOutput'` (n8n's "Continue (using regular output)"). */
	continueOnFail?: boolean;
	/** Node to run: `whatsAppMultiDevice` (default), another node of this package by its name, or a class/instance. */
	nodeType?: NodeTypeRef;
	typeVersion?: number;
	/** Node name in the workflow (default: the description's default name). */
	nodeName?: string;
	mode?: WorkflowExecuteMode;
	settings?: IWorkflowSettings;
	/** Cancels the execution (as the editor's Stop button does) when this promise resolves. */
	cancelWhen?: Promise<unknown>;
	/** Workflow static data (kept between runs when the same object is passed again); mutated in place. */
	staticData?: IDataObject;
}

export interface RunResult {
	/** Output items of the node under test, main output 0, binaries resolved to Buffers. */
	items: OutputItem[];
	/** All main outputs of the node under test. */
	outputs: OutputItem[][];
	/**
	 * The error the node threw (the run failed), as n8n recorded it in the run data — a plain copy with
	 * message, description, context.itemIndex, httpCode, … (what the n8n UI and database see).
	 */
	error?: NodeError;
	/** The very Error instance the node threw (NodeApiError / NodeOperationError), with its prototype and cause. */
	thrown?: Error;
	run: IRun;
	/** Name of the node under test in the workflow. */
	nodeName: string;
	/** Every credential object the engine handed to a node during the run (with defaults applied). */
	credentialsHandedOut: ICredentialDataDecryptedObject[];
}

export interface WorkflowJson {
	name?: string;
	nodes: Array<Omit<INode, 'id' | 'typeVersion' | 'position'> & Partial<Pick<INode, 'id' | 'typeVersion' | 'position'>>>;
	connections: IConnections;
	settings?: IWorkflowSettings;
}

export interface RunWorkflowOptions {
	/** Items the start node outputs (default: one empty item). */
	items?: TestItem[];
	/** Items already in n8n's form (used by runWebhook); win over `items`. */
	executionItems?: INodeExecutionData[];
	/** Workflow static data (what triggers keep between calls); mutated in place by the run. */
	staticData?: IDataObject;
	executionId?: string;
	/** Name of the node to start from (default: the first node of type `start`). */
	startNode?: string;
	mode?: WorkflowExecuteMode;
	/** Cancels the execution (as the editor's Stop button does) when this promise resolves. */
	cancelWhen?: Promise<unknown>;
}

export interface WorkflowRunResult {
	run: IRun;
	/** Output items (main output 0, first run) of a node, binaries resolved. */
	itemsOf(nodeName: string): Promise<OutputItem[]>;
	/** The error a node threw, as recorded in the run data, if it failed. */
	errorOf(nodeName: string): NodeError | undefined;
	/** The original Error instance a node threw, if it failed. */
	thrownBy(nodeName: string): Error | undefined;
	executionId: string;
	/** The workflow-level error, if the run failed. */
	error?: NodeError;
	credentialsHandedOut: ICredentialDataDecryptedObject[];
}

let executionCounter = 0;

export function newExecutionId(): string {
	return `harness-${process.pid}-${++executionCounter}`;
}
let binaryServiceReady: Promise<BinaryDataService> | undefined;

/**
 * n8n 2.x stores binary data on the filesystem by default; the harness does the same, below the temporary
 * N8N_USER_FOLDER, so nodes read input files through n8n's binary data manager as in production.
 */
export async function binaryDataService(): Promise<BinaryDataService> {
	binaryServiceReady ??= (async () => {
		const service = Container.get(BinaryDataService);
		await service.init();
		return service;
	})();
	return await binaryServiceReady;
}

export function additionalDataFor(hooks: ExecutionLifecycleHooks, executionId: string, credentialsHelper: TestCredentialsHelper): IWorkflowExecuteAdditionalData {
	const base = 'http://127.0.0.1:5678';
	return {
		hooks,
		credentialsHelper,
		executionId,
		userId: 'harness-user',
		workflowId: WORKFLOW_ID,
		variables: {},
		currentNodeExecutionIndex: 0,
		// These must be valid URLs: n8n builds $execution.resumeUrl and friends from them.
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formBaseUrl: `${base}/form`,
		formTestBaseUrl: `${base}/form-test`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		webhookBaseUrl: `${base}/webhook`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		executeWorkflow: async () => {
			throw new Error('Harness: sub-workflows are not supported');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Turns test items into n8n items, storing each binary with n8n-core's own prepareBinaryData. */
export async function toExecutionItems(items: TestItem[], executionId: string): Promise<INodeExecutionData[]> {
	await binaryDataService();
	return await Promise.all(
		items.map(async (item) => {
			const result: INodeExecutionData = { json: item.json as IDataObject };
			if (item.binary) {
				result.binary = {};
				for (const [key, file] of Object.entries(item.binary)) {
					result.binary[key] = await prepareBinaryData(file.data, executionId, WORKFLOW_ID, file.fileName, file.mimeType);
				}
			}
			return result;
		}),
	);
}

/** Reads an n8n output item's binaries back into Buffers. */
export async function resolveItem(item: INodeExecutionData): Promise<OutputItem> {
	const output: OutputItem = { json: item.json };
	if (item.pairedItem !== undefined) output.pairedItem = item.pairedItem;
	if (item.error !== undefined) output.error = item.error;
	if (item.binary) {
		const service = await binaryDataService();
		output.binary = {};
		for (const [key, stored] of Object.entries(item.binary)) {
			output.binary[key] = {
				data: await service.getAsBuffer(stored),
				mimeType: stored.mimeType,
				fileName: stored.fileName,
				fileExtension: stored.fileExtension,
				stored,
			};
		}
	}
	return output;
}

function normaliseNodes(json: WorkflowJson): INode[] {
	return json.nodes.map((node, index) => ({
		id: node.id ?? `node-${index}`,
		position: node.position ?? [index * 200, 0],
		typeVersion: node.typeVersion ?? 1,
		...node,
		type: node.type === 'start' ? START_NODE_TYPE : resolveNodeType(node.type),
	})) as INode[];
}

/**
 * Runs a workflow from its start node and waits for the end. `credentials` maps credential type → data;
 * every node with a `credentials` entry of that type gets it.
 */
export async function runWorkflow(
	json: WorkflowJson,
	credentials: CredentialsByType = {},
	options: RunWorkflowOptions = {},
): Promise<WorkflowRunResult> {
	const executionId = options.executionId ?? newExecutionId();
	const mode = options.mode ?? 'manual';
	await initDeduplication();
	const nodes = normaliseNodes(json);
	const settings: IWorkflowSettings = { executionOrder: 'v1', ...json.settings };
	const workflowData: IWorkflowBase = {
		id: WORKFLOW_ID,
		name: json.name ?? 'Harness workflow',
		active: false,
		isArchived: false,
		activeVersionId: null,
		nodes,
		connections: json.connections,
		settings,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as IWorkflowBase;
	const workflow = new Workflow({
		id: WORKFLOW_ID,
		name: workflowData.name,
		nodes,
		connections: json.connections,
		nodeTypes,
		active: false,
		settings,
		staticData: options.staticData,
	});

	const startName = options.startNode ?? nodes.find((node) => node.type === START_NODE_TYPE)?.name;
	const startNode = startName ? workflow.getNode(startName) : null;
	if (!startNode) throw new Error('Harness: the workflow needs a node of type "start" (or options.startNode)');

	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	let finished: IRun | undefined;
	hooks.addHandler('workflowExecuteAfter', (run) => {
		finished = run;
	});
	const credentialsHelper = new TestCredentialsHelper(credentials);
	const additionalData = additionalDataFor(hooks, executionId, credentialsHelper);
	const startItems = options.executionItems ?? (await toExecutionItems(options.items ?? [{ json: {} }], executionId));
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: startNode, data: { main: [startItems] }, source: null }] },
	});
	let run: IRun;
	try {
		const running = new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
		void options.cancelWhen?.then(() => running.cancel());
		run = await running;
	} catch (error) {
		// n8n refuses to start a workflow whose nodes have issues (e.g. a required parameter left empty):
		// report it like a failed run, as the editor does, instead of throwing.
		if (!(error instanceof WorkflowHasIssuesError)) throw error;
		const failed = createRunExecutionData({ resultData: { error: error as unknown as ExecutionError } });
		run = { data: failed, mode, startedAt: new Date(), stoppedAt: new Date(), storedAt: 'db', status: 'error' };
		thrownErrors.set(`${executionId}|`, error);
	}
	const result = finished ?? run;
	const runData = result.data.resultData.runData;

	return {
		run: result,
		error: result.data.resultData.error as NodeError | undefined,
		credentialsHandedOut: credentialsHelper.handedOut,
		executionId,
		thrownBy: (nodeName) => (thrownErrors.get(`${executionId}|${nodeName}`) ?? thrownErrors.get(`${executionId}|`)) as Error | undefined,
		errorOf: (nodeName) => runData[nodeName]?.[0]?.error as NodeError | undefined,
		itemsOf: async (nodeName) => {
			const main = runData[nodeName]?.[0]?.data?.main?.[0] ?? [];
			return await Promise.all(main.map(resolveItem));
		},
	};
}

/**
 * Runs one node of this package (default: WhatsApp MultiDevice) on the given items: Start → node.
 * See README.md for the options.
 */
export async function runNode(options: RunNodeOptions): Promise<RunResult> {
	const typeName = resolveNodeType(options.nodeType ?? 'whatsAppMultiDevice');
	const nodeType = nodeTypes.getByNameAndVersion(typeName, options.typeVersion);
	const description = nodeType.description;
	const nodeName = options.nodeName ?? description.defaults.name ?? description.displayName;
	const credentialType = options.credentialType ?? DEFAULT_CREDENTIAL_TYPE;
	const credentialsByType: CredentialsByType = { ...options.moreCredentials };
	if (options.credentials) credentialsByType[credentialType] = options.credentials;

	const nodeCredentials: INode['credentials'] = {};
	for (const { name } of description.credentials ?? []) {
		if (credentialsByType[name]) nodeCredentials[name] = { id: `cred-${name}`, name: `Test ${name}` };
	}
	const version = options.typeVersion ?? (Array.isArray(description.version) ? description.version[description.version.length - 1] : description.version);
	const node: WorkflowJson['nodes'][number] = {
		name: nodeName,
		type: typeName,
		typeVersion: version,
		parameters: options.parameters as INodeParameters,
		credentials: nodeCredentials,
	};
	if (options.continueOnFail) node.onError = 'continueRegularOutput';

	const result = await runWorkflow(
		{
			nodes: [{ name: 'Start', type: 'start', parameters: {} }, node],
			connections: { Start: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } },
			settings: options.settings,
		},
		credentialsByType,
		{ items: options.items, mode: options.mode, cancelWhen: options.cancelWhen, staticData: options.staticData },
	);
	const taskData = result.run.data.resultData.runData[nodeName]?.[0];
	const outputs = await Promise.all((taskData?.data?.main ?? []).map(async (items) => await Promise.all((items ?? []).map(resolveItem))));
	return {
		items: outputs[0] ?? [],
		outputs,
		error: result.errorOf(nodeName) ?? result.error,
		thrown: result.thrownBy(nodeName),
		run: result.run,
		nodeName,
		credentialsHandedOut: result.credentialsHandedOut,
	};
}
