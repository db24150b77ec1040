'use strict';
/**
 * What a queue-mode case gets: everything of the regular e2e context (t.n8n is the main: public API, executions),
 * plus the load balancer's addresses, the webhook processors and workers, Redis, and helpers that post to a
 * chosen entry point and wait for the executions that follow.
 */
const { makeCaseContext } = require('../lib/context');
const { postWebhookAt } = require('../lib/n8n');
const { workerOf, QUEUE_CREDENTIALS } = require('../lib/queue');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function makeQueueContext(env, testCase, artifactsDir) {
	const t = makeCaseContext(env, testCase, artifactsDir);
	const { n8n } = env;
	return Object.assign(t, {
		queue: env,
		lb: env.lb,
		processors: env.processors,
		workers: env.workers,
		redis: env.redis,
		gowaProxyUrl: env.gowaProxyUrl,
		QUEUE_CREDENTIALS,

		/** POST <baseUrl>/webhook/<path> (404 retried for up to 30 s while routes appear): { status, text, json, headers }. */
		post: (baseUrl, webhookPath, body, options) => postWebhookAt(baseUrl, webhookPath, body, { retries: 150, ...options }),

		/** Every execution of the workflow newer than afterId, whatever its state, oldest first. */
		async executionsAfter(workflowId, afterId = 0) {
			const list = await n8n.executions(workflowId, { limit: 250 });
			return list.filter((entry) => Number(entry.id) > Number(afterId)).sort((a, b) => Number(a.id) - Number(b.id));
		},

		/**
		 * Waits until `count` executions newer than afterId have finished (and no more than that exist), then returns
		 * them with their data ({ execution, run } each, oldest first).
		 */
		async waitForExecutions(workflowId, afterId, count, { timeoutMs = 60_000 } = {}) {
			const started = Date.now();
			let list = [];
			while (Date.now() - started < timeoutMs) {
				list = await t.executionsAfter(workflowId, afterId);
				const finished = list.filter((entry) => entry.stoppedAt && entry.status !== 'running' && entry.status !== 'new');
				if (list.length > count) break;
				if (finished.length === count && list.length === count) {
					return await Promise.all(finished.map((entry) => n8n.execution(entry.id)));
				}
				await sleep(250);
			}
			throw new Error(
				`expected ${count} finished executions of ${workflowId} after #${afterId}, found ${list.length}: ${JSON.stringify(list.map((entry) => [entry.id, entry.status]))}`,
			);
		},

		/** The worker ("worker-1"…) whose log says it ran the execution. */
		workerOf: (executionId) => workerOf(env, executionId),
	});
}

module.exports = { makeQueueContext };
