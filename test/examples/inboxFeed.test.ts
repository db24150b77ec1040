/**
 * examples/inbox-feed.json (issue 13 §3): its shape — the GOWA trigger at 1.1 feeding one junction a second trigger
 * can join, status events updating by messageId and never backwards, messages inserted, the send path recording the
 * send output's tracking fields — and parameters our nodes really have. It runs for real in e2e/cases/inboxFeed.js.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeParameters, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { WhatsAppMultiDevice } from '../../nodes/WhatsAppMultiDevice/WhatsAppMultiDevice.node';
import { WhatsAppMultiDeviceTrigger } from '../../nodes/WhatsAppMultiDeviceTrigger/WhatsAppMultiDeviceTrigger.node';
import { PACKAGE_NAME, PROJECT_ROOT } from '../harness';

interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: INodeParameters & { columns?: { value: Record<string, unknown> }; filters?: { conditions: Array<Record<string, string>> } };
	credentials?: Record<string, unknown>;
}

const workflow = JSON.parse(readFileSync(join(PROJECT_ROOT, 'examples', 'inbox-feed.json'), 'utf8')) as {
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
};
const node = (name: string) => workflow.nodes.find((entry) => entry.name === name)!;
const next = (name: string, output = 0) => workflow.connections[name]?.main[output]?.map((entry) => entry.node) ?? [];

describe('examples/inbox-feed.json', () => {
	test('GOWA trigger 1.1 (messages and receipts) → Inbox Event (a No-Op every trigger can join) → status or message', () => {
		const trigger = node('WhatsApp Trigger');
		expect(trigger).toMatchObject({ type: `${PACKAGE_NAME}.whatsAppMultiDeviceTrigger`, typeVersion: 1.1 });
		expect(trigger.parameters.events).toEqual(['message', 'message.ack']);
		expect(next('WhatsApp Trigger')).toEqual(['Inbox Event']);
		expect(node('Inbox Event').type).toBe('n8n-nodes-base.noOp');
		expect(next('Inbox Event')).toEqual(['Status Event?']);
		expect(next('Status Event?', 0)).toEqual(['Update Delivery Status']);
		expect(next('Status Event?', 1)).toEqual(['Inbound Message?']);
		expect(next('Inbound Message?', 0)).toEqual(['Save Inbound Message']);
		expect(next('Send Request')).toEqual(['Send Text']);
		expect(next('Send Text')).toEqual(['Save Outbound Message']);
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

	test.each([
		['WhatsApp Trigger', new WhatsAppMultiDeviceTrigger().description],
		['Send Text', new WhatsAppMultiDevice().description],
	])('%s uses only parameters the node has, and a credential to pick', (name: string, description: INodeTypeDescription) => {
		const example = node(name);
		const shown = description.properties.filter((property) => NodeHelpers.displayParameter(example.parameters, property, { typeVersion: example.typeVersion }, description));
		const names = new Set(shown.map((property) => property.name));
		expect(Object.keys(example.parameters).filter((parameter) => !names.has(parameter))).toEqual([]);
		expect(example.credentials).toEqual({ whatsAppMultiDeviceApi: { id: 'REPLACE_WITH_YOUR_CREDENTIAL_ID', name: 'WhatsApp MultiDevice account' } });
	});
});
