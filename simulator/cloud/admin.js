'use strict';
/**
 * Admin API under /__sim/ (no auth, not recorded) so a simulator running as its own process (n8n e2e, npm run dev,
 * benchmarks) can be driven over HTTP:
 *   GET/DELETE /__sim/requests · POST/DELETE /__sim/fail-next · POST /__sim/inbound {from, text, phoneNumberId?, url?}
 *   POST /__sim/webhook {payload | status, messageId?, url?} · GET /__sim/webhooks · GET /__sim/sent
 *   POST /__sim/templates/status {name, language?, status} · POST /__sim/unregistered {numbers}
 *   POST /__sim/settings {throughputPerSecond?, pairRateLimitMs?, latencyMs?, webhookUrl?} · POST /__sim/reset · GET /__sim/info
 */

function send(res, status, body) {
	const text = JSON.stringify(body ?? {});
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}

async function readJson(req) {
	const chunks = [];
	for await (const chunk of req) chunks.push(chunk);
	const text = Buffer.concat(chunks).toString('utf8').trim();
	return text === '' ? {} : JSON.parse(text);
}

function serialise(rec) {
	const out = { ...rec, rawBody: undefined, rawBodyBase64: rec.rawBody.toString('base64') };
	if (rec.form) out.form = { fields: rec.form.fields, files: Object.fromEntries(Object.entries(rec.form.files).map(([name, file]) => [name, { ...file, bytes: undefined, bytesBase64: file.bytes.toString('base64') }])) };
	if (rec.response && Buffer.isBuffer(rec.response.body)) out.response = { ...rec.response, body: undefined, bodyBase64: rec.response.body.toString('base64') };
	return out;
}

async function handle(sim, req, res, url) {
	const path = url.pathname.replace(/\/+$/, '');
	const method = req.method;
	let body;
	try {
		body = method === 'GET' ? {} : await readJson(req);
	} catch (error) {
		return send(res, 400, { error: `invalid JSON: ${error.message}` });
	}
	try {
		if (method === 'GET' && path === '/__sim/info') return send(res, 200, { url: sim.url, token: sim.token, phoneNumberId: sim.phoneNumberId, businessAccountId: sim.businessAccountId, appSecret: sim.appSecret, spec: sim.specSkipped ?? 'loaded' });
		if (method === 'GET' && path === '/__sim/requests') {
			const since = Number(url.searchParams.get('since') || 0);
			return send(res, 200, { requests: sim.requests.filter((rec) => rec.seq > since).map(serialise) });
		}
		if (method === 'DELETE' && path === '/__sim/requests') {
			sim.clearRequests();
			return send(res, 200, { cleared: true });
		}
		if (method === 'POST' && path === '/__sim/fail-next') {
			const rule = sim.failNext(body);
			return send(res, 200, { queued: { ...rule, remaining: rule.remaining === Infinity ? 'Infinity' : rule.remaining } });
		}
		if (method === 'DELETE' && path === '/__sim/fail-next') {
			sim.clearFailures();
			return send(res, 200, { cleared: true });
		}
		if (method === 'POST' && path === '/__sim/inbound') {
			const delivery = await sim.receiveMessage(body);
			return send(res, 200, { status: delivery.status ?? null, signature: delivery.signature, payload: delivery.payload });
		}
		if (method === 'POST' && path === '/__sim/webhook') {
			const delivery = await sim.sendWebhook(body);
			return send(res, 200, { status: delivery.status, error: delivery.error, signature: delivery.signature, body: delivery.body.toString('utf8') });
		}
		if (method === 'GET' && path === '/__sim/webhooks') return send(res, 200, { deliveries: sim.webhooks.map((entry) => ({ ...entry, body: entry.body.toString('utf8') })) });
		if (method === 'GET' && path === '/__sim/sent') return send(res, 200, { sent: sim.sent });
		if (method === 'POST' && path === '/__sim/templates/status') {
			const changed = [];
			for (const waba of sim.state.wabas.values()) {
				for (const template of waba.templates) {
					if (template.name === body.name && (!body.language || template.language === body.language)) {
						template.status = body.status;
						changed.push(template);
					}
				}
			}
			return send(res, changed.length ? 200 : 404, { changed });
		}
		if (method === 'POST' && path === '/__sim/unregistered') {
			sim.state.unregistered = new Set((body.numbers ?? []).map(String));
			return send(res, 200, { numbers: [...sim.state.unregistered] });
		}
		if (method === 'POST' && path === '/__sim/settings') {
			for (const key of ['throughputPerSecond', 'pairRateLimitMs', 'latencyMs', 'webhookUrl']) if (body[key] !== undefined) sim[key] = body[key];
			return send(res, 200, { throughputPerSecond: sim.throughputPerSecond, pairRateLimitMs: sim.pairRateLimitMs, latencyMs: sim.latencyMs, webhookUrl: sim.webhookUrl ?? null });
		}
		if (method === 'POST' && path === '/__sim/reset') {
			sim.clearRequests();
			sim.clearFailures();
			sim.webhooks.length = 0;
			sim.sent.length = 0;
			sim.recentSends.clear();
			sim.lastPairSend.clear();
			return send(res, 200, { reset: true });
		}
		return send(res, 404, { error: `unknown admin route ${method} ${path}` });
	} catch (error) {
		return send(res, 400, { error: error.message });
	}
}

module.exports = { handle, serialise };
