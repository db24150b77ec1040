/**
 * The per-tenant limit examples (examples/tenant-limits-redis.json, examples/nginx-gowa-rate-limit.conf): their shape —
 * node types, credentials, the counting and wait-and-retry wiring, parameters our node really has, what the nginx
 * file limits — and the Code node's script. Both run for real in the queue-mode e2e suite (e2e/queue/cases/limits.js).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { WhatsAppMultiDevice } from '../../nodes/WhatsAppMultiDevice/WhatsAppMultiDevice.node';
import { PACKAGE_NAME, PROJECT_ROOT } from '../harness';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: INodeParameters;
	credentials?: Record<string, { id: string; name: string }>;
}
interface Workflow {
	id: string;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string; index: number }>> }>;
}

const workflow = JSON.parse(readFileSync(join(PROJECT_ROOT, 'examples', 'tenant-limits-redis.json'), 'utf8')) as Workflow;
const nginx = readFileSync(join(PROJECT_ROOT, 'examples', 'nginx-gowa-rate-limit.conf'), 'utf8');
const node = (name: string) => {
	const found = workflow.nodes.find((entry) => entry.name === name);
	if (!found) throw new Error(`no node "${name}"`);
	return found;
};
const next = (name: string, output = 0) => workflow.connections[name]?.main[output]?.map((entry) => `${entry.node}#${entry.index}`) ?? [];

describe('examples/tenant-limits-redis.json', () => {
	it('connects existing nodes only', () => {
		const names = new Set(workflow.nodes.map((entry) => entry.name));
		for (const [from, outputs] of Object.entries(workflow.connections)) {
			expect(names.has(from)).toBe(true);
			for (const target of outputs.main.flat()) expect(names.has(target.node)).toBe(true);
		}
	});

	it('counts per tenant and minute, then per tenant and day, with n8n’s Redis node (INCR with expiry)', () => {
		const minute = node('Count Sends This Minute');
		const day = node('Count Sends Today');
		for (const redis of [minute, day]) {
			expect(redis.type).toBe('n8n-nodes-base.redis');
			expect(redis.parameters).toMatchObject({ operation: 'incr', expire: true });
			expect(Object.keys(redis.credentials ?? {})).toEqual(['redis']);
		}
		expect(minute.parameters.ttl).toBeGreaterThanOrEqual(60);
		expect(day.parameters.ttl).toBeGreaterThanOrEqual(86_400);
		expect(JSON.stringify(node('Minute Key').parameters)).toContain("wa-limit:{{ $json.tenant }}:minute:{{ $now.toFormat('yyyyLLddHHmm') }}");
		expect(JSON.stringify(node('Day Key').parameters)).toContain("wa-limit:{{ $json.tenant }}:day:{{ $now.toFormat('yyyy-LL-dd') }}");
	});

	it('sends only under both limits, waits for the next minute and counts again, holds back what is over the day', () => {
		expect(next('Minute Key')).toEqual(['With Minute Count#0', 'Count Sends This Minute#0']);
		expect(next('Count Sends This Minute')).toEqual(['With Minute Count#1']);
		expect(next('Within Minute Limit?', 0)).toEqual(['Day Key#0']);
		expect(next('Within Minute Limit?', 1)).toEqual(['Wait for Next Minute#0']);
		expect(next('Wait for Next Minute')).toEqual(['Minute Key#0']);
		expect(next('Within Daily Limit?', 0)).toEqual(['Send Text#0']);
		expect(next('Within Daily Limit?', 1)).toEqual(['Over Daily Limit#0']);
		expect(node('Wait for Next Minute').parameters).toMatchObject({ resume: 'timeInterval', unit: 'seconds', amount: '={{ 61 - $now.second }}' });
	});

	it('uses our production node type with the tenant credential and only parameters the node has', () => {
		const send = node('Send Text');
		expect(send.type).toBe(`${PACKAGE_NAME}.whatsAppMultiDevice`);
		expect(Object.keys(send.credentials ?? {})).toEqual(['whatsAppMultiDeviceApi']);
		const description = new WhatsAppMultiDevice().description;
		const shown = description.properties.filter((property: INodeProperties) =>
			NodeHelpers.displayParameter(send.parameters, property, { typeVersion: 1 }, description),
		);
		expect(Object.keys(send.parameters).filter((name) => !shown.some((property) => property.name === name))).toEqual([]);
		expect(send.parameters).toMatchObject({ resource: 'send', operation: 'text', recipient: '={{ $json.phone }}', message: '={{ $json.message }}' });
	});

	it('turns the request into one item per message with the tenant’s limits (defaults when not given)', () => {
		const script = String(node('One Item per Message').parameters.jsCode);
		const run = (body: unknown) => new Function('$input', script)({ first: () => ({ json: { body } }) }) as Array<{ json: unknown }>;
		expect(run({ tenant: 'salon-ayu', perMinute: 3, messages: [{ phone: '0812', message: 'Hi' }] })).toEqual([
			{ json: { tenant: 'salon-ayu', deviceId: '', phone: '0812', message: 'Hi', perMinute: 3, perDay: 1000 } },
		]);
		expect(() => run({ messages: [] })).toThrow('needs a "tenant"');
	});
});

describe('examples/nginx-gowa-rate-limit.conf', () => {
	it('limits sends per X-Device-Id and answers 429 with Retry-After and a GOWA-shaped JSON body', () => {
		expect(nginx).toMatch(/limit_req_zone \$http_x_device_id zone=gowa_sends_per_device:\d+m rate=20r\/m;/);
		expect(nginx).toMatch(/location \/gowa\/send\/ \{[^}]*limit_req zone=gowa_sends_per_device;[^}]*limit_req_status 429;/);
		expect(nginx).toContain('add_header Retry-After 3 always;');
		const body = /return 429 '([^']+)';/.exec(nginx)?.[1];
		expect(JSON.parse(body ?? '')).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
	});

	it('keeps the two addresses the e2e suite points at its own nginx and simulator', () => {
		expect(nginx).toMatch(/listen 8080;/);
		expect(nginx.match(/proxy_pass http:\/\/127\.0\.0\.1:3000;/g)).toHaveLength(2);
	});
});
