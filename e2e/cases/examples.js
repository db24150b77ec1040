'use strict';
/** examples/send-text.json as a user imports it: only its credential is pointed at the simulator's. */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { CREDENTIALS } = require('../lib/fixtures');

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'send-text.json');
const COPY_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-example-send-text-'));
process.once('exit', () => fs.rmSync(COPY_DIR, { recursive: true, force: true }));

const workflow = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
for (const node of workflow.nodes) {
	if (node.credentials?.whatsAppMultiDeviceApi) node.credentials.whatsAppMultiDeviceApi = { ...CREDENTIALS.gowa };
}
const copy = path.join(COPY_DIR, 'send-text.json');
fs.writeFileSync(copy, JSON.stringify(workflow, null, 2));

module.exports = [
	{
		name: 'example send-text.json: Booking → Send Text sends the confirmation (n8n execute)',
		workflows: [copy],
		async run(t) {
			const result = await t.execute(workflow.id);
			t.assert.equal(result.code, 0, `n8n execute exited ${result.code}: ${JSON.stringify(result.run.error)}`);
			const [item] = result.run.output('Send Text');
			t.assert.equal(item.json.status, 'sent');
			const request = t.onlyRequest(result.requests, 'POST', '/send/message');
			t.assertTenantHeaders(request);
			t.assert.deepEqual(request.json, {
				phone: '6281234567890@s.whatsapp.net',
				message: 'Hi Ayu, your *Hair Spa* on Monday 23 November, 14:00 is confirmed. See you soon!',
			});
		},
	},
];
