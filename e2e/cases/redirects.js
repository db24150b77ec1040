'use strict';
/**
 * Redirects in a real n8n 2.41.1 (issue 16, item 1): GOWA answers a send with 307 to another origin (a second
 * listener on another 127.0.0.1 port). n8n's own request helper would follow it and re-send Basic auth there by
 * default; the package must not follow it at all. This proves in production what the in-process tests prove
 * through n8n-core's helper.
 */
const http = require('node:http');

module.exports = {
	name: 'redirects: a 307 from GOWA to another origin is not followed, the password never arrives there (real n8n)',
	workflows: ['send-text.json'],
	async run(t) {
		const arrived = [];
		const elsewhere = http.createServer((request, response) => {
			arrived.push({ method: request.method, url: request.url, authorization: request.headers.authorization ?? null });
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(JSON.stringify({ code: 'SUCCESS', message: 'Success', results: { message_id: '3EB0ELSEWHERE', status: 'sent' } }));
		});
		await new Promise((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
		try {
			const target = `http://127.0.0.1:${elsewhere.address().port}/gowa/send/message`;
			t.sim.failNext({ path: '/send/message', status: 307, redirect: target });
			const { run, requests } = await t.webhook('e2e-send-text', { phone: '+62 812-3456-7890', name: 'Ayu', booking: 1 });
			t.assert.deepEqual(arrived, [], `the other origin was called: ${JSON.stringify(arrived)}`);
			t.assert.equal(requests.filter((request) => request.path === '/send/message').length, 1, 'the send reached GOWA once');
			t.assert.equal(run.status, 'error', 'the item fails instead of being reported as sent');
			t.assert.match(String(run.error?.message), /answered with a redirect \(HTTP 307\) to http:\/\/127\.0\.0\.1:\d+\/gowa\/send\/message, which is not followed/);
		} finally {
			await new Promise((resolve) => elsewhere.close(resolve));
		}
	},
};
