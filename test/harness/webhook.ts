/**
 * Runs a webhook trigger of this package in-process the way n8n's webhook service does: the node's
 * `webhook()` is called through n8n-core's real WebhookContext with a request object (JSON body parsed,
 * `rawBody` kept as n8n's body parser keeps it), then — if it returned workflow data — the workflow runs
 * from the trigger (which passes its items through, as in n8n). Also runs the activation hooks
 * (`webhookMethods.default.checkExists/create/delete`) through the real HookContext.
 */
import { HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	IHttpRequestMethods,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRunExecutionData,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ExecutionLifecycleHooks } from 'n8n-core';
import { Workflow } from 'n8n-workflow';

import type { CredentialsByType } from './credentialsHelper';
import { TestCredentialsHelper } from './credentialsHelper';
import type { NodeError, OutputItem, WorkflowJson, WorkflowRunResult } from './engine';
import { DEFAULT_CREDENTIAL_TYPE, WORKFLOW_ID, additionalDataFor, newExecutionId, resolveItem, runWorkflow } from './engine';
import { nodeTypes, resolveNodeType, thrownErrors } from './registry';

export interface WebhookRequest {
	method?: IHttpRequestMethods;
	headers?: Record<string, string>;
	/** Parsed body (sent as JSON; `rawBody` defaults to its JSON text). */
	body?: unknown;
	/** The exact bytes received, for signature checks. Parsed as JSON into `body` when `body` is not given. */
	rawBody?: Buffer | string;
	query?: Record<string, string>;
	params?: Record<string, string>;
}

export interface CapturedResponse {
	statusCode: number;
	headers: Record<string, string>;
	body?: unknown;
	/** Whether the node wrote a response itself (it must then return `noWebhookResponse: true`). */
	sent: boolean;
}

export interface RunWebhookOptions {
	nodeType: string | INodeType | (new () => INodeType);
	parameters: Record<string, unknown>;
	credentials?: IDataObject;
	credentialType?: string;
	request: WebhookRequest;
	/** Webhook name in the description (default `default`). */
	webhookName?: string;
	/** Workflow static data kept between calls (pass the same object again to simulate one active workflow). */
	staticData?: IDataObject;
	/** Nodes after the trigger (connected in a chain from it), run with the webhook's items. */
	downstream?: WorkflowJson['nodes'];
	nodeName?: string;
	mode?: WorkflowExecuteMode;
	/** The trigger's typeVersion (default: its newest). */
	typeVersion?: number;
	/** The execution a resuming (waiting) webhook belongs to, as n8n hands it to WebhookContext. */
	runExecutionData?: IRunExecutionData;
}

export interface WebhookRunResult {
	/** What `webhook()` returned. */
	response?: IWebhookResponseData;
	/** The HTTP answer the node wrote itself through getResponseObject(), if any. */
	httpResponse: CapturedResponse;
	/** Items the trigger emitted (workflowData[0]), binaries resolved. */
	items: OutputItem[];
	/** All outputs of the trigger. */
	outputs: OutputItem[][];
	/** The error `webhook()` threw, if any. */
	thrown?: Error;
	/** The run of the rest of the workflow, when workflowData was returned and downstream nodes were given. */
	workflowRun?: WorkflowRunResult;
	error?: NodeError;
	staticData: IDataObject;
	nodeName: string;
}

type Request = NonNullable<IWorkflowExecuteAdditionalData['httpRequest']>;
type Response = NonNullable<IWorkflowExecuteAdditionalData['httpResponse']>;

function fakeRequest(request: WebhookRequest, path: string): Request {
	const headers: Record<string, string> = {};
	for (const [key, value] of Object.entries(request.headers ?? {})) headers[key.toLowerCase()] = value;
	headers['content-type'] ??= 'application/json';
	let rawBody: Buffer;
	let body = request.body;
	if (request.rawBody !== undefined) {
		rawBody = Buffer.isBuffer(request.rawBody) ? request.rawBody : Buffer.from(request.rawBody);
		if (body === undefined && headers['content-type'].includes('json')) {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				body = {};
			}
		}
	} else {
		rawBody = Buffer.from(body === undefined ? '' : JSON.stringify(body));
	}
	return {
		method: request.method ?? 'POST',
		url: `/webhook/${path}`,
		path: `/webhook/${path}`,
		headers,
		body: body ?? {},
		rawBody,
		query: request.query ?? {},
		params: request.params ?? {},
		get: (name: string) => headers[name.toLowerCase()],
		header: (name: string) => headers[name.toLowerCase()],
	} as unknown as Request;
}

function fakeResponse(captured: CapturedResponse): Response {
	const response = {
		get headersSent() {
			return captured.sent;
		},
		status(code: number) {
			captured.statusCode = code;
			return response;
		},
		setHeader(name: string, value: string) {
			captured.headers[name.toLowerCase()] = String(value);
			return response;
		},
		set(name: string, value: string) {
			captured.headers[name.toLowerCase()] = String(value);
			return response;
		},
		header(name: string, value: string) {
			captured.headers[name.toLowerCase()] = String(value);
			return response;
		},
		getHeader(name: string) {
			return captured.headers[name.toLowerCase()];
		},
		writeHead(code: number, headers?: Record<string, string>) {
			captured.statusCode = code;
			for (const [key, value] of Object.entries(headers ?? {})) captured.headers[key.toLowerCase()] = String(value);
			return response;
		},
		json(body: unknown) {
			captured.body = body;
			captured.sent = true;
			return response;
		},
		send(body?: unknown) {
			captured.body = body;
			captured.sent = true;
			return response;
		},
		end(body?: unknown) {
			if (body !== undefined) captured.body = body;
			captured.sent = true;
			return response;
		},
		sendStatus(code: number) {
			captured.statusCode = code;
			captured.sent = true;
			return response;
		},
		on: () => response,
		once: () => response,
	};
	return response as unknown as Response;
}

export function triggerSetup(options: {
	nodeType: RunWebhookOptions['nodeType'];
	parameters: Record<string, unknown>;
	credentials?: IDataObject;
	credentialType?: string;
	nodeName?: string;
	staticData?: IDataObject;
	downstream?: WorkflowJson['nodes'];
	typeVersion?: number;
}) {
	const typeName = resolveNodeType(options.nodeType);
	const nodeType = nodeTypes.getByNameAndVersion(typeName) as INodeType;
	const description = nodeType.description;
	const nodeName = options.nodeName ?? description.defaults.name ?? description.displayName;
	const credentialType = options.credentialType ?? DEFAULT_CREDENTIAL_TYPE;
	const credentialsByType: CredentialsByType = options.credentials ? { [credentialType]: options.credentials } : {};
	const nodeCredentials: INode['credentials'] = {};
	for (const { name } of description.credentials ?? []) {
		if (credentialsByType[name]) nodeCredentials[name] = { id: `cred-${name}`, name: `Test ${name}` };
	}
	const version = options.typeVersion ?? (Array.isArray(description.version) ? description.version[description.version.length - 1] : description.version);
	const node: INode = {
		id: 'trigger',
		name: nodeName,
		type: typeName,
		typeVersion: version,
		position: [0, 0],
		parameters: options.parameters as INodeParameters,
		credentials: nodeCredentials,
		webhookId: 'harness-webhook-id',
	};
	const downstream = options.downstream ?? [];
	const chain = [nodeName, ...downstream.map((entry) => entry.name)];
	const connections: WorkflowJson['connections'] = {};
	for (let index = 0; index < chain.length - 1; index++) {
		connections[chain[index]] = { main: [[{ node: chain[index + 1], type: 'main', index: 0 }]] };
	}
	const json: WorkflowJson = { nodes: [node, ...downstream], connections };
	const staticData = options.staticData ?? {};
	const workflow = new Workflow({
		id: WORKFLOW_ID,
		nodes: json.nodes.map((entry, index) => ({ id: `n${index}`, position: [0, 0], typeVersion: 1, ...entry, type: index === 0 ? typeName : resolveNodeType(entry.type) })) as INode[],
		connections,
		nodeTypes,
		active: true,
		staticData,
		settings: { executionOrder: 'v1' },
	});
	return { nodeType, description, nodeName, credentialsByType, node: workflow.getNode(nodeName) as INode, workflow, json, staticData };
}

function webhookDataFor(workflow: Workflow, node: INode, description: IWebhookDescription, additionalData: IWebhookData['workflowExecuteAdditionalData'], mode: WorkflowExecuteMode, isTest?: boolean): IWebhookData {
	let path = description.path;
	try {
		path = String(workflow.expression.getSimpleParameterValue(node, description.path, mode, {}, undefined, '') ?? '');
	} catch {
		// keep the raw path
	}
	return {
		httpMethod: (typeof description.httpMethod === 'string' && !description.httpMethod.startsWith('=') ? description.httpMethod : 'POST') as IHttpRequestMethods,
		node: node.name,
		path,
		webhookDescription: description,
		workflowId: WORKFLOW_ID,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
		...(isTest === true ? { isTest } : {}),
	};
}

/** Calls the trigger's `webhook()` with a request, then runs the downstream nodes with what it emitted. */
export async function runWebhook(options: RunWebhookOptions): Promise<WebhookRunResult> {
	const setup = triggerSetup(options);
	const mode = options.mode ?? 'webhook';
	const executionId = newExecutionId();
	const credentialsHelper = new TestCredentialsHelper(setup.credentialsByType);
	const hooks = new ExecutionLifecycleHooks(mode, executionId, { id: WORKFLOW_ID, nodes: [], connections: {} } as never);
	const additionalData = additionalDataFor(hooks, executionId, credentialsHelper);
	const webhookName = options.webhookName ?? 'default';
	const description = setup.description.webhooks?.find((entry) => entry.name === webhookName);
	if (!description) throw new Error(`Harness: node "${setup.nodeName}" has no webhook named "${webhookName}"`);
	const webhookData = webhookDataFor(setup.workflow, setup.node, description, additionalData, mode);

	const captured: CapturedResponse = { statusCode: 200, headers: {}, sent: false };
	additionalData.httpRequest = fakeRequest(options.request, webhookData.path);
	additionalData.httpResponse = fakeResponse(captured);
	const context = new WebhookContext(setup.workflow, setup.node, additionalData, mode, webhookData, [], options.runExecutionData ?? null);

	const result: WebhookRunResult = { httpResponse: captured, items: [], outputs: [], staticData: setup.staticData, nodeName: setup.nodeName };
	try {
		result.response = await (setup.nodeType.webhook as (this: WebhookContext) => Promise<IWebhookResponseData>).call(context);
	} catch (error) {
		result.thrown = (thrownErrors.get(`${executionId}|${setup.nodeName}`) as Error | undefined) ?? (error as Error);
		return result;
	}
	const workflowData: INodeExecutionData[][] = result.response?.workflowData ?? [];
	result.outputs = await Promise.all(workflowData.map(async (items) => await Promise.all((items ?? []).map(resolveItem))));
	result.items = result.outputs[0] ?? [];
	if (workflowData.length > 0 && (options.downstream?.length ?? 0) > 0) {
		result.workflowRun = await runWorkflow(setup.json, setup.credentialsByType, {
			startNode: setup.nodeName,
			executionItems: workflowData[0] ?? [],
			staticData: setup.staticData,
			mode,
		});
		result.error = result.workflowRun.error;
	}
	return result;
}

export type WebhookMethodName = 'checkExists' | 'create' | 'delete';

/** Runs one of the trigger's activation hooks (`webhookMethods.<webhookName>.<method>`) through n8n's HookContext. */
export async function runWebhookMethod(
	method: WebhookMethodName,
	options: Omit<RunWebhookOptions, 'request' | 'downstream'> & { activation?: WorkflowActivateMode; /** "Listen for test event": the hook sees the test URL (webhook-test/…). */ isTest?: boolean },
): Promise<{ result?: boolean; thrown?: Error; staticData: IDataObject; webhookUrl?: string }> {
	const setup = triggerSetup(options);
	const mode = options.mode ?? 'trigger';
	const executionId = newExecutionId();
	const credentialsHelper = new TestCredentialsHelper(setup.credentialsByType);
	const hooks = new ExecutionLifecycleHooks(mode, executionId, { id: WORKFLOW_ID, nodes: [], connections: {} } as never);
	const additionalData = additionalDataFor(hooks, executionId, credentialsHelper);
	const webhookName = options.webhookName ?? 'default';
	const description = setup.description.webhooks?.find((entry) => entry.name === webhookName);
	if (!description) throw new Error(`Harness: node "${setup.nodeName}" has no webhook named "${webhookName}"`);
	const webhookData = webhookDataFor(setup.workflow, setup.node, description, additionalData, mode, options.isTest);
	const context = new HookContext(setup.workflow, setup.node, additionalData, mode, options.activation ?? 'activate', webhookData);
	const methods = setup.nodeType.webhookMethods as Record<string, Record<string, unknown> | undefined> | undefined;
	const fn = methods?.[webhookName]?.[method] as ((this: HookContext) => Promise<boolean>) | undefined;
	if (typeof fn !== 'function') throw new Error(`Harness: node "${setup.nodeName}" has no webhookMethods.${webhookName}.${method}`);
	const webhookUrl = context.getNodeWebhookUrl(webhookName as 'default');
	try {
		return { result: await fn.call(context), staticData: setup.staticData, webhookUrl };
	} catch (error) {
		return { thrown: error as Error, staticData: setup.staticData, webhookUrl };
	}
}
