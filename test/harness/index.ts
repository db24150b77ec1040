/**
 * In-process n8n test harness: runs this package's real node classes through n8n-core's workflow engine.
 * See README.md in this folder.
 */
export { userFolder } from './env';
export type {
	NodeError,
	OutputItem,
	ResolvedBinary,
	RunNodeOptions,
	RunResult,
	RunWorkflowOptions,
	TestBinary,
	TestItem,
	WorkflowJson,
	WorkflowRunResult,
} from './engine';
export { DEFAULT_CREDENTIAL_TYPE, binaryDataService, runNode, runWorkflow } from './engine';
export { testCredential } from './credentialTest';
export type { CredentialTestResult } from './credentialTest';
export { PACKAGE_NAME, PROJECT_ROOT, registerCredentialType, registerNodeType } from './registry';
export type { RecordedRequest, Simulator, SimulatorHandle, SimulatorOptions, UseSimulatorOptions } from './simulator';
export { loadSimulator, useSimulator } from './simulator';
export { NEXT_SPEC_SOURCE_HINT, SPEC_SOURCE_HINT, describeContract, describeContractNext, findNextSpecPath, findSpecPath, nextSpecPath, specPath } from './spec';
export type { CapturedResponse, RunWebhookOptions, WebhookMethodName, WebhookRequest, WebhookRunResult } from './webhook';
export { runWebhook, runWebhookMethod } from './webhook';
export type { Sink, SinkAnswer, SinkHandler, SinkRequest } from './sink';
export { closedPort, startSink } from './sink';
export type { FileField } from './contract';
export type { ContractVersion } from './contract';
export { basicAuth, bodyOf, contractProblems, expectContract, inPinnedSpec, mediaTypeOf } from './contract';
export { runListSearch } from './loadOptions';
export { processedData } from './deduplication';
export { expectItems, expectRejectedBeforeSending, expectRequestTo } from './assertions';
