'use strict';
/**
 * What a case gets: the running n8n and simulator, plus helpers that trigger a workflow (webhook or
 * `n8n execute`) and hand back the n8n execution together with the requests GOWA received meanwhile.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { GOWA, CREDENTIALS } = require('./fixtures');
const { workflowForWebhook } = require('./workflows');
const { SkipCase } = require('./runner');

function recordedRequests(sim) {
	return Array.from(sim.requests ?? []).filter((request) => !String(request.path ?? '').startsWith('/__sim'));
}

/** One form field's value (multipart fields are recorded as lists). */
function field(request, name) {
	const value = request.form?.fields?.[name];
	return Array.isArray(value) ? (value.length === 1 ? value[0] : value) : value;
}

/** How many successful /send/message requests each phone got. */
function deliveredPerPhone(requests) {
	const counts = new Map();
	for (const request of requests) {
		if (request.path !== '/send/message' || request.response?.status !== 200) continue;
		counts.set(request.json.phone, (counts.get(request.json.phone) ?? 0) + 1);
	}
	return counts;
}

function describeRequests(requests) {
	return requests.map((request) => `${request.method} ${request.path} → ${request.response?.status ?? '?'}`).join('\n') || '(none)';
}

/**
 * @param {object} env  from startEnvironment()
 * @param {object} testCase
 * @param {string} artifactsDir
 */
function makeCaseContext(env, testCase, artifactsDir) {
	const { n8n, sim } = env;
	sim.clearRequests();

	const context = {
		n8n,
		sim,
		env,
		assert,
		GOWA,
		CREDENTIALS,
		artifactsDir,
		skip(reason) {
			throw new SkipCase(reason);
		},

		/** GOWA requests recorded since this case began (admin calls left out). */
		requests() {
			return recordedRequests(sim);
		},

		/**
		 * POSTs to a production webhook and waits for the execution it started.
		 * Returns { response, run, execution, requests } (requests: those GOWA got during the call).
		 */
		async webhook(webhookPath, body, options = {}) {
			const workflow = options.workflowId ? { id: options.workflowId } : workflowForWebhook(env.workflows, webhookPath);
			if (!workflow) throw new Error(`no imported workflow listens at /webhook/${webhookPath}`);
			const before = await n8n.lastExecutionId(workflow.id);
			const mark = recordedRequests(sim).length;
			const response = await n8n.postWebhook(webhookPath, body, options);
			if (response.status === 404) throw new Error(`webhook /webhook/${webhookPath} is not registered (404): ${response.text}`);
			const { run, execution } = await n8n.waitForExecution(workflow.id, before);
			return { response, run, execution, requests: recordedRequests(sim).slice(mark) };
		},

		/** `n8n execute --id` on the workflow; { code, ok, run, stdout, stderr, requests }. */
		async execute(workflowId) {
			const mark = recordedRequests(sim).length;
			const result = await n8n.execute(workflowId);
			if (!result.run) {
				throw new Error(`n8n execute --id=${workflowId} printed no run JSON (exit ${result.code}${result.signal ? `, ${result.signal}` : ''}${result.timedOut ? ', timed out' : ''}):\n${(result.stdout + result.stderr).slice(-3000)}`);
			}
			return { ...result, requests: recordedRequests(sim).slice(mark) };
		},

		/** Asserts exactly one request reached GOWA, at `method path`, valid against the spec; returns it. */
		onlyRequest(requests, method, requestPath) {
			assert.equal(requests.length, 1, `expected exactly one request to GOWA, got:\n${describeRequests(requests)}`);
			const [request] = requests;
			assert.equal(request.method, method);
			assert.equal(request.path, requestPath);
			assert.ok(request.validation, 'the simulator recorded no spec validation');
			assert.equal(request.validation.valid, true, `request is not valid against GOWA's spec: ${JSON.stringify(request.validation.errors)}`);
			return request;
		},

		/** Asserts the request carried the credential's basic auth and device. */
		assertTenantHeaders(request, deviceId = GOWA.deviceId) {
			const headers = request.headers ?? {};
			const expected = `Basic ${Buffer.from(`${GOWA.username}:${GOWA.password}`).toString('base64')}`;
			assert.equal(headers.authorization, expected, 'basic auth from the credential');
			if (deviceId !== undefined) assert.equal(headers['x-device-id'], deviceId, 'X-Device-Id from the credential');
		},

		field,
		describeRequests,

		/** Writes something next to the case's other artifacts; returns the path. */
		saveArtifact(name, content) {
			fs.mkdirSync(artifactsDir, { recursive: true });
			const file = path.join(artifactsDir, name);
			fs.writeFileSync(file, content);
			return file;
		},
	};
	return context;
}

module.exports = { makeCaseContext, recordedRequests, field, describeRequests, deliveredPerPhone };
