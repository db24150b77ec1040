'use strict';
/** Forged and garbled webhook posts, shared by the GOWA and Cloud trigger cases. */
const crypto = require('node:crypto');

/** `sha256=<hex>`: the X-Hub-Signature-256 both GOWA and Meta send. */
function hubSignature(bytes, secret) {
	return `sha256=${crypto.createHmac('sha256', secret).update(bytes).digest('hex')}`;
}

/**
 * Variants of a genuine signed `body` that must all be refused: another secret, no signature, another algorithm, one
 * flipped hex digit, an edited body (`edit` = [from, to]) or one with a space appended or re-indented under the good
 * signature, an empty signature, random bytes.
 */
function forgedVariants(body, secret, { otherSecret, edit, emptySignatureBody = body }) {
	const good = hubSignature(body, secret);
	return [
		() => ({ body, signature: hubSignature(body, otherSecret) }),
		() => ({ body, signature: undefined }),
		() => ({ body, signature: good.replace('sha256=', 'sha1=') }),
		() => ({ body, signature: `${good.slice(0, -1)}${good.endsWith('0') ? '1' : '0'}` }),
		() => ({ body: Buffer.from(body.toString().replace(edit[0], edit[1])), signature: good }),
		() => ({ body: Buffer.concat([body, Buffer.from(' ')]), signature: good }),
		() => ({ body: Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 2)), signature: good }),
		() => ({ body: emptySignatureBody, signature: 'sha256=' }),
		() => ({ body: crypto.randomBytes(64), signature: `sha256=${crypto.randomBytes(32).toString('hex')}`, type: 'application/octet-stream' }),
	];
}

/** Posts `count` of the variants in turn, `inFlight` at a time; returns how many got each status. */
async function postForgeries(url, variants, { count = 1000, inFlight = 12 } = {}) {
	const statuses = {};
	let next = 0;
	async function worker() {
		while (next < count) {
			const index = next++;
			const { body, signature, type = 'application/json' } = variants[index % variants.length]();
			const headers = { 'content-type': type };
			if (signature !== undefined) headers['x-hub-signature-256'] = signature;
			const response = await fetch(url, { method: 'POST', headers, body });
			await response.arrayBuffer();
			statuses[response.status] = (statuses[response.status] ?? 0) + 1;
		}
	}
	await Promise.all(Array.from({ length: inFlight }, worker));
	return statuses;
}

module.exports = { hubSignature, forgedVariants, postForgeries };
