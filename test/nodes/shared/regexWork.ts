/**
 * Measures regex work without timing: while `watchRegexWork` runs, every regex operation (exec/test, replace, match,
 * matchAll, split, search) records the length of the string it was given. A linear parser that caps its input first
 * never hands a regex more than the cap; a quadratic one shows up as a regex applied to the whole hostile input.
 */
const patched = ['exec', Symbol.replace, Symbol.match, Symbol.matchAll, Symbol.split, Symbol.search] as const;

export interface RegexWork {
	/** Regex operations run. */
	calls: number;
	/** Longest string any regex operation was applied to. */
	longestInput: number;
}

export function watchRegexWork<T>(run: () => T): { result?: T; error?: unknown; work: RegexWork } {
	const work: RegexWork = { calls: 0, longestInput: 0 };
	const prototype = RegExp.prototype as unknown as Record<string | symbol, (...args: unknown[]) => unknown>;
	const originals = patched.map((key) => prototype[key]);
	patched.forEach((key, index) => {
		const original = originals[index];
		prototype[key] = function (this: RegExp, ...args: unknown[]) {
			work.calls++;
			const input = typeof args[0] === 'string' ? args[0] : String(args[0]);
			work.longestInput = Math.max(work.longestInput, input.length);
			return original.apply(this, args);
		};
	});
	try {
		return { result: run(), work };
	} catch (error) {
		return { error, work };
	} finally {
		patched.forEach((key, index) => {
			prototype[key] = originals[index];
		});
	}
}
