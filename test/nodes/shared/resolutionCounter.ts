import { ExecuteContext } from 'n8n-core';

/**
 * Counts n8n's own parameter resolutions (`_getNodeParameter`, which every context's getNodeParameter calls) by
 * "name#item", each then done as usual. Restore with jest.restoreAllMocks().
 */
export function countParameterResolutions(): Map<string, number> {
	const resolved = new Map<string, number>();
	const prototype = ExecuteContext.prototype as unknown as { _getNodeParameter: (...args: unknown[]) => unknown };
	const original = prototype._getNodeParameter;
	jest.spyOn(prototype, '_getNodeParameter').mockImplementation(function (this: unknown, ...args: unknown[]) {
		const key = `${String(args[0])}#${String(args[1])}`;
		resolved.set(key, (resolved.get(key) ?? 0) + 1);
		return original.apply(this, args);
	});
	return resolved;
}
