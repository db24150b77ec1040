'use strict';

const { startSimulator } = require('../../simulator');
const { call } = require('./support');

describe('simulator start-up', () => {
	it('is listening and answering well under a second after startSimulator() is called', async () => {
		const started = process.hrtime.bigint();
		const sim = await startSimulator({});
		const health = await call(sim, 'GET', '/health', { root: true });
		const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
		await sim.close();
		expect(health.status).toBe(200);
		expect(health.text).toBe('OK');
		// Generous bound (the figure is ~30 ms with a cached spec, ~0.4 s when the YAML is parsed the first time).
		expect(elapsedMs).toBeLessThan(1000);
	});

	it('exposes url (with base path) and origin, and closes cleanly', async () => {
		const sim = await startSimulator({ basePath: 'gowa/' });
		expect(sim.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sim.url).toBe(`${sim.origin}/gowa`);
		await sim.close();
		await expect(fetch(`${sim.origin}/health`)).rejects.toThrow();
	});
});
