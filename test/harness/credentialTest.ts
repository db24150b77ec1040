/**
 * The credential "Test" button, in-process. n8n's CredentialsTester (CLI package) turns the credential's
 * `test.request` into a temporary declarative node and runs it with n8n-core's RoutingNode, authenticated by
 * the credential's `authenticate`; then it maps failures with `test.rules`. This does the same with the same
 * n8n-core classes, so a test sees what a user would see in the credential dialog.
 */
import { ExecuteContext, ExecutionLifecycleHooks, RoutingNode } from 'n8n-core';
import type {
	IDataObject,
	ICredentialTestRequest,
	IExecuteData,
	INode,
	INodeType,
	INodeTypes,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { DEFAULT_CREDENTIAL_TYPE, WORKFLOW_ID, additionalDataFor, newExecutionId } from './engine';
import { getCredentialType } from './registry';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
	/** HTTP status of the test request's answer, when there was one. */
	statusCode?: number;
}

interface ErrorWithResponse {
	message?: string;
	cause?: { response?: { status?: number; statusText?: string }; code?: string };
}

export async function testCredential(
	data: IDataObject,
	credentialType = DEFAULT_CREDENTIAL_TYPE,
): Promise<CredentialTestResult> {
	const type = getCredentialType(credentialType);
	const test: ICredentialTestRequest | undefined = type?.test;
	if (!test) return { status: 'Error', message: 'No testing function found for this credential.' };

	const executionId = newExecutionId();
	const credentialsHelper = new TestCredentialsHelper({ [credentialType]: data });
	const hooks = new ExecutionLifecycleHooks('internal', executionId, { id: WORKFLOW_ID, nodes: [], connections: {} } as never);
	const additionalData = additionalDataFor(hooks, executionId, credentialsHelper);
	// Defaults applied as the CLI's applyDefaultsAndOverwrites does.
	const decrypted = await credentialsHelper.getDecrypted(additionalData, { id: 'cred', name: 'Test' }, credentialType, 'internal');

	const probe: INodeType = {
		description: {
			displayName: 'Credential test',
			name: 'harnessCredentialTest',
			group: ['output'],
			version: 1,
			description: '',
			defaults: { name: 'Credential test' },
			inputs: [],
			outputs: [],
			credentials: [{ name: credentialType, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: test.request } }],
		},
	};
	const probeTypes: INodeTypes = {
		getByName: () => probe,
		getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(probe, 1) as INodeType,
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: probe.description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType]: { id: 'cred', name: 'Test' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: probeTypes });
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);
	const routing = new RoutingNode(context, probe, { id: 'cred', name: 'Test', type: credentialType, data: decrypted });

	let response: Awaited<ReturnType<RoutingNode['runNode']>>;
	try {
		response = await routing.runNode();
	} catch (caught) {
		const error = caught as ErrorWithResponse;
		const response = error.cause?.response;
		if (response?.status !== undefined) {
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === response.status) {
					return { status: 'Error', message: rule.properties.message, statusCode: response.status };
				}
			}
			if (response.status < 200 || response.status > 299) {
				return {
					status: 'Error',
					message: response.statusText || `Received HTTP status code: ${response.status}`,
					statusCode: response.status,
				};
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: String(error.message ?? caught) };
	}
	// responseSuccessBody rules are checked on the first item of a successful answer, as the CLI does.
	for (const rule of test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const json = (response as Array<Array<{ json?: unknown }>> | undefined)?.[0]?.[0]?.json;
		if (get(json, rule.properties.key) === rule.properties.value) return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/** lodash `get` for a dotted key, as the CLI's rule check uses it. */
function get(value: unknown, key: string): unknown {
	let current: unknown = value;
	for (const part of key.split('.')) {
		if (current === null || current === undefined || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[part];
	}
	return current;
}
