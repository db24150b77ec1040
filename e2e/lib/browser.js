'use strict';
/**
 * A real browser for editor checks: the machine's Debian chromium driven by playwright-core
 * (never a downloaded browser), headless, offline-minded flags, a fresh profile per launch.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ROOT_DIR } = require('./install');

const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);

const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

function findChromium() {
	return CHROMIUM_CANDIDATES.find((candidate) => fs.existsSync(candidate));
}

function loadPlaywright() {
	try {
		return require(require.resolve('playwright-core', { paths: [ROOT_DIR] }));
	} catch {
		return undefined;
	}
}

/** Why a browser check cannot run here (undefined when it can). */
function browserUnavailableReason() {
	if (!findChromium()) return 'chromium is not installed (apt-get install -y chromium, or set CHROMIUM_PATH)';
	if (!loadPlaywright()) return 'playwright-core is not installed (npm ci in the project root)';
	return undefined;
}

/** Launches chromium with a fresh user-data dir; returns { context, page, close() }. */
async function launchBrowser({ viewport = { width: 1440, height: 900 } } = {}) {
	const { chromium } = loadPlaywright();
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wamd-chromium-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: findChromium(),
		headless: true,
		args: CHROMIUM_ARGS,
		viewport,
		locale: 'en-US',
		timezoneId: 'UTC',
	});
	const page = context.pages()[0] ?? (await context.newPage());
	return {
		context,
		page,
		async close() {
			await context.close().catch(() => {});
			fs.rmSync(userDataDir, { recursive: true, force: true });
		},
	};
}

/** Signs in to the n8n editor as the instance owner. */
async function signIn(page, n8n) {
	await page.goto(`${n8n.baseUrl}/signin`);
	await page.fill('#emailOrLdapLoginId', n8n.owner.email);
	await page.fill('#password', n8n.owner.password);
	await page.click('[data-test-id="form-submit-button"]');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}

/**
 * For an editor case: skips it when no browser can run here (fails it under CI=true), makes test-artifacts/e2e/editor/ and launches chromium.
 * Returns { browser, page, dir }; the caller signs in and closes the browser.
 */
async function startEditorCase(t, viewport) {
	const unavailable = browserUnavailableReason();
	// In CI every prerequisite is installed by .ci/run: a missing browser there is a failure, not a skip.
	if (unavailable && process.env.CI) throw new Error(`${unavailable}; CI=true requires it (.ci/run installs it)`);
	if (unavailable) t.skip(unavailable);
	const dir = path.join(t.artifactsDir, '..', 'editor');
	fs.mkdirSync(dir, { recursive: true });
	const browser = await launchBrowser({ viewport });
	browser.page.setDefaultTimeout(30_000);
	return { browser, page: browser.page, dir };
}

const openDropdowns = (page) => page.locator('.el-select-dropdown:visible');

/**
 * Waits until no dropdown is shown (a fading one still matches :visible). With `escape`, first closes the open one
 * (Escape goes to the dropdown; pressed when none is open it would close the node view instead).
 */
async function closeDropdowns(page, { escape = false } = {}) {
	if (escape && (await openDropdowns(page).count()) > 0) await page.keyboard.press('Escape');
	for (let attempt = 0; attempt < 50 && (await openDropdowns(page).count()) > 0; attempt++) await page.waitForTimeout(100);
}

/** Opens a select parameter of the node view and returns the headlines of its options (the only dropdown then open). */
async function optionTexts(page, select) {
	await closeDropdowns(page);
	await select.click();
	const headlines = openDropdowns(page).locator('[data-test-id="parameter-input-item"] .option-headline');
	await headlines.first().waitFor();
	const texts = (await headlines.allInnerTexts()).map((text) => text.trim());
	await closeDropdowns(page, { escape: true });
	return texts;
}

/**
 * Opens the node panel from the canvas' "+" handle and types a search. On a busy machine the canvas may re-render
 * while it settles (the handle is detached between locating and clicking), so the click is repeated until the
 * panel's search bar is there.
 */
async function openNodeCreator(page, search, { attempts = 5 } = {}) {
	const searchBar = page.locator('[data-test-id="node-creator-search-bar"]');
	for (let attempt = 1; ; attempt++) {
		try {
			await page.locator('[data-test-id="canvas-handle-plus"]').first().click({ timeout: 15_000 });
			await searchBar.waitFor({ timeout: 15_000 });
			break;
		} catch (error) {
			if (attempt >= attempts) throw error;
		}
	}
	await page.keyboard.type(search);
}

module.exports = { launchBrowser, findChromium, browserUnavailableReason, signIn, startEditorCase, closeDropdowns, optionTexts, openNodeCreator, CHROMIUM_ARGS };
