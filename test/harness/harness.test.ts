/**
 * Self-tests of the harness: that it really goes through n8n's engine (expressions, binary storage,
 * continue-on-fail, credentials, webhooks, the credential test) — independent of the simulator.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { Sink } from './index';
import { PACKAGE_NAME, closedPort, runNode, runWebhook, runWorkflow, startSink, testCredential } from './index';

const PASSWORD = 'harness-Pa55word!';

/** Echoes its input and adds a binary made with n8n's own prepareBinaryData. Throws for items with `fail`. */
class ProbeNode implements INodeType {
	description = {
		displayName: 'Probe',
		name: 'harnessProbe',
		group: ['transform'],
		version: 1,
		description: 'Test probe',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Label', name: 'label', type: 'string', default: '' }],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		const items = this.getInputData();
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			if (items[itemIndex].json.fail) throw new NodeOperationError(this.getNode(), 'probe failed', { itemIndex });
			const label = this.getNodeParameter('label', itemIndex) as string;
			const inputBytes = items[itemIndex].binary?.data ? await this.helpers.getBinaryDataBuffer(itemIndex, 'data') : undefined;
			const binary = await this.helpers.prepareBinaryData(Buffer.from(`out:${label}`), 'out.txt', 'text/plain');
			output.push({ json: { label, inputSize: inputBytes?.length ?? null }, binary: { out: binary }, pairedItem: { item: itemIndex } });
		}
		return [output];
	}
}

class ProbeTrigger implements INodeType {
	description = {
		displayName: 'Probe Trigger',
		name: 'harnessProbeTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Test trigger',
		defaults: { name: 'Probe Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'probe' }],
		properties: [],
	} as unknown as INodeType['description'];

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject() as unknown as { rawBody: Buffer };
		if (this.getHeaderData()['x-reject']) {
			this.getResponseObject().status(401).send('rejected');
			return { noWebhookResponse: true };
		}
		const seen = this.getWorkflowStaticData('node');
		seen.count = ((seen.count as number | undefined) ?? 0) + 1;
		return { workflowData: [[{ json: { body: this.getBodyData(), raw: request.rawBody.toString('utf8'), count: seen.count } }]] };
	}
}

describe('harness', () => {
	let sink: Sink;
	beforeAll(async () => {
		sink = await startSink();
	});
	afterAll(async () => await sink.close());
	beforeEach(() => sink.requests.splice(0));

	const credentials = () => ({ baseUrl: `${sink.url}/gowa/`, username: 'admin', password: PASSWORD, deviceId: 'salon-main' });

	test('resolves expressions per item, authenticates with the credential class, pairs items', async () => {
		const result = await runNode({
			parameters: { resource: 'send', operation: 'text', recipient: '={{ $json.phone }}', message: '=Hi {{ $json.name }}', options: {} },
			credentials: credentials(),
			items: [{ json: { phone: '+62 812-3456-7890', name: 'Ayu' } }, { json: { phone: '6281111111111', name: 'Budi' } }],
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(sink.requests.map((request) => JSON.parse(request.body.toString()))).toEqual([
			{ phone: '6281234567890@s.whatsapp.net', message: 'Hi Ayu' },
			{ phone: '6281111111111@s.whatsapp.net', message: 'Hi Budi' },
		]);
		expect(sink.requests[0].headers.authorization).toBe(`Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}`);
		expect(sink.requests[0].url).toBe('/gowa/send/message');
		expect(result.credentialsHandedOut[0]).toMatchObject({ defaultCountryCode: '', webhookSecret: '' });
	});

	test('stores input binaries with n8n (filesystem mode) and resolves output binaries to buffers', async () => {
		const result = await runNode({
			nodeType: ProbeNode,
			parameters: { label: '={{ $json.label }}' },
			items: [{ json: { label: 'a' }, binary: { data: { data: Buffer.from('12345'), mimeType: 'text/plain', fileName: 'in.txt' } } }],
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ label: 'a', inputSize: 5 });
		const out = result.items[0].binary?.out;
		expect(out?.data.toString()).toBe('out:a');
		expect(out?.mimeType).toBe('text/plain');
		expect(out?.fileName).toBe('out.txt');
		expect(out?.stored.id).toMatch(/^filesystem/);
	});

	test('reports the thrown error with itemIndex, both as recorded and as the original instance', async () => {
		const result = await runNode({ nodeType: ProbeNode, parameters: { label: 'x' }, items: [{ json: {} }, { json: { fail: true } }] });
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe('probe failed');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(result.thrown).toBeInstanceOf(NodeOperationError);
		expect(result.run.status).toBe('error');
	});

	test('continueOnFail sets onError so the node sees continueOnFail() === true', async () => {
		const port = await closedPort();
		const result = await runNode({
			parameters: { resource: 'send', operation: 'text', recipient: '={{ $json.phone }}', message: 'x', options: {} },
			credentials: { baseUrl: `http://127.0.0.1:${port}` },
			items: [{ json: { phone: 'not a phone' } }, { json: { phone: '6281234567890' } }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(result.items.map((item) => item.json.status)).toEqual(['failed', 'failed']);
		expect(result.items[1].json.errorClass).toBe('connectionRefused');
	});

	test('runWorkflow runs several nodes; expressions can reach earlier nodes', async () => {
		const result = await runWorkflow(
			{
				nodes: [
					{ name: 'Start', type: 'start', parameters: {} },
					{ name: 'Probe', type: `${PACKAGE_NAME}.harnessProbe`, parameters: { label: '={{ $json.who }}' } },
					{
						name: 'Send',
						type: 'whatsAppMultiDevice',
						parameters: { resource: 'send', operation: 'text', recipient: '6281234567890', message: "={{ 'from ' + $('Probe').item.json.label }}", options: {} },
						credentials: { whatsAppMultiDeviceApi: { id: '1', name: 'c' } },
					},
				],
				connections: {
					Start: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] },
					Probe: { main: [[{ node: 'Send', type: 'main', index: 0 }]] },
				},
			},
			{ whatsAppMultiDeviceApi: credentials() },
			{ items: [{ json: { who: 'tester' } }] },
		).catch(async (error) => {
			throw error;
		});
		expect(result.error).toBeUndefined();
		expect(JSON.parse(sink.requests[0].body.toString()).message).toBe('from tester');
		expect((await result.itemsOf('Send'))[0].json.status).toBe('sent');
	});

	test('runWebhook passes body, raw body and static data through the real WebhookContext', async () => {
		const staticData = {};
		const first = await runWebhook({
			nodeType: ProbeTrigger,
			parameters: {},
			request: { rawBody: '{"event":"message","n":1}' },
			staticData,
			downstream: [{ name: 'Probe', type: new ProbeNode(), parameters: { label: '={{ $json.body.event }}' } } as never],
		});
		expect(first.items[0].json).toEqual({ body: { event: 'message', n: 1 }, raw: '{"event":"message","n":1}', count: 1 });
		expect(await first.workflowRun?.itemsOf('Probe')).toEqual([expect.objectContaining({ json: { label: 'message', inputSize: null } })]);
		const second = await runWebhook({ nodeType: ProbeTrigger, parameters: {}, request: { body: { n: 2 } }, staticData });
		expect(second.items[0].json.count).toBe(2);
		const rejected = await runWebhook({ nodeType: ProbeTrigger, parameters: {}, request: { body: {}, headers: { 'X-Reject': '1' } } });
		expect(rejected.response).toEqual({ noWebhookResponse: true });
		expect(rejected.httpResponse).toMatchObject({ statusCode: 401, body: 'rejected', sent: true });
	});

	test('testCredential runs the credential test request through RoutingNode and applies its rules', async () => {
		sink.answer({ status: 200, body: { code: 'SUCCESS', message: 'ok', results: [] } });
		await expect(testCredential(credentials())).resolves.toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sink.requests[0]).toMatchObject({ method: 'GET', url: '/gowa/devices' });
		sink.answer({ status: 401, body: 'Unauthorized' });
		const refused = await testCredential(credentials());
		expect(refused).toMatchObject({ status: 'Error', statusCode: 401 });
		sink.answer({ status: 200, body: { code: 'SUCCESS' } });
	});
});
