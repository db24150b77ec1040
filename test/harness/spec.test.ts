/** Without GOWA's spec, contract tests are skipped with a message that says where to get the file. */
describe('describeContract without the spec', () => {
	test('registers the block as skipped and explains once', () => {
		const written: string[] = [];
		const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
			written.push(String(chunk));
			return true;
		});
		const skip = jest.spyOn(describe, 'skip').mockImplementation((() => undefined) as never);
		try {
			jest.isolateModules(() => {
				jest.doMock('node:fs', () => ({ ...jest.requireActual('node:fs'), existsSync: () => false }));
				const spec = require('./spec') as typeof import('./spec');
				expect(spec.specPath).toBeUndefined();
				spec.describeContract('Send → Text', () => undefined);
				spec.describeContract('Send → Image', () => undefined);
			});
			expect(skip).toHaveBeenCalledTimes(2);
			expect(skip.mock.calls[0][0]).toMatch(/Send → Text \(skipped: GOWA openapi.yaml not found/);
			expect(written).toHaveLength(1);
			expect(written[0]).toMatch(/GOWA_OPENAPI/);
			expect(written[0]).toMatch(/docs\/openapi\.yaml/);
		} finally {
			skip.mockRestore();
			write.mockRestore();
			jest.dontMock('node:fs');
		}
	});

	test('with the spec present, it is found', () => {
		expect((require('./spec') as typeof import('./spec')).specPath).toMatch(/openapi\.yaml$/);
	});
});
