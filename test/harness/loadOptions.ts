/**
 * Runs a node's `methods.listSearch.<name>` through n8n-core's real LoadOptionsContext (what the editor calls
 * to fill a resource locator's list), authenticated by the harness credentials helper.
 */
import { ExecutionLifecycleHooks, LoadOptionsContext } from 'n8n-core';
import type { IDataObject, INodeListSearchResult } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { WORKFLOW_ID, additionalDataFor, newExecutionId } from './engine';
import type { RunWebhookOptions } from './webhook';
import { triggerSetup } from './webhook';

export async function runListSearch(
	methodName: string,
	options: { nodeType?: RunWebhookOptions['nodeType']; parameters?: Record<string, unknown>; credentials?: IDataObject; credentialType?: string; filter?: string },
): Promise<{ result?: INodeListSearchResult; thrown?: Error }> {
	const setup = triggerSetup({ nodeType: options.nodeType ?? 'whatsAppMultiDevice', parameters: options.parameters ?? {}, credentials: options.credentials, credentialType: options.credentialType });
	const executionId = newExecutionId();
	const hooks = new ExecutionLifecycleHooks('manual', executionId, { id: WORKFLOW_ID, nodes: [], connections: {} } as never);
	const additionalData = additionalDataFor(hooks, executionId, new TestCredentialsHelper(setup.credentialsByType));
	const context = new LoadOptionsContext(setup.workflow, setup.node, additionalData, 'parameters');
	const method = setup.nodeType.methods?.listSearch?.[methodName];
	if (typeof method !== 'function') throw new Error(`Harness: node has no methods.listSearch.${methodName}`);
	try {
		return { result: await method.call(context, options.filter) };
	} catch (error) {
		return { thrown: error as Error };
	}
}
