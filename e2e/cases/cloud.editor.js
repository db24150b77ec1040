'use strict';
/**
 * The editor check for WhatsApp Cloud (chromium + playwright-core): the node appears in the node panel with its
 * icon and "Send a message" action; its Resource and Message Type selectors offer what the README lists; a new
 * credential opens "WhatsApp Cloud API" with its fields. Kept beside editor.js (the GOWA node's check) so both
 * run in the same n8n.
 */
const fs = require('node:fs');
const path = require('node:path');

const { openNodeCreator, optionTexts, signIn, startEditorCase } = require('../lib/browser');

// Its own workflow: the GOWA editor case leaves n8n's "editing in another tab" lock on the shared playground for a while.
const WORKFLOW_ID = 'e2eEditorCloud01';

module.exports = {
	name: 'cloud editor (chromium): WhatsApp Cloud appears in the node panel with its actions, selectors and credential type',
	workflows: ['editor-playground-cloud.json'],
	order: 101,
	timeoutMs: 180_000,
	async run(t) {
		const { browser, page, dir } = await startEditorCase(t, { width: 1280, height: 800 });
		const shot = (name) => page.screenshot({ path: path.join(dir, `cloud-${name}.png`) });
		try {
			await signIn(page, t.n8n);
			await page.goto(`${t.n8n.baseUrl}/workflow/${WORKFLOW_ID}`);
			await page.locator('[data-test-id="canvas-node"]').first().waitFor();

			await openNodeCreator(page, 'WhatsApp Cloud');
			await page.locator('[data-test-id="node-creator-item-name"]', { hasText: /^WhatsApp Cloud$/ }).first().click();
			const action = page.locator('[data-test-id="node-creator-item-name"]', { hasText: /^Send a message$/ });
			await action.waitFor();
			for (const name of ['Mark a message as read', 'Upload a media file', 'Download a media file', 'Get many templates']) {
				t.assert.ok(await page.locator('[data-test-id="node-creator-item-name"]', { hasText: name }).first().isVisible(), `the panel lists "${name}"`);
			}
			const icons = await page.$$eval('img[src*="whatsapp-cloud"]', (images) => images.map((image) => image.naturalWidth));
			t.assert.ok(icons.length > 0 && icons.every((width) => width > 0), `the WhatsApp Cloud icon loads: ${JSON.stringify(icons)}`);
			await shot('01-actions');
			await action.click();

			const ndv = page.locator('[data-test-id="ndv"]');
			await ndv.waitFor();
			const resource = page.locator('[data-test-id="parameter-input-resource"]');
			await resource.waitFor();
			t.assert.equal(await resource.locator('input').inputValue(), 'Message');
			const resources = await optionTexts(page, resource);
			// n8n appends its own "Custom API Call" entry for credentials with generic authentication.
			t.assert.deepEqual(resources.filter((name) => name !== 'Custom API Call'), ['Block', 'Business Profile', 'Media', 'Message', 'Phone Number', 'Template']);
			const types = await optionTexts(page, page.locator('[data-test-id="parameter-input-messageType"]'));
			for (const type of ['Text', 'Image', 'Sticker', 'Interactive: Reply Buttons', 'Interactive: List', 'Template', 'Reaction', 'Contacts']) {
				t.assert.ok(types.includes(type), `Message Type offers ${type}: ${types}`);
			}
			await shot('02-ndv');

			// Without a WhatsApp Cloud API credential the node offers "Connect to WhatsApp Cloud"; once the Cloud cases
			// have created "Meta simulator", a select with "Create new credential" instead.
			const emptyState = page.locator('[data-test-id="node-credentials-empty-state"]');
			const select = page.locator('[data-test-id="node-credentials-select"]');
			await emptyState.or(select).first().waitFor();
			if (await emptyState.isVisible()) {
				await emptyState.getByText('Connect to WhatsApp Cloud').click();
			} else {
				await select.click();
				await page.click('[data-test-id="node-credentials-select-item-new"]');
			}
			const modal = page.locator('[data-test-id="editCredential-modal"]');
			await modal.waitFor();
			await modal.getByText('Access Token').first().waitFor();
			const modalText = await modal.innerText();
			t.assert.match(modalText, /WhatsApp Cloud API/);
			for (const label of ['Access Token', 'WhatsApp Business Account ID', 'Default Phone Number ID', 'Graph API Version', 'App Secret', 'Verify Token', 'Graph Base URL', 'Default Country Code']) {
				t.assert.ok(modalText.includes(label), `credential form shows "${label}"`);
			}
			await shot('03-credential');
			await page.keyboard.press('Escape');
		} catch (error) {
			await shot('99-failure').catch(() => {});
			await page.content().then((html) => fs.writeFileSync(path.join(dir, 'cloud-99-failure.html'), html)).catch(() => {});
			throw error;
		} finally {
			await browser.close();
		}
	},
};
