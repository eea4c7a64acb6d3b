// End-to-end harness: serves the release build (dist/) on 127.0.0.1, drives
// Debian's Chromium through playwright-core, and watches what the page does.
//
// Every page it opens is watched: a request to anything but the page's own
// origin, a request after the page is ready (but for the texts module of a
// language the person switches to), or a console error fails the test.
import { chromium } from 'playwright-core';
import { readFileSync, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import assert from 'node:assert/strict';
import { serve } from '../../scripts/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/** Starts the server and the browser once per test file. */
export async function startSuite() {
  assert.ok(existsSync(join(DIST, 'index.html')), 'dist/index.html is missing: run scripts/build.sh first');
  const server = await serve(DIST, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** Records every request a page makes and every error it logs. */
export function watchPage(page) {
  const seen = { requests: [], errors: [] };
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  return seen;
}

/**
 * Opens the widget in a fresh context and waits until its text area accepts
 * input. Returns the page and a watcher of its requests and console errors.
 */
export async function openWidget(suite, { path = '/', locale = 'en-US', colorScheme = 'light', viewport } = {}) {
  const context = await suite.browser.newContext({ locale, colorScheme, viewport });
  const page = await context.newPage();
  const watch = { requests: [], afterReady: [], errors: [], ready: false };
  page.on('request', (request) => {
    watch.requests.push(request.url());
    if (watch.ready) watch.afterReady.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(String(error)));
  await page.goto(suite.origin + path);
  await page.locator('[data-testid="ndr-input"]').waitFor({ state: 'visible' });
  // Ready means the text area works and the language's texts are in.
  await page.locator('.ndr[data-texts]').waitFor({ state: 'attached' });
  watch.ready = true;
  return {
    page,
    watch,
    /** Asserts the page stayed on its own origin, fetched nothing after it was ready, and logged no error. */
    assertClean() {
      const foreign = watch.requests.filter((url) => !url.startsWith(suite.origin + '/'));
      assert.deepEqual(foreign, [], 'requests left the page’s origin');
      assert.deepEqual(watch.afterReady.filter((url) => !isTextsModule(url, suite.origin)), [],
        'requests were made after the page was ready');
      assert.deepEqual(watch.errors, [], 'the console logged errors');
    },
    close: () => context.close(),
  };
}

/**
 * Clicks the language switch and waits until the widget shows that language
 * (a switch waits for the language's texts, which arrive asynchronously).
 */
export async function switchLang(page, lang) {
  await page.locator(`[data-testid="lang-${lang}"]`).click();
  await page.locator(`.ndr[lang="${lang}"]`).waitFor({ state: 'attached', timeout: 30_000 });
}

/** Whether `url` is one of the bundle's language texts modules (static, no query). */
export function isTextsModule(url, origin) {
  return url.startsWith(`${origin}/`) && /^\/texts-[a-z]{2}-[0-9a-f]{16}\.js$/.test(new URL(url).pathname)
    && !url.includes('?') && !url.includes('#');
}

/**
 * Pastes a large text the way the browser does: the value changes at once
 * and one input event follows (Playwright's fill() is slow past a few MB).
 */
export async function pasteLarge(page, text) {
  await page.locator('[data-testid="ndr-input"]').focus();
  await page.evaluate((value) => {
    const area = document.querySelector('[data-testid="ndr-input"]');
    area.value = value;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

/** Types (pastes) `text` into the bounce text area. */
export async function paste(page, text) {
  await page.locator('[data-testid="ndr-input"]').fill(text);
}

/**
 * Reads one string field of a content file (content/<lang>/<code>.toml), so
 * tests compare the page with the catalogue rather than with a copy of it.
 */
export function contentField(lang, file, key) {
  const text = readFileSync(join(ROOT, 'content', lang, `${file}.toml`), 'utf8');
  const triple = text.match(new RegExp(`^${key}\\s*=\\s*"""\\n?([\\s\\S]*?)"""`, 'm'));
  if (triple) return triple[1].trim();
  const single = text.match(new RegExp(`^${key}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`, 'm'));
  assert.ok(single, `content/${lang}/${file}.toml has no ${key}`);
  return JSON.parse(`"${single[1]}"`).trim();
}
