/**
 * Each parameter of each item is resolved once per execution (issue 15): the validation pass of every item and the
 * send share one resolution, so n8n's expression engine runs once per expression and item, and the value that was
 * validated is the value that is sent.
 */
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { withParameterCache } from '../../../nodes/shared/parameterCache';
import { runNode, useSimulator } from '../../harness';
import { countParameterResolutions } from './resolutionCounter';

const gowa = useSimulator({ deviceId: 'salon-main' });

/** A stand-in context that counts reads; `this` must be the context itself in every method. */
function countingContext(values: Record<string, unknown>) {
	const reads: string[] = [];
	const node: INode = { id: 'n', name: 'WhatsApp', type: 't', typeVersion: 1, position: [0, 0], parameters: {} };
	let nodeCopies = 0;
	const context = {
		marker: 'the real context',
		getNodeParameter(name: string, itemIndex: number, fallback?: unknown) {
			reads.push(`${name}#${itemIndex}`);
			if (name === 'broken') throw new Error(`cannot resolve ${name} for item ${itemIndex}`);
			return name in values ? values[name] : fallback;
		},
		getNode() {
			nodeCopies++;
			return { ...node };
		},
		continueOnFail(this: { marker: string }) {
			return this.marker === 'the real context';
		},
	};
	return { context: context as unknown as IExecuteFunctions & { marker: string }, reads, nodeCopies: () => nodeCopies };
}

describe('withParameterCache', () => {
	it('resolves a parameter of an item once, whatever reads it again', () => {
		const { context, reads } = countingContext({ recipient: '6281234567890', message: 'Hi' });
		const cached = withParameterCache(context);
		for (let round = 0; round < 3; round++) {
			expect(cached.getNodeParameter('recipient', 0)).toBe('6281234567890');
			expect(cached.getNodeParameter('recipient', 1)).toBe('6281234567890');
			expect(cached.getNodeParameter('message', 0)).toBe('Hi');
		}
		expect(reads).toEqual(['recipient#0', 'recipient#1', 'message#0']);
	});

	it('keeps reads with another fallback or other options apart', () => {
		const { context, reads } = countingContext({});
		const cached = withParameterCache(context);
		expect(cached.getNodeParameter('options', 0, {})).toEqual({});
		expect(cached.getNodeParameter('options', 0, '')).toBe('');
		expect(cached.getNodeParameter('options', 0, '', { extractValue: true })).toBe('');
		expect(cached.getNodeParameter('options', 0, {})).toEqual({});
		expect(reads).toEqual(['options#0', 'options#0', 'options#0']);
	});

	it('hands out copies of object values: changing what one read returned does not change the next read', () => {
		const { context } = countingContext({ options: { mentions: ['62811'], nested: { reply: 'x' } } });
		const cached = withParameterCache(context);
		const first = cached.getNodeParameter('options', 0) as { mentions: string[]; nested: { reply: string } };
		first.mentions.push('62822');
		first.nested.reply = 'changed';
		expect(cached.getNodeParameter('options', 0)).toEqual({ mentions: ['62811'], nested: { reply: 'x' } });
	});

	it('raises the same error again for a parameter that cannot be resolved, without resolving it again', () => {
		const { context, reads } = countingContext({});
		const cached = withParameterCache(context);
		expect(() => cached.getNodeParameter('broken', 2)).toThrow('cannot resolve broken for item 2');
		expect(() => cached.getNodeParameter('broken', 2)).toThrow('cannot resolve broken for item 2');
		expect(reads).toEqual(['broken#2']);
	});

	it('copies the node once, and leaves every other method to the context itself', () => {
		const { context, nodeCopies } = countingContext({});
		const cached = withParameterCache(context);
		expect(cached.getNode().name).toBe('WhatsApp');
		expect(cached.getNode().name).toBe('WhatsApp');
		expect(nodeCopies()).toBe(1);
		expect(cached.continueOnFail()).toBe(true);
		expect(cached.marker).toBe('the real context');
	});
});

describe('in n8n’s engine: one resolution per parameter and item', () => {
	afterEach(() => jest.restoreAllMocks());

	it('the validation pass and the send read each expression of each item once (GOWA node)', async () => {
		const resolved = countParameterResolutions();
		const phones = ['6281200000001', '6281200000002', '6281200000003'];
		const result = await runNode({
			parameters: { resource: 'send', operation: 'text', recipient: '={{ $json.phone }}', message: '={{ "Hi " + $json.phone }}', options: {}, sending: { parallelRequests: 2 } },
			credentials: gowa.credentials(),
			items: phones.map((phone) => ({ json: { phone } })),
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.status)).toEqual(['sent', 'sent', 'sent']);
		for (let item = 0; item < phones.length; item++) {
			expect(resolved.get(`recipient#${item}`)).toBe(1);
			expect(resolved.get(`message#${item}`)).toBe(1);
		}
	});
});
