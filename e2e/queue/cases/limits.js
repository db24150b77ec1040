'use strict';
/**
 * Per-tenant limits that hold across executions and workers, with engines a queue-mode deployment already has:
 * examples/tenant-limits-redis.json (n8n's Redis node: INCR with expiry per tenant and minute/day, a wait-and-retry
 * branch) and examples/nginx-gowa-rate-limit.conf (limit_req per X-Device-Id answering 429 + Retry-After, which the
 * node's retries honour). Both are used as shipped; only credentials and the nginx addresses are pointed at the suite's.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { CREDENTIALS } = require('../../lib/fixtures');
const { QUEUE_CREDENTIALS } = require('../../lib/queue');

const EXAMPLE = path.join(__dirname, '..', '..', '..', 'examples', 'tenant-limits-redis.json');
const COPY_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-queue-example-'));
process.once('exit', () => fs.rmSync(COPY_DIR, { recursive: true, force: true }));

const example = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
for (const node of example.nodes) {
	if (node.credentials?.whatsAppMultiDeviceApi) node.credentials.whatsAppMultiDeviceApi = { ...CREDENTIALS.gowa };
	if (node.credentials?.redis) node.credentials.redis = { ...QUEUE_CREDENTIALS.redis };
}
const exampleCopy = path.join(COPY_DIR, 'tenant-limits-redis.json');
fs.writeFileSync(exampleCopy, JSON.stringify(example, null, 2));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function sends(requests) {
	return requests.filter((request) => request.path === '/send/message' && request.response?.status === 200);
}

/** Items a node put out over all its runs in one execution (output `index`). */
function allOutputs(run, nodeName, index = 0) {
	return (run.runData[nodeName] ?? []).flatMap((nodeRun) => nodeRun.data?.main?.[index] ?? []);
}

function messages(prefix, count) {
	return Array.from({ length: count }, (_, i) => ({ phone: `${prefix}${String(1000000 + i).slice(1)}`, message: `Promo ${i + 1}` }));
}

module.exports = [
	{
		name: 'queue limits, examples/tenant-limits-redis.json: perMinute 3, perDay 4, 2 concurrent executions of 3 on 2 workers → exactly 4 sent, ≤ 3 per minute, the rest waited or held back',
		workflows: [exampleCopy],
		timeoutMs: 300_000,
		async run(t) {
			// Start early in a minute, so the 6 counts land in one minute and the wait branch must run.
			const second = new Date().getUTCSeconds();
			if (second > 40) await sleep((61 - second) * 1000);
			const tenant = `salon-${Date.now()}`;
			const before = await t.n8n.lastExecutionId(example.id);
			const body = (prefix) => ({ tenant, deviceId: t.GOWA.deviceId, perMinute: 3, perDay: 4, messages: messages(prefix, 3) });
			const responses = await Promise.all([t.post(t.lb.roundRobin, 'tenant-messages', body('62817')), t.post(t.lb.roundRobin, 'tenant-messages', body('62818'))]);
			for (const response of responses) t.assert.equal(response.status, 200, response.text);
			const executions = await t.waitForExecutions(example.id, before, 2, { timeoutMs: 200_000 });
			const workers = new Set(executions.map(({ execution }) => t.workerOf(execution.id)));
			t.assert.equal(workers.size, 2, `the executions ran on two workers: ${[...workers].join(', ')}`);
			for (const { run } of executions) t.assert.equal(run.status, 'success', JSON.stringify(run.error));

			const sent = executions.flatMap(({ run }) => allOutputs(run, 'Send Text'));
			const held = executions.flatMap(({ run }) => allOutputs(run, 'Over Daily Limit'));
			t.assert.equal(sent.length, 4, 'exactly perDay messages sent, over both executions');
			t.assert.equal(held.length, 2, 'the other 2 come out of Over Daily Limit');
			t.assert.ok(sent.every((item) => item.json.status === 'sent'));
			const delivered = sends(t.requests());
			t.assert.equal(delivered.length, 4, t.describeRequests(t.requests()));
			t.assert.equal(new Set(delivered.map((request) => request.json.phone)).size, 4, 'no recipient got two');

			const passedPerMinute = new Map();
			for (const { run } of executions) {
				for (const item of allOutputs(run, 'Within Minute Limit?', 0)) {
					passedPerMinute.set(item.json.minuteKey, (passedPerMinute.get(item.json.minuteKey) ?? 0) + 1);
				}
			}
			t.assert.ok([...passedPerMinute.values()].every((count) => count <= 3), `≤ 3 per minute: ${JSON.stringify([...passedPerMinute])}`);
			t.assert.equal([...passedPerMinute.values()].reduce((a, b) => a + b, 0), 6, 'every message passed the minute check once');
			// Every count over perMinute sent its message to the wait branch, and only those.
			const minuteCounts = executions.flatMap(({ run }) => allOutputs(run, 'Count Sends This Minute').map((item) => Object.values(item.json)[0]));
			const overMinute = minuteCounts.filter((count) => count > 3).length;
			const waited = executions.flatMap(({ run }) => allOutputs(run, 'Wait for Next Minute'));
			t.assert.equal(waited.length, overMinute, `counts ${minuteCounts.join(', ')}: each one over 3 waited for the next minute`);
			t.assert.ok(waited.length >= 1, `the wait-and-retry branch ran (counts ${minuteCounts.join(', ')})`);
			const dayKey = sent[0] && executions.flatMap(({ run }) => allOutputs(run, 'Within Daily Limit?', 0))[0].json.dayKey;
			t.assert.equal(await t.redis.command('GET', dayKey), '6', 'the day counter counted every message once');
			const ttl = await t.redis.command('TTL', dayKey);
			t.assert.ok(ttl > 0 && ttl <= 172800, `the day key expires (TTL ${ttl})`);
		},
	},
	{
		name: 'queue limits, examples/nginx-gowa-rate-limit.conf: 2 concurrent executions of 3 sends on 2 workers through nginx → every message once, GOWA sees ≥ 3 s between sends of the device',
		workflows: ['queue-nginx-limit.json'],
		timeoutMs: 180_000,
		async run(t) {
			const other = { id: 'nginx-other-tenant', jid: '6281100000095@s.whatsapp.net' };
			t.sim.registry.remove(other.id);
			t.sim.registry.add(other.id, { state: 'logged_in', jid: other.jid });
			try {
				// The limit is per device: a second send of one device within 3 s gets 429 + Retry-After, another device's does not.
				const direct = (deviceId) =>
					fetch(`${t.gowaProxyUrl}/send/message`, {
						method: 'POST',
						headers: {
							'content-type': 'application/json',
							'x-device-id': deviceId,
							authorization: `Basic ${Buffer.from(`${t.GOWA.username}:${t.GOWA.password}`).toString('base64')}`,
						},
						body: JSON.stringify({ phone: '6282100000001@s.whatsapp.net', message: 'direct' }),
					});
				const first = await direct(t.GOWA.deviceId);
				const second = await direct(t.GOWA.deviceId);
				const otherDevice = await direct(other.id);
				t.assert.equal(first.status, 200);
				t.assert.equal(second.status, 429, 'over the rate of this device');
				t.assert.equal(second.headers.get('retry-after'), '3');
				t.assert.equal((await second.json()).code, 'TOO_MANY_REQUESTS');
				t.assert.equal(otherDevice.status, 200, 'another device has its own budget');

				const before = await t.n8n.lastExecutionId('e2eQueueNginxLim');
				const body = (prefix) => ({ deviceId: t.GOWA.deviceId, count: 3, prefix });
				const running = Promise.all([t.post(t.lb.roundRobin, 'queue-nginx-limit', body('62819')), t.post(t.lb.roundRobin, 'queue-nginx-limit', body('62820'))]);
				for (const response of await running) t.assert.equal(response.status, 200, response.text);
				const executions = await t.waitForExecutions('e2eQueueNginxLim', before, 2, { timeoutMs: 150_000 });
				const workers = new Set(executions.map(({ execution }) => t.workerOf(execution.id)));
				t.assert.equal(workers.size, 2, `the executions ran on two workers: ${[...workers].join(', ')}`);
				const items = executions.flatMap(({ run }) => {
					t.assert.equal(run.status, 'success', JSON.stringify(run.error));
					return run.output('Send Text');
				});
				t.assert.equal(items.length, 6);
				t.assert.ok(items.every((item) => item.json.status === 'sent'), JSON.stringify(items.map((item) => item.json)));
				const attempts = items.reduce((sum, item) => sum + item.json.attempts, 0);
				t.assert.ok(attempts > 6, `nginx answered 429 and the node retried (${attempts} attempts for 6 messages)`);

				const delivered = sends(t.requests()).filter((request) => /^628(19|20)/.test(request.json.phone));
				t.assert.equal(delivered.length, 6, t.describeRequests(t.requests()));
				t.assert.equal(new Set(delivered.map((request) => request.json.phone)).size, 6, 'every message exactly once');
				const times = delivered.map((request) => Date.parse(request.time)).sort((a, b) => a - b);
				const gaps = times.slice(1).map((time, index) => time - times[index]);
				t.assert.ok(gaps.every((gap) => gap >= 2900), `20 per minute = one send every 3 s at GOWA, gaps: ${gaps.join(', ')} ms`);
				const rejected = t.queue.nginxLog('access.log').split('\n').filter((line) => line.includes('/gowa/send/message') && / 429 /.test(line));
				t.assert.ok(rejected.length > 0, 'nginx logged its 429 answers');
			} finally {
				t.sim.registry.remove(other.id);
			}
		},
	},
];
