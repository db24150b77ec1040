'use strict';
/**
 * examples/booking-confirm-reply.json opened in the n8n editor (chromium), as a user who imported it sees it: every
 * node on the canvas, our node types resolved. With UPDATE_DOCS_SCREENSHOTS=1 the README picture
 * docs/editor-send-and-wait.png is refreshed.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { signIn, startEditorCase } = require('../lib/browser');
const { CREDENTIALS } = require('../lib/fixtures');
const { ROOT_DIR } = require('../lib/install');

const COPY_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-send-wait-editor-'));
process.once('exit', () => fs.rmSync(COPY_DIR, { recursive: true, force: true }));

const workflow = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'examples', 'booking-confirm-reply.json'), 'utf8'));
workflow.id = 'edBookingReply01';
for (const node of workflow.nodes) {
	if (node.credentials?.whatsAppMultiDeviceApi) node.credentials.whatsAppMultiDeviceApi = { ...CREDENTIALS.gowa };
	if (node.webhookId) node.webhookId = `${node.webhookId.slice(0, -6)}ed1t0r`;
	if (node.parameters.path) node.parameters.path += '-editor';
}
const copy = path.join(COPY_DIR, 'booking-confirm-reply.json');
fs.writeFileSync(copy, JSON.stringify(workflow, null, 2));

module.exports = {
	name: 'editor (chromium): the send-and-wait booking example opens with every node, our nodes resolved',
	workflows: [copy],
	order: 102,
	timeoutMs: 180_000,
	async run(t) {
		const { browser, page, dir } = await startEditorCase(t, { width: 1280, height: 760 });
		try {
			await signIn(page, t.n8n);
			await page.goto(`${t.n8n.baseUrl}/workflow/${workflow.id}`);
			const nodes = page.locator('[data-test-id="canvas-node"]');
			await nodes.first().waitFor();
			await page.waitForTimeout(500);
			const names = await nodes.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-node-name') ?? element.innerText.split('\n')[0]));
			for (const node of workflow.nodes) t.assert.ok(names.includes(node.name), `the canvas shows node "${node.name}" (saw ${JSON.stringify(names)})`);
			t.assert.equal(await page.locator('text=/Install this node|node is not currently installed|Unknown node/i').count(), 0, 'no unknown-node placeholder');
			const fit = page.locator('[data-test-id="zoom-to-fit"]');
			if ((await fit.count()) > 0) await fit.first().click();
			await page.waitForTimeout(400);
			await page.screenshot({ path: path.join(dir, 'booking-confirm-reply.png') });
			if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') await page.screenshot({ path: path.join(ROOT_DIR, 'docs', 'editor-send-and-wait.png') });
		} finally {
			await browser.close();
		}
	},
};
