/**
 * A webhook context for one signed POST that records every parameter and credential read a trigger's webhook()
 * makes (n8n answers each getCredentials of a webhook with a database read, a decryption and, with its default
 * expression engine, a new expression isolate); the rest is answered as n8n's WebhookContext does.
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

export interface RecordedReads {
	parameters: string[];
	credentials: number;
}

export function recordingWebhookContext(options: {
	parameters: IDataObject;
	credentials: IDataObject;
	body: Buffer;
	signature: string;
	workflowId: string;
	node: { id: string; typeVersion: number };
}): { context: IWebhookFunctions; reads: RecordedReads; answered: number[] } {
	const reads: RecordedReads = { parameters: [], credentials: 0 };
	const answered: number[] = [];
	const context = {
		getNodeParameter: (name: string, fallback: unknown) => {
			reads.parameters.push(name);
			return options.parameters[name] ?? fallback;
		},
		getRequestObject: () => ({ rawBody: options.body }),
		getResponseObject: () => ({ status: (code: number) => (answered.push(code), { json: () => undefined }) }),
		getHeaderData: () => ({ 'x-hub-signature-256': options.signature }),
		getBodyData: () => JSON.parse(options.body.toString()),
		getCredentials: async () => {
			reads.credentials++;
			return { ...options.credentials };
		},
		getWorkflow: () => ({ id: options.workflowId }),
		getNode: () => options.node,
		getMode: () => 'webhook',
		logger: { debug: jest.fn(), warn: jest.fn(), info: jest.fn() },
		helpers: {},
	} as unknown as IWebhookFunctions;
	return { context, reads, answered };
}
