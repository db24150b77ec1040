/**
 * The example workflows in examples/: their shape (node types, credential, connections, parameters the node
 * really has) and the Reminder Template step run in n8n's engine with the data the examples feed it. The full
 * workflows run in real n8n in the e2e suite (e2e/cases/reminder.js).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { WhatsAppReminderTemplate } from '../../../nodes/WhatsAppReminderTemplate/WhatsAppReminderTemplate.node';
import { PROJECT_ROOT, runNode } from '../../harness';

interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: INodeParameters;
	credentials?: Record<string, { id: string; name: string }>;
}
interface Workflow {
	id: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
	settings: { timezone?: string };
}

const PACKAGE = 'n8n-nodes-whatsapp-multidevice';
const load = (file: string): Workflow => JSON.parse(readFileSync(join(PROJECT_ROOT, 'examples', file), 'utf8')) as Workflow;
const nodeNamed = (workflow: Workflow, name: string) => workflow.nodes.find((node) => node.name === name) as WorkflowNode;
const description = new WhatsAppReminderTemplate().description;
const properties = description.properties;

/** Parameter names n8n shows for these values; a name outside them would be silently dropped on import. */
function unknownParameters(parameters: INodeParameters): string[] {
	const shown = properties.filter((property: INodeProperties) => NodeHelpers.displayParameter(parameters, property, { typeVersion: 1 }, description));
	return Object.keys(parameters).filter((name) => !shown.some((property) => property.name === name));
}

it('the parameter check notices names the node would drop', () => {
	expect(unknownParameters({ kind: 'confirmation', reviewLink: 'x', recipient: 'y', options: {} })).toEqual(['reviewLink', 'recipient']);
	expect(unknownParameters({ kind: 'reviewRequest', reviewLink: 'x' })).toEqual([]);
});

describe.each(['booking-confirmation.json', 'booking-reminders.json'])('%s', (file) => {
	const workflow = load(file);

	it('uses the production node types and the tenant credential', () => {
		const ours = workflow.nodes.filter((node) => node.type.startsWith(`${PACKAGE}.`));
		expect(ours.map((node) => node.type).sort()).toEqual([
			`${PACKAGE}.whatsAppMultiDevice`,
			`${PACKAGE}.whatsAppReminderTemplate`,
		]);
		const send = ours.find((node) => node.type.endsWith('.whatsAppMultiDevice')) as WorkflowNode;
		expect(Object.keys(send.credentials ?? {})).toEqual(['whatsAppMultiDeviceApi']);
		expect(send.parameters).toMatchObject({ resource: 'send', operation: 'text', recipient: '={{ $json.phone }}', message: '={{ $json.message }}' });
		expect(workflow.settings.timezone).toBe('Asia/Jakarta');
	});

	it('connects existing nodes only', () => {
		const names = new Set(workflow.nodes.map((node) => node.name));
		for (const [from, outputs] of Object.entries(workflow.connections)) {
			expect(names.has(from)).toBe(true);
			for (const target of outputs.main.flat()) expect(names.has(target.node)).toBe(true);
		}
	});

	it('sets only parameters the Reminder Template has', () => {
		const template = workflow.nodes.find((node) => node.type === `${PACKAGE}.whatsAppReminderTemplate`) as WorkflowNode;
		expect(unknownParameters(template.parameters)).toEqual([]);
	});
});

describe('booking-confirmation.json: the template step', () => {
	const workflow = load('booking-confirmation.json');

	it('turns the webhook body into a confirmation ready for Send Text', async () => {
		const body = {
			bookingId: 'BK-1024',
			customerName: 'Ibu Siti Rahma',
			phone: '0812-3456-7890',
			service: 'Hair Spa',
			staff: 'Rina',
			startTime: '2026-11-23 14:00',
			durationMinutes: 90,
			timeZone: 'Asia/Jakarta',
			language: 'id',
			businessName: 'Salon Ayu',
			location: 'Jl. Kemang Raya No. 10, Jakarta',
			bookingLink: 'https://book.example.com/b/BK-1024',
		};
		const result = await runNode({
			nodeType: 'whatsAppReminderTemplate',
			parameters: nodeNamed(workflow, 'Confirmation Message').parameters,
			items: [{ json: { headers: {}, params: {}, query: {}, body } }],
			settings: workflow.settings,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ kind: 'confirmation', due: true, phone: '6281234567890', bookingId: 'BK-1024' });
		expect(result.items[0].json.message).toContain('*Jam:* 14.00–15.30 WIB');
	});
});

describe('booking-reminders.json: Code node bookings through the template', () => {
	const workflow = load('booking-reminders.json');
	// Sunday 22 Nov 2026, 10:03:20 WIB: a daytime run, so quiet hours leave the due reminders alone.
	const NOW = Date.parse('2026-11-22T03:03:20Z');

	beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
	afterEach(() => jest.restoreAllMocks());

	function sampleBookings(): Array<{ json: Record<string, unknown> }> {
		const code = String(nodeNamed(workflow, 'Upcoming Bookings').parameters.jsCode);
		// The Code node's script is plain JavaScript returning items; run it the way the Code node would.
		return new Function(code)() as Array<{ json: Record<string, unknown> }>;
	}

	it('renders 24 h and 2 h reminders; exactly BK-1001’s 24 h and BK-1002’s 2 h are due in this run', async () => {
		const result = await runNode({
			nodeType: 'whatsAppReminderTemplate',
			parameters: nodeNamed(workflow, 'Reminder Messages').parameters,
			items: sampleBookings(),
			settings: workflow.settings,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json.bookingId, item.json.sendTime, item.json.due, item.json.shifted])).toEqual([
			['BK-1001', '24 hours before start', true, false],
			['BK-1001', '2 hours before start', false, false],
			['BK-1002', '2 hours before start', true, false],
			['BK-1003', '24 hours before start', false, false],
			['BK-1003', '2 hours before start', false, false],
		]);
		const due = result.items.filter((item) => item.json.due === true);
		expect(due.map((item) => item.json.phone)).toEqual(['6281234567001', '6281138001002']);
		expect(due[0].json.message).toContain('Mengingatkan jadwal Kakak di *Salon Ayu* *besok* ya:');
		expect(due[1].json.message).toContain('A friendly reminder of your appointment at *Salon Ayu Bali* *today*:');
		expect(due[1].json.message).toContain('*Time:* 1:00–2:00 PM WITA');
	});
});
