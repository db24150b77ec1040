/**
 * examples/booking-confirm-reply-cloud.json (issue 14 §3, "the same with Cloud reply buttons"): its shape — Booking
 * Created → WhatsApp Cloud Send and Wait (Chat Reply, Confirm / Reschedule reply buttons, 24 h) → timeout / confirmed /
 * reschedule, and the WhatsApp Cloud Trigger → Hand Reply to Waiting Execution in the same workflow — the same
 * structure as the GOWA example, and only parameters our nodes really have. It runs for real in
 * e2e/cases/examples.bookingReplyCloud.js.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeParameters, INodeTypeDescription } from 'n8n-workflow';

import { WhatsAppCloud } from '../../nodes/WhatsAppCloud/WhatsAppCloud.node';
import { WhatsAppCloudTrigger } from '../../nodes/WhatsAppCloudTrigger/WhatsAppCloudTrigger.node';
import { PACKAGE_NAME, PROJECT_ROOT } from '../harness';
import { expectOnlyKnownParameters } from './nodeParameters';

interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	webhookId?: string;
	parameters: INodeParameters;
	credentials?: Record<string, unknown>;
}
interface Workflow {
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const load = (file: string) => JSON.parse(readFileSync(join(PROJECT_ROOT, 'examples', file), 'utf8')) as Workflow;
const workflow = load('booking-confirm-reply-cloud.json');
const gowa = load('booking-confirm-reply.json');
const node = (name: string) => workflow.nodes.find((entry) => entry.name === name)!;
const next = (name: string, output = 0) => workflow.connections[name]?.main[output]?.map((entry) => entry.node) ?? [];
const cloudCredential = { id: 'REPLACE_WITH_YOUR_CREDENTIAL_ID', name: 'WhatsApp Cloud API account' };

describe('examples/booking-confirm-reply-cloud.json', () => {
	test('Booking Created → Ask to Confirm (Cloud, Chat Reply: Confirm / Reschedule buttons, 24 h) → timeout / confirmed / reschedule', () => {
		expect(next('Booking Created')).toEqual(['Ask to Confirm']);
		const ask = node('Ask to Confirm');
		expect(ask.type).toBe(`${PACKAGE_NAME}.whatsAppCloud`);
		expect(ask.parameters).toMatchObject({ resource: 'message', operation: 'sendAndWait', responseType: 'chatReply', allowedReplies: 'Confirm, Reschedule', recipient: '={{ $json.body.phone }}' });
		expect(ask.parameters.options).toMatchObject({ limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 24, resumeUnit: 'hours' } } });
		expect(next('Ask to Confirm')).toEqual(['No Answer?']);
		expect(next('No Answer?', 0)).toEqual(['No Answer (Timeout)']);
		expect(next('No Answer?', 1)).toEqual(['Confirmed?']);
		expect(JSON.stringify(node('Confirmed?').parameters)).toContain('"rightValue":"Confirm"');
		expect(next('Confirmed?', 0)).toEqual(['Booking Confirmed']);
		expect(next('Confirmed?', 1)).toEqual(['Offer New Time']);
	});

	test('WhatsApp Cloud Trigger (messages) → Hand Reply to Waiting Booking (defaults, n8n API credential) → handled or other messages', () => {
		const trigger = node('WhatsApp Cloud Trigger');
		expect(trigger).toMatchObject({ type: `${PACKAGE_NAME}.whatsAppCloudTrigger`, typeVersion: 1 });
		expect(trigger.parameters).toMatchObject({ events: ['message'], registration: 'manual', phoneNumberIds: '' });
		expect(next('WhatsApp Cloud Trigger')).toEqual(['Hand Reply to Waiting Booking']);
		const handOff = node('Hand Reply to Waiting Booking');
		expect(handOff.parameters).toEqual({ resource: 'message', operation: 'handOffReply' });
		expect(handOff.credentials).toEqual({ whatsAppCloudApi: cloudCredential, whatsAppN8nApi: { id: 'REPLACE_WITH_YOUR_N8N_API_CREDENTIAL_ID', name: 'n8n API for chat replies' } });
		expect(next('Hand Reply to Waiting Booking')).toEqual(['Was a Reply?']);
		expect(next('Was a Reply?', 0)).toEqual(['Reply Handled']);
		expect(next('Was a Reply?', 1)).toEqual(['Other Messages']);
	});

	test('the same nodes and connections as the GOWA example (plus a sticky note); webhook IDs and paths of its own', () => {
		const rename = (name: string) => (name === 'WhatsApp Trigger' ? 'WhatsApp Cloud Trigger' : name);
		const edges = (flow: Workflow) =>
			Object.entries(flow.connections)
				.flatMap(([from, { main }]) => main.flatMap((targets, output) => targets.map((target) => `${rename(from)}:${output}→${target.node}`)))
				.sort();
		expect(edges(workflow)).toEqual(edges(gowa));
		expect(workflow.nodes.filter((entry) => entry.type !== 'n8n-nodes-base.stickyNote').map((entry) => entry.name)).toEqual(gowa.nodes.map((entry) => rename(entry.name)));
		expect(workflow.nodes.filter((entry) => entry.type === 'n8n-nodes-base.stickyNote')).toHaveLength(1);
		const ids = (flow: Workflow) => flow.nodes.flatMap((entry) => [entry.webhookId, String(entry.parameters.path ?? '')]).filter(Boolean);
		expect(ids(workflow).filter((id) => ids(gowa).includes(id))).toEqual([]);
	});

	test.each([
		['Ask to Confirm', new WhatsAppCloud().description],
		['Hand Reply to Waiting Booking', new WhatsAppCloud().description],
		['WhatsApp Cloud Trigger', new WhatsAppCloudTrigger().description],
	])('%s uses only parameters the node has, with allowed values', (name: string, description: INodeTypeDescription) => {
		const example = node(name);
		expectOnlyKnownParameters(example, description);
		expect(example.credentials?.whatsAppCloudApi).toEqual(cloudCredential);
	});
});
