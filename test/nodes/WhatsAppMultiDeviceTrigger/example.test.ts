/**
 * examples/auto-reply.json must only use parameters our nodes really have (its real-n8n run is in the e2e suite,
 * e2e/cases/trigger.autoReply.js, because the If and Set nodes live in n8n-nodes-base).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeParameters, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { PACKAGE_NAME, PROJECT_ROOT } from '../../harness/registry';
import { WhatsAppMultiDevice } from '../../../nodes/WhatsAppMultiDevice/WhatsAppMultiDevice.node';
import { WhatsAppMultiDeviceTrigger } from '../../../nodes/WhatsAppMultiDeviceTrigger/WhatsAppMultiDeviceTrigger.node';

interface ExampleNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, unknown>;
}

const example = JSON.parse(readFileSync(join(PROJECT_ROOT, 'examples', 'auto-reply.json'), 'utf8')) as {
	nodes: ExampleNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
};

/** Parameter names the node offers for these values and this typeVersion (n8n's own display rule). */
function knownParameters(description: INodeTypeDescription, node: ExampleNode): Map<string, INodeProperties> {
	const known = new Map<string, INodeProperties>();
	for (const property of description.properties) {
		if (NodeHelpers.displayParameter(node.parameters as INodeParameters, property, { typeVersion: node.typeVersion }, description)) {
			known.set(property.name, property);
		}
	}
	return known;
}

describe('examples/auto-reply.json', () => {
	const ours = example.nodes.filter((node) => node.type.startsWith(`${PACKAGE_NAME}.`));

	test('trigger → business hours → If (true branch) → typing → reply → mark as read', () => {
		const next = (name: string, output = 0) => example.connections[name]?.main[output]?.map((entry) => entry.node) ?? [];
		const trigger = ours.find((node) => node.type === `${PACKAGE_NAME}.whatsAppMultiDeviceTrigger`);
		expect(trigger).toBeDefined();
		const ifNode = example.nodes.find((node) => node.type === 'n8n-nodes-base.if')!;
		expect(next(trigger!.name)).toEqual(['Business Hours']);
		expect(next('Business Hours')).toEqual([ifNode.name]);
		expect(next(ifNode.name, 0)).toEqual(['Show Typing']);
		expect(next(ifNode.name, 1)).toEqual([]);
		expect(next('Show Typing')).toEqual(['Send Auto-Reply']);
		expect(next('Send Auto-Reply')).toEqual(['Mark as Read']);
	});

	test.each(ours.map((node) => [node.name, node] as const))('%s uses only parameters the node has', (_name, node) => {
		const description = node.type.endsWith('Trigger') ? new WhatsAppMultiDeviceTrigger().description : new WhatsAppMultiDevice().description;
		const known = knownParameters(description, node);
		for (const [name, value] of Object.entries(node.parameters)) {
			const property = known.get(name);
			expect({ name, known: property !== undefined }).toEqual({ name, known: true });
			if (property?.type === 'options') {
				expect((property.options ?? []).map((option) => (option as { value: unknown }).value)).toContain(value);
			}
			if (property?.type === 'collection') {
				const optionNames = (property.options ?? []).map((option) => (option as INodeProperties).name);
				for (const key of Object.keys(value as object)) expect(optionNames).toContain(key);
			}
		}
		expect(Object.keys(node.credentials ?? {})).toEqual(['whatsAppMultiDeviceApi']);
	});

	test('replies go to the chat and through the device that received the message', () => {
		for (const node of ours.filter((entry) => !entry.type.endsWith('Trigger'))) {
			expect(String(node.parameters.deviceId)).toContain("$('WhatsApp Trigger').item.json.sessionId");
			const chat = node.parameters.recipient ?? node.parameters.chat;
			expect(chat).toBe("={{ $('WhatsApp Trigger').item.json.chatId }}");
		}
	});
});
