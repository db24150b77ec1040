'use strict';
/**
 * The n8n editor in a real browser (Debian chromium + playwright-core): sign in as the owner, open a
 * workflow, add WhatsApp MultiDevice → "Send a text message" from the node panel, and check what a user
 * sees: the Resource/Operation selectors, our credential type with its fields, our icon; then save and
 * read the saved workflow back through the public API. Screenshots go to test-artifacts/e2e/editor/;
 * with UPDATE_DOCS_SCREENSHOTS=1 the README picture docs/editor-send-text.png is refreshed too.
 */
const fs = require('node:fs');
const path = require('node:path');

const { openNodeCreator, optionTexts, signIn, startEditorCase } = require('../lib/browser');
const { ROOT_DIR } = require('../lib/install');

const WORKFLOW_ID = 'e2eEditorPlay001';
const NODE_TYPE = 'n8n-nodes-whatsapp-multidevice.whatsAppMultiDevice';

module.exports = {
	name: 'editor (chromium): add WhatsApp MultiDevice, see Resource/Operation and our credential type, save',
	workflows: ['editor-playground.json'],
	order: 100,
	timeoutMs: 180_000,
	async run(t) {
		const { browser, page, dir } = await startEditorCase(t, { width: 1280, height: 800 });
		const shot = (name, options = {}) => page.screenshot({ path: path.join(dir, `${name}.png`), ...options });
		try {
			await signIn(page, t.n8n);

			await page.goto(`${t.n8n.baseUrl}/workflow/${WORKFLOW_ID}`);
			await page.locator('[data-test-id="canvas-node"]').first().waitFor();
			await shot('01-workflow');

			// Node panel → search → our node → its "Send a text message" action.
			await openNodeCreator(page, 'WhatsApp MultiDevice');
			await page.locator('[data-test-id="node-creator-item-name"]', { hasText: /^WhatsApp MultiDevice$/ }).first().click();
			const action = page.locator('[data-test-id="node-creator-item-name"]', { hasText: /^Send a text message$/ });
			await action.waitFor();
			await shot('02-actions');
			const icons = await page.$$eval('img[src*="/icons/n8n-nodes-whatsapp-multidevice/"]', (images) =>
				images.map((image) => ({ src: image.getAttribute('src'), width: image.naturalWidth })),
			);
			t.assert.ok(icons.length > 0, 'the node panel shows our icon');
			t.assert.ok(
				icons.every((icon) => icon.width > 0),
				`every icon of ours loads: ${JSON.stringify(icons.filter((icon) => icon.width === 0))}`,
			);
			await action.click();

			// The node details view of the new node.
			const ndv = page.locator('[data-test-id="ndv"]');
			await ndv.waitFor();
			const resource = page.locator('[data-test-id="parameter-input-resource"]');
			const operation = page.locator('[data-test-id="parameter-input-operation"]');
			await resource.waitFor();
			t.assert.equal(await resource.locator('input').inputValue(), 'Send');
			t.assert.equal(await operation.locator('input').inputValue(), 'Send Text');
			t.assert.ok(await ndv.getByText('Resource', { exact: true }).isVisible(), 'Resource label shown');
			t.assert.ok(await ndv.getByText('Operation', { exact: true }).isVisible(), 'Operation label shown');

			const resources = await optionTexts(page, resource);
			t.assert.ok(resources.includes('Send'), `Resource offers Send: ${resources}`);
			const operations = await optionTexts(page, operation);
			for (const name of ['Send Text', 'Send Image', 'Send Poll', 'Send Location']) {
				t.assert.ok(operations.some((text) => text.startsWith(name)), `Operation offers ${name}: ${operations}`);
			}

			// Our credential type: both imported credentials of that type are offered, and nothing else.
			const credentials = page.locator('[data-test-id="node-credentials-select"]');
			await credentials.click();
			const listed = await page.$$eval('[data-test-id^="node-credentials-select-item-"]', (items) =>
				items.map((item) => item.getAttribute('data-test-id').replace('node-credentials-select-item-', '')),
			);
			t.assert.deepEqual(listed.sort(), [t.CREDENTIALS.wrongPassword.id, t.CREDENTIALS.gowa.id, 'new'].sort());
			await page.click(`[data-test-id="node-credentials-select-item-${t.CREDENTIALS.gowa.id}"]`);
			t.assert.equal(await credentials.locator('input').inputValue(), t.CREDENTIALS.gowa.name);

			await page.locator('[data-test-id="parameter-input-recipient"] input').fill('+62 812-3456-7890');
			await page
				.locator('[data-test-id="parameter-input-message"] textarea')
				.fill('Hi {{ $json.name }}, your booking tomorrow at 10:00 is confirmed. Reply 1 to confirm, 2 to reschedule.');
			await page.mouse.click(5, 5); // blur, so the values are committed
			await shot('03-send-text');
			const ndvShot = await ndv.screenshot({ path: path.join(dir, 'ndv-send-text.png') });
			if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
				fs.mkdirSync(path.join(ROOT_DIR, 'docs'), { recursive: true });
				fs.writeFileSync(path.join(ROOT_DIR, 'docs', 'editor-send-text.png'), ndvShot);
			}

			// "Create new credential" opens our credential type with its fields.
			await credentials.click();
			await page.click('[data-test-id="node-credentials-select-item-new"]');
			const modal = page.locator('[data-test-id="editCredential-modal"]');
			await modal.waitFor();
			await modal.getByText('Base URL').first().waitFor();
			const modalText = await modal.innerText();
			t.assert.match(modalText, /WhatsApp MultiDevice API/);
			for (const label of ['Base URL', 'Username', 'Password', 'Default Device ID', 'Webhook Secret', 'Default Country Code']) {
				t.assert.ok(modalText.includes(label), `credential form shows "${label}"`);
			}
			await shot('04-credential');
			await page.keyboard.press('Escape');
			await modal.waitFor({ state: 'hidden' });

			// Back on the canvas: save, then read the workflow back.
			if (await ndv.isVisible()) await page.click('[data-test-id="ndv-close-button"]');
			await ndv.waitFor({ state: 'hidden' });
			await page.keyboard.press('Control+s');
			let saved;
			for (let attempt = 0; attempt < 40; attempt++) {
				const workflow = await t.n8n.api('GET', `/workflows/${WORKFLOW_ID}`);
				saved = workflow.nodes.find((node) => node.type === NODE_TYPE);
				// n8n may autosave the new node before the typed values; wait for the save that has them.
				if (saved?.parameters?.recipient !== undefined) break;
				await page.waitForTimeout(250);
			}
			await shot('05-saved');
			t.assert.ok(saved, 'the saved workflow contains our node');
			t.assert.equal(saved.parameters.resource ?? 'send', 'send');
			t.assert.equal(saved.parameters.operation ?? 'text', 'text');
			t.assert.equal(saved.parameters.recipient, '+62 812-3456-7890');
			t.assert.deepEqual(saved.credentials, { whatsAppMultiDeviceApi: { id: t.CREDENTIALS.gowa.id, name: t.CREDENTIALS.gowa.name } });
		} catch (error) {
			await shot('99-failure').catch(() => {});
			await page
				.content()
				.then((html) => fs.writeFileSync(path.join(dir, '99-failure.html'), html))
				.catch(() => {});
			throw error;
		} finally {
			await browser.close();
		}
	},
};
