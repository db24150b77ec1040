'use strict';
/**
 * The booking automation examples (examples/booking-*.json) opened in the n8n editor in a real browser, as a user
 * who imported them sees them: every node on the canvas, our node types resolved (no "unknown node" placeholder).
 * Screenshots go to test-artifacts/e2e/editor/; with UPDATE_DOCS_SCREENSHOTS=1 the README pictures
 * docs/booking-*.png are refreshed too.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { signIn, startEditorCase } = require('../lib/browser');
const { CREDENTIALS } = require('../lib/fixtures');
const { ROOT_DIR } = require('../lib/install');

const COPIES_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-booking-editor-'));
process.once('exit', () => fs.rmSync(COPIES_DIR, { recursive: true, force: true }));

/** The example as shipped, under its own id (the reminder cases import adapted copies under the original ids). */
function editorCopy(file) {
	const workflow = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'examples', file), 'utf8'));
	workflow.id = `ed${workflow.id.slice(2)}`;
	for (const node of workflow.nodes) {
		if (node.credentials?.whatsAppMultiDeviceApi) node.credentials.whatsAppMultiDeviceApi = { ...CREDENTIALS.gowa };
		// Its own webhook path, so it does not collide with the copy the reminder cases activate.
		if (node.type === 'n8n-nodes-base.webhook') {
			node.parameters.path = `${node.parameters.path}-editor`;
			if (node.webhookId) node.webhookId = `${node.webhookId.slice(0, -6)}ed1t0r`;
		}
	}
	const copy = path.join(COPIES_DIR, file);
	fs.writeFileSync(copy, JSON.stringify(workflow, null, 2));
	return { path: copy, workflow };
}

const examples = [editorCopy('booking-confirmation.json'), editorCopy('booking-reminders.json')];

module.exports = {
	name: 'editor (chromium): the booking examples open with every node, our nodes resolved',
	workflows: examples.map((example) => example.path),
	order: 101,
	timeoutMs: 180_000,
	async run(t) {
		const { browser, page, dir } = await startEditorCase(t, { width: 1280, height: 760 });
		try {
			await signIn(page, t.n8n);
			for (const { workflow, path: copyPath } of examples) {
				await page.goto(`${t.n8n.baseUrl}/workflow/${workflow.id}`);
				const nodes = page.locator('[data-test-id="canvas-node"]');
				await nodes.first().waitFor();
				await page.waitForTimeout(500);
				const names = await nodes.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-node-name') ?? element.innerText.split('\n')[0]));
				const expected = workflow.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote').map((node) => node.name);
				for (const name of expected) t.assert.ok(names.includes(name), `the canvas shows node "${name}" (saw ${JSON.stringify(names)})`);
				t.assert.equal(await page.locator('text=/Install this node|node is not currently installed|Unknown node/i').count(), 0, 'no unknown-node placeholder');
				const name = path.basename(copyPath, '.json');
				const fit = page.locator('[data-test-id="zoom-to-fit"]');
				if ((await fit.count()) > 0) await fit.first().click();
				await page.waitForTimeout(400);
				await page.screenshot({ path: path.join(dir, `${name}.png`) });
				if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
					await page.screenshot({ path: path.join(ROOT_DIR, 'docs', `${name}.png`) });
				}
			}
		} finally {
			await browser.close();
		}
	},
};
