import type { IExecuteFunctions, INode } from 'n8n-workflow';

/** The few IExecuteFunctions members pure helpers read: parameters by name, the node, the time zone. */
export function fakeContext(parameters: Record<string, unknown>, timezone = 'Asia/Jakarta'): IExecuteFunctions {
	const node: INode = {
		id: 'node-1',
		name: 'WhatsApp MultiDevice',
		type: 'n8n-nodes-whatsapp-multidevice.whatsAppMultiDevice',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	return {
		getNode: () => node,
		getTimezone: () => timezone,
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
	} as unknown as IExecuteFunctions;
}
