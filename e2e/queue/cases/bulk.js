'use strict';
/**
 * Sending on queue-mode workers: a webhook processor enqueues the execution, a worker runs it. Bulk sending keeps
 * its guarantees there; the node's own daily cap counts per execution only (workers share no state).
 */

const { deliveredPerPhone } = require('../../lib/context');

module.exports = [
	{
		name: 'queue bulk: 1,000 sends in one execution on a worker, 10 % of requests failing with 500/429 → each delivered exactly once, in order',
		workflows: ['queue-bulk.json'],
		timeoutMs: 300_000,
		async run(t) {
			const before = await t.n8n.lastExecutionId('e2eQueueBulk0001');
			t.sim.setFailureRate({ rate: 0.1, statuses: [500, 429], seed: 7, paths: ['/send/message'] });
			let execution;
			try {
				const response = await t.post(t.lb.roundRobin, 'queue-bulk', { count: 1000, prefix: '62814' });
				t.assert.equal(response.status, 200, response.text);
				[execution] = await t.waitForExecutions('e2eQueueBulk0001', before, 1, { timeoutMs: 240_000 });
			} finally {
				t.sim.setFailureRate({ rate: 0 });
			}
			const { run } = execution;
			t.assert.equal(run.status, 'success', JSON.stringify(run.error));
			t.assert.equal(execution.execution.mode, 'webhook');
			t.assert.ok(t.workerOf(execution.execution.id), `execution #${execution.execution.id} ran on a worker`);

			const items = run.output('Send Text');
			t.assert.equal(items.length, 1000);
			const expected = Array.from({ length: 1000 }, (_, i) => `62814${String(1000000 + i).slice(1)}@s.whatsapp.net`);
			t.assert.deepEqual(items.map((item) => item.json.recipient), expected, 'output keeps the input order');
			t.assert.ok(items.every((item) => item.json.status === 'sent'), 'every item is sent');
			const delivered = deliveredPerPhone(t.requests());
			t.assert.equal(delivered.size, 1000, 'every recipient got the message');
			t.assert.ok([...delivered.values()].every((count) => count === 1), 'no message is delivered twice');
			const failed = t.requests().filter((request) => request.path === '/send/message' && request.response?.status !== 200).length;
			t.assert.ok(failed > 0, 'the simulator did fail some requests');
			const attempts = items.reduce((sum, item) => sum + item.json.attempts, 0);
			t.assert.equal(attempts, 1000 + failed, 'attempt counts add up to the requests GOWA received');
		},
	},
	{
		name: 'queue daily cap: Messages per Day 5 holds per execution only — 2 concurrent executions of 8 on 2 workers send 10',
		workflows: ['queue-daily-cap.json'],
		timeoutMs: 240_000,
		async run(t) {
			const before = await t.n8n.lastExecutionId('e2eQueueDailyCap');
			const responses = await Promise.all([
				t.post(t.lb.roundRobin, 'queue-daily-cap', { count: 8, prefix: '62815' }),
				t.post(t.lb.roundRobin, 'queue-daily-cap', { count: 8, prefix: '62816' }),
			]);
			for (const response of responses) t.assert.equal(response.status, 200, response.text);
			const executions = await t.waitForExecutions('e2eQueueDailyCap', before, 2, { timeoutMs: 180_000 });
			const workers = new Set(executions.map(({ execution }) => t.workerOf(execution.id)));
			t.assert.equal(workers.size, 2, `the two executions ran on two workers: ${[...workers].join(', ')}`);
			for (const { run } of executions) {
				t.assert.equal(run.status, 'success', JSON.stringify(run.error));
				const statuses = run.output('Send Text').map((item) => item.json.status);
				t.assert.deepEqual(statuses, ['sent', 'sent', 'sent', 'sent', 'sent', 'skipped', 'skipped', 'skipped']);
			}
			t.assert.equal(deliveredPerPhone(t.requests()).size, 10, 'each execution sent its own 5: the cap is not shared');
		},
	},
];
