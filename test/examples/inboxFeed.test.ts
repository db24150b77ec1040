/**
 * examples/inbox-feed.json (issue 13 §3): its shape — the GOWA trigger at 1.1 and the WhatsApp Cloud Trigger feeding
 * one junction, status events updating by messageId and never backwards, messages inserted, one send request routed by
 * provider to GOWA or the Cloud API and both send outputs recorded by one node — and parameters our nodes really
 * have. It runs for real, with both providers, in e2e/cases/inboxFeed.js.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeParameters, INodeTypeDescription } from 'n8n-workflow';

import { WhatsAppCloud } from '../../nodes/WhatsAppCloud/WhatsAppCloud.node';
import { WhatsAppCloudTrigger } from '../../nodes/WhatsAppCloudTrigger/WhatsAppCloudTrigger.node';
import { WhatsAppMultiDevice } from '../../nodes/WhatsAppMultiDevice/WhatsAppMultiDevice.node';
import { WhatsAppMultiDeviceTrigger } from '../../nodes/WhatsAppMultiDeviceTrigger/WhatsAppMultiDeviceTrigger.node';
import { PACKAGE_NAME, PROJECT_ROOT } from '../harness';
import { expectOnlyKnownParameters } from './nodeParameters';

interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: INodeParameters & {
		columns?: { value: Record<string, unknown> };
		filters?: { conditions: Array<Record<string, string>> };
		rules?: { values: Array<{ outputKey: string; conditions: { conditions: Array<Record<string, unknown>> } }> };
	};
	credentials?: Record<string, unknown>;
}

const workflow = JSON.parse(readFileSync(join(PROJECT_ROOT, 'examples', 'inbox-feed.json'), 'utf8')) as {
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
};
const node = (name: string) => workflow.nodes.find((entry) => entry.name === name)!;
const next = (name: string, output = 0) => workflow.connections[name]?.main[output]?.map((entry) => entry.node) ?? [];

describe('examples/inbox-feed.json', () => {
	test('GOWA trigger 1.1 (messages and receipts) and Cloud trigger (messages and statuses) → Inbox Event → status or message', () => {
		const trigger = node('WhatsApp Trigger');
		expect(trigger).toMatchObject({ type: `${PACKAGE_NAME}.whatsAppMultiDeviceTrigger`, typeVersion: 1.1 });
		expect(trigger.parameters.events).toEqual(['message', 'message.ack']);
		expect(next('WhatsApp Trigger')).toEqual(['Inbox Event']);
		const cloud = node('WhatsApp Cloud Trigger');
		expect(cloud).toMatchObject({ type: `${PACKAGE_NAME}.whatsAppCloudTrigger`, typeVersion: 1 });
		expect(cloud.parameters).toMatchObject({ events: ['message', 'status'], registration: 'manual', phoneNumberIds: '' });
		expect(cloud.parameters.statuses).toEqual(['sent', 'delivered', 'read', 'played', 'failed']);
		expect(next('WhatsApp Cloud Trigger')).toEqual(['Inbox Event']);
		const webhookIds = workflow.nodes.map((entry) => (entry as { webhookId?: string }).webhookId).filter(Boolean);
		expect(new Set(webhookIds).size).toBe(webhookIds.length);
		expect(node('Inbox Event').type).toBe('n8n-nodes-base.noOp');
		expect(next('Inbox Event')).toEqual(['Status Event?']);
		expect(next('Status Event?', 0)).toEqual(['Update Delivery Status']);
		expect(next('Status Event?', 1)).toEqual(['Inbound Message?']);
		expect(next('Inbound Message?', 0)).toEqual(['Save Inbound Message']);
	});

	test('one Send Request → Which Provider? (gowa, the default, or cloud; else an error) → Send Text or Send Text (Cloud) → one Save Outbound Message', () => {
		expect(next('Send Request')).toEqual(['Which Provider?']);
		const router = node('Which Provider?');
		expect(router).toMatchObject({ type: 'n8n-nodes-base.switch', typeVersion: 3.2 });
		expect(router.parameters.rules?.values.map((rule) => [rule.outputKey, rule.conditions.conditions.map((condition) => [condition.leftValue, condition.rightValue])])).toEqual([
			['GOWA', [["={{ $json.body.provider || 'gowa' }}", 'gowa']]],
			['Cloud', [["={{ $json.body.provider || 'gowa' }}", 'cloud']]],
		]);
		expect(next('Which Provider?', 0)).toEqual(['Send Text']);
		expect(next('Which Provider?', 1)).toEqual(['Send Text (Cloud)']);
		// Any other provider is an error that names it, not a silent no-op.
		expect(router.parameters.options).toEqual({ fallbackOutput: 'extra', renameFallbackOutput: 'Unknown' });
		expect(next('Which Provider?', 2)).toEqual(['Unknown Provider']);
		expect(node('Unknown Provider')).toMatchObject({ type: 'n8n-nodes-base.stopAndError', parameters: { errorType: 'errorMessage' } });
		expect(next('Send Text')).toEqual(['Save Outbound Message']);
		expect(next('Send Text (Cloud)')).toEqual(['Save Outbound Message']);
		expect(node('Send Text').parameters).toMatchObject({ deviceId: "={{ $json.body.tenant || '' }}", recipient: '={{ $json.body.phone }}', message: '={{ $json.body.text }}' });
		expect(node('Send Text (Cloud)').parameters).toMatchObject({
			resource: 'message',
			operation: 'send',
			messageType: 'text',
			phoneNumberId: "={{ $json.body.tenant || '' }}",
			recipient: '={{ $json.body.phone }}',
			textBody: '={{ $json.body.text }}',
		});
	});

	test('every Data table node finds whatsapp_messages by name; statuses update by messageId only to a higher rank', () => {
		const tables = workflow.nodes.filter((entry) => entry.type === 'n8n-nodes-base.dataTable');
		expect(tables.map((entry) => [entry.name, entry.parameters.operation])).toEqual([
			['Update Delivery Status', 'update'],
			['Save Inbound Message', 'insert'],
			['Save Outbound Message', 'insert'],
		]);
		for (const table of tables) expect(table.parameters.dataTableId).toEqual({ __rl: true, mode: 'name', value: 'whatsapp_messages' });
		const update = node('Update Delivery Status').parameters;
		expect(update.matchType).toBe('allConditions');
		expect(update.filters?.conditions.map((condition) => [condition.keyName, condition.condition])).toEqual([
			['messageId', 'eq'],
			['statusRank', 'lt'],
		]);
		expect(update.filters?.conditions[0].keyValue).toBe('={{ $json.messageId }}');
		expect(Object.keys(update.columns?.value ?? {}).sort()).toEqual(['status', 'statusAt', 'statusRank']);
	});

	test('the outbound row takes the send output’s tracking fields; the inbound row the shared event fields', () => {
		expect(node('Save Outbound Message').parameters.columns?.value).toMatchObject({
			direction: 'outbound',
			provider: '={{ $json.provider }}',
			tenant: '={{ $json.tenant }}',
			messageId: '={{ $json.messageId }}',
			// Both send outputs have `recipient` (GOWA: the JID; Cloud: the digits, as the Cloud trigger's chatId).
			chatId: '={{ $json.recipient }}',
			text: "={{ $('Send Request').item.json.body.text }}",
			status: '={{ $json.status }}',
			statusRank: 1,
		});
		expect(node('Save Inbound Message').parameters.columns?.value).toMatchObject({
			direction: 'inbound',
			provider: '={{ $json.provider }}',
			tenant: '={{ $json.tenant }}',
			messageId: '={{ $json.messageId }}',
			chatId: '={{ $json.chatId }}',
			fromPhone: '={{ $json.from }}',
		});
	});

	const gowaCredential = { whatsAppMultiDeviceApi: { id: 'REPLACE_WITH_YOUR_CREDENTIAL_ID', name: 'WhatsApp MultiDevice account' } };
	const cloudCredential = { whatsAppCloudApi: { id: 'REPLACE_WITH_YOUR_CREDENTIAL_ID', name: 'WhatsApp Cloud API account' } };
	test.each([
		['WhatsApp Trigger', new WhatsAppMultiDeviceTrigger().description, gowaCredential],
		['Send Text', new WhatsAppMultiDevice().description, gowaCredential],
		['WhatsApp Cloud Trigger', new WhatsAppCloudTrigger().description, cloudCredential],
		['Send Text (Cloud)', new WhatsAppCloud().description, cloudCredential],
	])('%s uses only parameters the node has, with allowed values, and a credential to pick', (name: string, description: INodeTypeDescription, credentials: Record<string, unknown>) => {
		const example = node(name);
		expectOnlyKnownParameters(example, description);
		expect(example.credentials).toEqual(credentials);
		expect(description.credentials?.map((credential) => credential.name)).toContain(Object.keys(credentials)[0]);
	});
});
