import type { IExecuteFunctions, INode, INodeParameters } from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

type GetNodeParameter = (parameterName: string, itemIndex: number, fallbackValue?: unknown, options?: unknown) => unknown;

/** Whether the node's parameters hold a value at this path (`options.mentions`, `rules[0].value`). */
function hasValueAt(parameters: INodeParameters, path: string): boolean {
	let current: unknown = parameters;
	for (const segment of path.split(/[.[\]]+/).filter((part) => part !== '')) {
		if (current === null || typeof current !== 'object') return false;
		current = (current as Record<string, unknown>)[segment];
	}
	return current !== undefined;
}

/**
 * The node's execution context with each parameter of each item resolved once.
 *
 * The router reads every item's parameters twice or three times: the text check, the validation pass of every item
 * before the first send, and the send itself. Each read of an expression runs n8n's expression engine again, which
 * was most of the node's CPU time in the bulk-sending profile (BENCHMARKS.md → Where the time goes). Reading once also
 * means the value that was validated is the value that is sent, even for `{{ $now }}` or a random pick.
 *
 * Everything else is the context itself (the returned object inherits from it), except getNode(), which n8n answers
 * with a fresh copy of the node each time: read once. Object parameter values are copied on the way out, so an
 * operation that changes what it read cannot change what the next read returns.
 */
export function withParameterCache<T extends IExecuteFunctions>(context: T): T {
	const read = context.getNodeParameter.bind(context) as GetNodeParameter;
	// n8n copies the whole node on every getNode(); the node does not change during an execution.
	let node: INode | undefined;
	const getNode = (): INode => (node ??= context.getNode());
	const resolved = new Map<string, { value: unknown } | { error: unknown }>();
	const cached: GetNodeParameter = (parameterName, itemIndex, fallbackValue, options) => {
		// The fallback only counts where the node has no value: then it is part of what is resolved.
		const fallbackKey = fallbackValue === undefined || hasValueAt(getNode().parameters, parameterName) ? '' : JSON.stringify(fallbackValue);
		const key = `${itemIndex}\u0000${parameterName}\u0000${fallbackKey}\u0000${options === undefined ? '' : JSON.stringify(options)}`;
		let entry = resolved.get(key);
		if (entry === undefined) {
			try {
				entry = { value: read(parameterName, itemIndex, fallbackValue, options) };
			} catch (error) {
				entry = { error };
			}
			resolved.set(key, entry);
		}
		if ('error' in entry) throw entry.error;
		return entry.value !== null && typeof entry.value === 'object' ? deepCopy(entry.value) : entry.value;
	};
	const view = Object.create(context) as T;
	Object.defineProperty(view, 'getNodeParameter', { value: cached, enumerable: false });
	Object.defineProperty(view, 'getNode', { value: getNode, enumerable: false });
	return view;
}
