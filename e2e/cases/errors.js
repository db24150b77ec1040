'use strict';
/**
 * Failures as a user meets them in real n8n, run through the CLI (`n8n execute --id`): the exit code
 * and the run JSON must both say what went wrong, in our words, and nothing may be sent that should not be.
 */

module.exports = [
	{
		name: 'invalid phone: the item fails with our message and nothing is sent (n8n execute)',
		workflows: ['invalid-phone.json'],
		async run(t) {
			const result = await t.execute('e2eInvalidPhone1');
			t.assert.notEqual(result.code, 0, 'n8n execute exits non-zero when the workflow fails');
			t.assert.equal(result.ok, false);
			t.assert.ok(result.run.error, 'the run JSON carries the error');
			t.assert.equal(result.run.error.message, 'Recipient: "call me maybe" is not a phone number');
			t.assert.equal(result.run.error.node, 'Send Text');
			t.assert.deepEqual(result.requests, [], `nothing may reach GOWA, got:\n${t.describeRequests(result.requests)}`);
		},
	},
	{
		name: 'continue on fail: the bad row becomes an error item (with pairedItem), the others are sent (n8n execute)',
		workflows: ['continue-on-fail.json'],
		async run(t) {
			const result = await t.execute('e2eContinueFail1');
			t.assert.equal(result.code, 0, `n8n execute exited ${result.code}: ${JSON.stringify(result.run.error)}`);
			t.assert.equal(result.ok, true);
			const items = result.run.output('Send Text');
			t.assert.equal(items.length, 3);
			t.assert.deepEqual(
				items.map((item) => item.pairedItem),
				[{ item: 0 }, { item: 1 }, { item: 2 }],
			);
			t.assert.equal(items[0].json.status, 'sent');
			t.assert.equal(items[0].json.recipient, '6281234567001@s.whatsapp.net');
			t.assert.equal(items[1].json.status, 'failed');
			t.assert.equal(items[1].json.error, 'Recipient: "not a phone" is not a phone number');
			t.assert.equal(items[2].json.status, 'sent');
			t.assert.equal(items[2].json.recipient, '6281234567003@s.whatsapp.net');
			t.assert.deepEqual(
				result.requests.map((request) => [request.method, request.path, request.json?.phone, request.validation?.valid]),
				[
					['POST', '/send/message', '6281234567001@s.whatsapp.net', true],
					['POST', '/send/message', '6281234567003@s.whatsapp.net', true],
				],
			);
			t.assert.deepEqual(
				result.requests.map((request) => request.json.message),
				['Hi Ayu, see you tomorrow.', 'Hi Made, see you tomorrow.'],
			);
		},
	},
	{
		name: "wrong password: GOWA's plain-text 401 becomes our credential message (n8n execute)",
		workflows: ['wrong-password.json'],
		async run(t) {
			const result = await t.execute('e2eWrongPasswd1');
			t.assert.notEqual(result.code, 0);
			t.assert.ok(result.run.error, 'the run JSON carries the error');
			t.assert.equal(result.run.error.message, 'GOWA rejected the username or password (HTTP 401)');
			t.assert.match(result.run.error.description ?? '', /Username and Password/);
			t.assert.equal(result.requests.length, 1, t.describeRequests(result.requests));
			t.assert.equal(result.requests[0].response?.status, 401);
			const output = result.stdout + result.stderr;
			t.assert.ok(!output.includes('not-the-password'), 'the password never appears in the output');
		},
	},
];
