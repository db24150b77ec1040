'use strict';
/**
 * Send Once per Key on queue-mode workers: n8n's deduplication store (processed_data in PostgreSQL) is shared by every
 * worker, so a key sent by an execution on one worker is skipped by a later execution on the other. Two executions
 * racing on one key on two workers can both send (the store has no lock): measured and printed, not hidden.
 */

// Answers on receipt: dozens of webhook calls held open until their execution ends overwhelm a webhook processor.
const WORKFLOW_ID = 'e2eQueueSendOnce';
const PHONE = '+62 812-3456-7890';

function deliveredFor(requests, bookingId) {
	return requests.filter((request) => request.path === '/send/message' && request.response?.status === 200 && String(request.json?.message ?? '').includes(` ${bookingId} `)).length;
}

module.exports = [
	{
		name: 'queue send once per key: 10 reminders sent one after another, then all posted again at once → every key delivered once, the repeats skipped on whichever worker runs them',
		workflows: ['queue-send-once.json'],
		timeoutMs: 300_000,
		async run(t) {
			const run = Date.now();
			const ids = Array.from({ length: 10 }, (_, i) => `QBK-${run}-${i}`);
			// First sends one after another (concurrent recording across workers is the racing case below), ...
			const first = [];
			for (const bookingId of ids) {
				const previous = await t.n8n.lastExecutionId(WORKFLOW_ID);
				const response = await t.post(t.lb.roundRobin, 'queue-send-once', { bookingId, phone: PHONE });
				t.assert.equal(response.status, 200, response.text);
				first.push(...(await t.waitForExecutions(WORKFLOW_ID, previous, 1, { timeoutMs: 60_000 })));
			}
			// ... then every repeat at once, on whichever worker picks it up.
			const before = await t.n8n.lastExecutionId(WORKFLOW_ID);
			const secondRound = await Promise.all(ids.map((bookingId) => t.post(t.lb.roundRobin, 'queue-send-once', { bookingId, phone: PHONE })));
			for (const response of secondRound) t.assert.equal(response.status, 200, response.text);
			const second = await t.waitForExecutions(WORKFLOW_ID, before, ids.length, { timeoutMs: 200_000 });

			const workerByKey = new Map();
			for (const { execution, run: result } of first) {
				t.assert.equal(result.status, 'success', JSON.stringify(result.error));
				const [item] = result.output('Send Reminder');
				t.assert.equal(item.json.status, 'sent');
				workerByKey.set(item.json.sendOnceKey, t.workerOf(execution.id));
			}
			let crossWorker = 0;
			for (const { execution, run: result } of second) {
				t.assert.equal(result.status, 'success', JSON.stringify(result.error));
				const [item] = result.output('Send Reminder');
				t.assert.equal(item.json.status, 'skipped', `the repeat of ${item.json.sendOnceKey} was not sent`);
				if (workerByKey.get(item.json.sendOnceKey) !== t.workerOf(execution.id)) crossWorker++;
			}
			const requests = t.requests();
			for (const bookingId of ids) t.assert.equal(deliveredFor(requests, bookingId), 1, `${bookingId} delivered once`);
			const workers = new Set([...first, ...second].map(({ execution }) => t.workerOf(execution.id)));
			t.assert.equal(workers.size, 2, `the executions ran on both workers: ${[...workers].join(', ')}`);
			t.assert.ok(crossWorker > 0, 'at least one repeat ran on the other worker than its first send');
			console.log(`    send once per key, queue mode: 10 keys delivered once; ${crossWorker} of 10 repeats skipped on the other worker`);
		},
	},
	{
		name: 'queue send once per key: 20 pairs of executions racing on one key each on 2 workers (measured, see README)',
		workflows: ['queue-send-once.json'],
		timeoutMs: 300_000,
		async run(t) {
			const PAIRS = 20;
			const run = Date.now();
			const before = await t.n8n.lastExecutionId(WORKFLOW_ID);
			const posts = [];
			for (let pair = 0; pair < PAIRS; pair++) {
				const body = { bookingId: `QRACE-${run}-${pair}`, phone: PHONE };
				posts.push(t.post(t.lb.roundRobin, 'queue-send-once', body), t.post(t.lb.roundRobin, 'queue-send-once', body));
			}
			for (const response of await Promise.all(posts)) t.assert.equal(response.status, 200, response.text);
			const executions = await t.waitForExecutions(WORKFLOW_ID, before, PAIRS * 2, { timeoutMs: 240_000 });
			for (const { run: result } of executions) t.assert.equal(result.status, 'success', JSON.stringify(result.error));
			const requests = t.requests();
			const counts = Array.from({ length: PAIRS }, (_, pair) => deliveredFor(requests, `QRACE-${run}-${pair}`));
			const twice = counts.filter((count) => count === 2).length;
			const figure = `send once per key, queue mode (2 workers), ${PAIRS} racing pairs: ${PAIRS - twice} delivered once, ${twice} delivered twice`;
			console.log(`    ${figure}`);
			t.assert.ok(counts.every((count) => count === 1 || count === 2), `each key is delivered once or twice, never 0 or 3+: ${counts}`);
		},
	},
];
