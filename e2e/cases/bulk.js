'use strict';
/**
 * Bulk sending in real n8n (issue 7): parallel requests with retries under a failing server deliver every message
 * exactly once, in input order; the message cap returns the rest unsent (status "skipped") instead of dropping them.
 */

const { deliveredPerPhone } = require('../lib/context');

module.exports = [
	{
		name: 'bulk: 60 sends, 10 in parallel, 30 % of requests failing with 500/429 → each delivered exactly once, in order (n8n execute)',
		workflows: ['bulk-retries.json'],
		async run(t) {
			t.sim.setFailureRate({ rate: 0.3, statuses: [500, 429], seed: 11, paths: ['/send/message'] });
			t.sim.resetStats();
			let result;
			try {
				result = await t.execute('e2eBulkRetries01');
			} finally {
				t.sim.setFailureRate({ rate: 0 });
			}
			t.assert.equal(result.code, 0, `n8n execute exited ${result.code}: ${JSON.stringify(result.run.error)}`);
			const items = result.run.output('Send Text');
			t.assert.equal(items.length, 60);
			const expected = Array.from({ length: 60 }, (_, i) => `62813${2000000 + i}@s.whatsapp.net`);
			t.assert.deepEqual(items.map((item) => item.json.recipient), expected, 'output keeps the input order');
			t.assert.deepEqual(items.map((item) => item.pairedItem), expected.map((_, item) => ({ item })));
			t.assert.ok(items.every((item) => item.json.status === 'sent'), 'every item is sent');
			const delivered = deliveredPerPhone(result.requests);
			t.assert.equal(delivered.size, 60);
			t.assert.ok([...delivered.values()].every((count) => count === 1), 'no message is delivered twice');
			const failed = result.requests.filter((request) => request.response?.status !== 200).length;
			t.assert.ok(failed > 0, 'the simulator did fail some requests');
			const attempts = items.reduce((sum, item) => sum + item.json.attempts, 0);
			t.assert.equal(attempts, 60 + failed, 'attempt counts add up to the requests GOWA received');
			t.assert.ok(t.sim.stats.peakInFlight <= 10, `at most 10 in flight, saw ${t.sim.stats.peakInFlight}`);
		},
	},
	{
		name: 'bulk: message cap 5 of 8 (per execution) → 5 sent, 3 returned unsent with status skipped, nothing dropped (n8n execute)',
		workflows: ['bulk-daily-cap.json'],
		async run(t) {
			const result = await t.execute('e2eBulkDailyCap1');
			t.assert.equal(result.code, 0, `n8n execute exited ${result.code}: ${JSON.stringify(result.run.error)}`);
			const items = result.run.output('Send Text');
			t.assert.equal(items.length, 8, 'every input item comes out');
			t.assert.deepEqual(items.map((item) => item.json.status), ['sent', 'sent', 'sent', 'sent', 'sent', 'skipped', 'skipped', 'skipped']);
			t.assert.match(items[7].json.error, /Limit of 5 messages per execution reached/);
			t.assert.equal(deliveredPerPhone(result.requests).size, 5);
		},
	},
];
