'use strict';
/**
 * Admin API under /__sim/ (never under the base path, no auth, not recorded, not counted in stats) so a simulator
 * running as a separate process (n8n e2e, benchmarks) can be driven over HTTP. See README.md for the list.
 */

const { buildEvent } = require('./events');

function serialiseFile(file) {
	return { fileName: file.fileName, contentType: file.contentType, size: file.size, sha256: file.sha256, bytesBase64: file.bytes.toString('base64') };
}

/** A recorded request as JSON (Buffers → base64). */
function serialiseRequest(rec, { bodies = true } = {}) {
	const out = { ...rec };
	out.rawBody = undefined;
	out.rawBodyBase64 = bodies ? rec.rawBody.toString('base64') : undefined;
	out.rawBodySize = rec.rawBody.length;
	if (rec.form) {
		out.form = { fields: rec.form.fields, files: {} };
		for (const [name, file] of Object.entries(rec.form.files)) out.form.files[name] = bodies ? serialiseFile(file) : { ...serialiseFile(file), bytesBase64: undefined };
	}
	if (rec.response && Buffer.isBuffer(rec.response.body)) out.response = { ...rec.response, body: undefined, bodyBase64: rec.response.body.toString('base64') };
	return out;
}

function readJson(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8').trim();
			if (!text) return resolve({});
			try {
				resolve(JSON.parse(text));
			} catch (error) {
				reject(error);
			}
		});
		req.on('error', reject);
	});
}

function send(res, status, body) {
	const text = JSON.stringify(body === undefined ? {} : body);
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}

async function handle(sim, req, res) {
	const url = new URL(req.url, 'http://simulator.local');
	const path = url.pathname.replace(/\/+$/, '');
	const method = req.method;
	let body;
	try {
		body = method === 'GET' || method === 'DELETE' ? {} : await readJson(req);
	} catch (error) {
		return send(res, 400, { error: `invalid JSON: ${error.message}` });
	}
	try {
		if (method === 'GET' && path === '/__sim/requests') {
			const since = Number(url.searchParams.get('since') || 0);
			const onlyPath = url.searchParams.get('path');
			const bodies = url.searchParams.get('bodies') !== 'false';
			const list = sim.requests.filter((rec) => rec.seq > since && (!onlyPath || rec.path === onlyPath));
			return send(res, 200, { requests: list.map((rec) => serialiseRequest(rec, { bodies })) });
		}
		if (method === 'DELETE' && path === '/__sim/requests') {
			const cleared = sim.requests.length;
			sim.clearRequests();
			return send(res, 200, { cleared });
		}
		if (method === 'POST' && path === '/__sim/fail-next') {
			const rule = sim.failNext(body);
			return send(res, 200, { queued: { ...rule, remaining: rule.remaining === Infinity ? 'Infinity' : rule.remaining } });
		}
		if (method === 'DELETE' && path === '/__sim/fail-next') {
			sim.clearFailures();
			return send(res, 200, { cleared: true });
		}
		if (method === 'POST' && path === '/__sim/failure-rate') {
			sim.setFailureRate(body);
			return send(res, 200, { rate: sim.failureRate.rate, statuses: sim.failureRate.statuses });
		}
		if (method === 'POST' && path === '/__sim/hang') {
			sim.hang(body.hang !== undefined ? body.hang : body.on !== undefined ? body.on : true);
			return send(res, 200, { hanging: sim.hanging });
		}
		if (method === 'GET' && path === '/__sim/stats') return send(res, 200, sim.stats);
		if (method === 'POST' && path === '/__sim/stats/reset') {
			sim.resetStats();
			return send(res, 200, sim.stats);
		}
		if (method === 'GET' && path === '/__sim/devices') return send(res, 200, { devices: sim.devices });
		if (method === 'PUT' && path === '/__sim/devices') {
			sim.setDevices(Array.isArray(body) ? body : body.devices);
			return send(res, 200, { devices: sim.devices });
		}
		const loginMatch = /^\/__sim\/devices\/([^/]+)\/complete-login$/.exec(path);
		if (method === 'POST' && loginMatch) return send(res, 200, { device: sim.completeLogin(decodeURIComponent(loginMatch[1]), body) });
		const stateMatch = /^\/__sim\/devices\/([^/]+)\/state$/.exec(path);
		if (method === 'POST' && stateMatch) return send(res, 200, { device: sim.setDeviceState(decodeURIComponent(stateMatch[1]), body.state) });
		const passkeyMatch = /^\/__sim\/devices\/([^/]+)\/passkey$/.exec(path);
		if (method === 'POST' && passkeyMatch) return send(res, 200, { device: sim.setPasskey(decodeURIComponent(passkeyMatch[1]), body) });
		if (method === 'POST' && path === '/__sim/webhook') {
			const attempts = await sim.sendWebhook(body);
			return send(res, 200, {
				attempts: [...attempts],
				delivered: attempts.delivered,
				skipped: attempts.skipped,
				url: attempts.url,
				signature: attempts.signature,
				body: attempts.body ? attempts.body.toString('utf8') : undefined,
			});
		}
		if (method === 'GET' && path === '/__sim/webhooks') {
			return send(res, 200, { deliveries: sim.webhooks.map((item) => ({ ...item, body: item.body.toString('utf8') })) });
		}
		if (method === 'POST' && path === '/__sim/events/build') {
			return send(res, 200, buildEvent(body.event || 'message', body.fields || {}, body.options || {}));
		}
		if (method === 'POST' && path === '/__sim/messages') {
			const message = sim.addMessage(body.deviceId, body.message || body);
			return send(res, 200, { message });
		}
		if (method === 'POST' && path === '/__sim/latency') {
			sim.setLatency(body.latencyMs !== undefined ? body.latencyMs : body.ms);
			return send(res, 200, { latencyMs: sim.latencyMs });
		}
		if (method === 'POST' && path === '/__sim/unregistered') {
			sim.setUnregisteredNumbers(body.numbers || []);
			return send(res, 200, { numbers: [...sim.unregistered] });
		}
		if (method === 'POST' && path === '/__sim/reset') {
			sim.clearRequests();
			sim.clearFailures();
			sim.hang(false);
			sim.resetStats();
			sim.setLatency(0);
			sim.webhookDeliveries.length = 0;
			return send(res, 200, { reset: true });
		}
		return send(res, 404, { error: `unknown admin route ${method} ${path}` });
	} catch (error) {
		return send(res, 400, { error: error.message });
	}
}

module.exports = { handle, serialiseRequest };
