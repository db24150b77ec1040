'use strict';
/**
 * Send Once per Key in real n8n (issue 10): n8n's deduplication store (processed_data, in n8n's database) keeps the
 * key across executions, so a reminder posted by two executions is delivered once. Under concurrency the store has
 * no lock (a read-modify-write); within one process the node claims a key while checking it, so two executions
 * racing on one key in one n8n send it once (the second case). Across workers: e2e/queue/cases/sendOnce.js.
 */

const PHONE = '+62 812-3456-7890';

function deliveredFor(requests, bookingId) {
	return requests.filter((request) => request.path === '/send/message' && request.response?.status === 200 && String(request.json?.message ?? '').includes(` ${bookingId} `)).length;
}

module.exports = [
	{
		name: 'send once per key: the same reminder posted by two executions is delivered once, the second comes back skipped',
		workflows: ['send-once.json'],
		async run(t) {
			const bookingId = `BK-${Date.now()}`;
			const first = await t.webhook('e2e-send-once', { bookingId, phone: PHONE });
			t.assert.equal(first.run.status, 'success', `execution failed: ${JSON.stringify(first.run.error)}`);
			t.assert.equal(first.run.output('Send Reminder')[0].json.status, 'sent');
			const second = await t.webhook('e2e-send-once', { bookingId, phone: PHONE });
			t.assert.equal(second.run.status, 'success', `execution failed: ${JSON.stringify(second.run.error)}`);
			const [skipped] = second.run.output('Send Reminder');
			t.assert.equal(skipped.json.status, 'skipped');
			t.assert.equal(skipped.json.sendOnceKey, `${bookingId}-reminder-24h`);
			t.assert.equal(second.requests.filter((request) => request.path === '/send/message').length, 0, 'the second execution sent nothing');
			t.assert.equal(deliveredFor(t.requests(), bookingId), 1);
		},
	},
	{
		name: 'send once per key under concurrency: 20 pairs of executions racing on one key each in one n8n → each delivered once',
		workflows: ['send-once.json'],
		timeoutMs: 180_000,
		async run(t) {
			const PAIRS = 20;
			const run = `${Date.now()}`;
			const posts = [];
			for (let pair = 0; pair < PAIRS; pair++) {
				const bookingId = `RACE-${run}-${pair}`;
				posts.push(t.n8n.postWebhook('e2e-send-once', { bookingId, phone: PHONE }), t.n8n.postWebhook('e2e-send-once', { bookingId, phone: PHONE }));
			}
			const responses = await Promise.all(posts);
			for (const response of responses) t.assert.equal(response.status, 200, response.text);
			const requests = t.requests();
			const counts = Array.from({ length: PAIRS }, (_, pair) => deliveredFor(requests, `RACE-${run}-${pair}`));
			const twice = counts.filter((count) => count === 2).length;
			const figure = `send once per key, ${PAIRS} concurrent pairs: ${PAIRS - twice} delivered once, ${twice} delivered twice`;
			console.log(`    ${figure}`);
			t.saveArtifact('send-once-concurrency.txt', `${figure}\n`);
			// One n8n process: the node's in-process claim closes the gap n8n's store leaves between its read and write.
			t.assert.deepEqual(counts, Array(PAIRS).fill(1), 'in one process every racing pair is delivered once');
		},
	},
];
