/**
 * What one Meta delivery makes the trigger read: a forged post only the credential (for the App Secret), no
 * parameter; a genuine one the credential once. n8n answers every getCredentials of a webhook with a database
 * read, a decryption and (default expression engine) a new expression isolate.
 */
import type { IDataObject } from 'n8n-workflow';

import { forgetInProcess } from '../../../nodes/shared/seenKeys';
import { receiveDelivery } from '../../../nodes/WhatsAppCloudTrigger/webhook';
import { WhatsAppCloudTrigger } from '../../../nodes/WhatsAppCloudTrigger/WhatsAppCloudTrigger.node';
import { recordingWebhookContext } from '../shared/recordingWebhookContext';
import { CREDENTIALS, PHONE_A, delivery, metadata, post, sign, textMessage } from './cloudTriggerKit';

const PARAMETERS: IDataObject = { events: ['message'], statuses: ['read'], phoneNumberIds: '', registration: 'manual', downloadMedia: false, binaryPropertyName: 'data', options: {} };

function recordingContext(body: Buffer, signature: string) {
	return recordingWebhookContext({ parameters: PARAMETERS, credentials: CREDENTIALS, body, signature, workflowId: 'wf-cloud', node: { id: 'node-cloud', typeVersion: 1.1 } });
}

beforeEach(() => forgetInProcess());

describe('what one delivery reads', () => {
	const body = () => Buffer.from(JSON.stringify(delivery({ metadata: metadata(PHONE_A), messages: [textMessage(`wamid.COST${Date.now()}`)] })));

	test('a forged post reads the credential once and no parameter, then 401', async () => {
		const bytes = body();
		const { context, reads, answered } = recordingContext(bytes, sign(bytes, 'another-app-secret'));
		expect(await receiveDelivery.call(context)).toEqual({ noWebhookResponse: true });
		expect(answered).toEqual([401]);
		expect(reads).toEqual({ parameters: [], credentials: 1 });
	});

	test('a genuine post reads the credential once and each parameter once, and starts one execution', async () => {
		const bytes = body();
		const { context, reads, answered } = recordingContext(bytes, sign(bytes));
		const response = await receiveDelivery.call(context);
		expect(answered).toEqual([]);
		expect(response.workflowData?.[0]).toHaveLength(1);
		expect(reads.credentials).toBe(1);
		expect(new Set(reads.parameters).size).toBe(reads.parameters.length);
	});
});

describe('version 1.1', () => {
	test('new nodes get 1.1: n8n evaluates an expression ($parameter.options.binaryData) for every request to a version-1 start node', () => {
		const { description } = new WhatsAppCloudTrigger();
		expect(description.version).toEqual([1, 1.1]);
		expect(description.defaultVersion).toBe(1.1);
	});

	test('1.1 answers and emits exactly what 1 does', async () => {
		const answers = [];
		const bytes = JSON.stringify(delivery({ metadata: metadata(PHONE_A), messages: [textMessage('wamid.VERSIONS1')] }));
		for (const typeVersion of [1, 1.1]) {
			forgetInProcess();
			const result = await post(bytes, { typeVersion });
			answers.push({ response: result.response?.webhookResponse, items: result.items.map((item) => ({ ...item.json, receivedAt: undefined })) });
		}
		expect(answers[0].items).toHaveLength(1);
		expect(answers[1]).toEqual(answers[0]);
	});
});
