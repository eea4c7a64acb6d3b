// End-to-end harness: serves the release build (dist/) on 127.0.0.1, drives
// Debian's Chromium through playwright-core, and watches what the page does.
//
// Every test opens its page with withWidget, which watches it: a request to
// anything but the page's own origin, a request after the page is ready (but
// for a language's texts module, loaded with the first input or a switch,
// and the parser's module, loaded with the first input), or a
// console error fails the test, and the browser context is closed whatever
// happens.
import { chromium } from 'playwright-core';
import { readFileSync, existsSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
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

/** The address `path` with the widget's query options added (the path is kept as written). */
function address(path, { lang, embed }) {
  const params = new URLSearchParams();
  if (lang) params.set('lang', lang);
  if (embed) params.set('embed', '1');
  const query = params.toString();
  if (!query) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}

/**
 * Ready means the text area works. (A language's texts come with the first
 * input: `textsIn` waits for them.)
 */
async function widgetReady(page) {
  await page.getByTestId('ndr-input').waitFor({ state: 'visible' });
}

/** Waits until the widget has the texts of the language it shows. */
export async function textsIn(page) {
  await page.locator('.ndr[data-texts]').waitFor({ state: 'attached' });
}

/**
 * Opens the widget in a fresh browser context, waits until it is ready,
 * runs `body({ page, context, watch, assertClean })`, then asserts that the
 * page stayed clean (unless `clean: false`), and always closes the context.
 *
 * `watch` holds every request (`requests`), those after the page was ready
 * (`afterReady`; set `watch.ready` to false around a reload) and every
 * console error (`errors`). `assertClean()` asserts that the page stayed on
 * its origin, fetched nothing after it was ready but the texts of a language
 * and the reader of .msg files, and logged no error.
 *
 * Options: `lang` (`?lang=`) and `embed` (`?embed=1`), added to `path`
 * (default `/`), or a whole `url` instead (the single file's `file://`);
 * the context's `locale`, `colorScheme` and `viewport`; `prepare(context)`,
 * run before the page opens (to route requests); `ready(page)`, what to
 * wait for before the body (default: the text area is visible and the
 * texts are in); `clean`.
 */
export async function withWidget(suite, options, body) {
  if (typeof options === 'function') [options, body] = [{}, options];
  const {
    path = '/', url, lang, embed, locale = 'en-US', colorScheme = 'light', viewport,
    prepare, ready = widgetReady, clean = true,
  } = options;
  const context = await suite.browser.newContext({ locale, colorScheme, viewport });
  try {
    await prepare?.(context);
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
    await page.goto(url ?? suite.origin + address(path, { lang, embed }));
    await ready(page);
    watch.ready = true;
    const assertClean = () => {
      const foreign = watch.requests.filter((request) => !request.startsWith(suite.origin + '/'));
      assert.deepEqual(foreign, [], 'requests left the page’s origin');
      assert.deepEqual(watch.afterReady.filter((request) => !isTextsModule(request, suite.origin) && !isReaderModule(request, suite.origin)), [],
        'requests were made after the page was ready');
      assert.deepEqual(watch.errors, [], 'the console logged errors');
    };
    await body({ page, context, watch, assertClean });
    if (clean) assertClean();
  } finally {
    await context.close();
  }
}

/**
 * Clicks the language switch and waits until the widget shows that language
 * (a switch waits for the language's texts, which arrive asynchronously).
 */
export async function switchLang(page, lang) {
  await page.getByTestId(`lang-${lang}`).click();
  await page.locator(`.ndr[lang="${lang}"]`).waitFor({ state: 'attached', timeout: 30_000 });
}

/** Whether `url` is one of the bundle's language texts modules (static, no query). */
export function isTextsModule(url, origin) {
  return url.startsWith(`${origin}/`) && /^\/texts-[a-z]{2}-[0-9a-f]{16}\.js$/.test(new URL(url).pathname)
    && !url.includes('?') && !url.includes('#');
}

/** Whether `url` is the bundle's parser module (static, no query). */
export function isReaderModule(url, origin) {
  return url.startsWith(`${origin}/`) && /^\/reader-[0-9a-f]{16}\.js$/.test(new URL(url).pathname)
    && !url.includes('?') && !url.includes('#');
}

/**
 * Drops a file (`name`, `bytes` a Buffer or Uint8Array, `type`) on `zone`,
 * a locator of the widget's drop zone, as a person drags it from a folder.
 */
export async function dropFile(zone, { name, bytes, type = '' }) {
  const transfer = await zone.page().evaluateHandle(({ b64, name, type }) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([data], name, { type }));
    return dt;
  }, { b64: Buffer.from(bytes).toString('base64'), name, type });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

/**
 * Pastes a large text the way the browser does: the value changes at once
 * and one input event follows (Playwright's fill() is slow past a few MB).
 */
export async function pasteLarge(page, text) {
  const area = page.getByTestId('ndr-input');
  await area.focus();
  await area.evaluate((element, value) => {
    element.value = value;
    element.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  await diagnosed(page);
}

/**
 * Waits until the widget has the diagnosis of what it was last given: the
 * parser answers asynchronously, and the result region is `aria-busy` while
 * it is waited for.
 */
export async function diagnosed(page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
  await page.waitForFunction(() => {
    const roots = [document, ...[...document.querySelectorAll('ndr-explainer')].map((e) => e.shadowRoot).filter(Boolean)];
    return !roots.some((root) => root.querySelector('.ndr-result[aria-busy="true"]'));
  }, null, { timeout: 30_000 });
}

/** Types (pastes) `text` into the bounce text area, and waits for its diagnosis. */
export async function paste(page, text) {
  await page.getByTestId('ndr-input').fill(text);
  await diagnosed(page);
}

/**
 * Reads one string field of a content file (content/<lang>/<code>.toml), so
 * tests compare the page with the catalogue rather than with a copy of it;
 * French as the build sets it (a narrow no-break space before : ; ! ? and
 * inside « », build/french.rs).
 */
export function contentField(lang, file, key) {
  const text = readFileSync(join(ROOT, 'content', lang, `${file}.toml`), 'utf8');
  const triple = text.match(new RegExp(`^${key}\\s*=\\s*"""\\n?([\\s\\S]*?)"""`, 'm'));
  const single = text.match(new RegExp(`^${key}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`, 'm'));
  assert.ok(triple || single, `content/${lang}/${file}.toml has no ${key}`);
  const value = triple ? triple[1].replace(/\\\n\s*/g, '').trim() : JSON.parse(`"${single[1]}"`).trim();
  return lang === 'fr' ? value.replace(/[ \u00a0]([:;!?»])/g, '\u202f$1').replace(/«[ \u00a0]/g, '«\u202f') : value;
}

/**
 * What the built command-line tool says of a file or a text, in `lang`: its
 * `--json` object. Tests that need an entry's title, meaning or steps ask
 * the program, never re-read the catalogue.
 */
export function explain({ file, text, lang = 'en' }) {
  const bin = ['release', 'debug'].map((p) => join(ROOT, 'target', p, 'ndr-explain')).find((p) => existsSync(p));
  assert.ok(bin, 'target/*/ndr-explain is missing: run cargo build --bin ndr-explain first');
  const args = ['--json', '--lang', lang, ...(file ? [file] : ['-'])];
  const out = spawnSync(bin, args, { input: text ?? '', encoding: 'utf8' });
  return JSON.parse(out.stdout);
}

/**
 * Serves `dir` on 127.0.0.1 at a free port of its own, so it is another
 * origin than the suite's (a help desk's page around a packaged app).
 */
export async function serveDir(dir) {
  const server = await serve(dir, 0);
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
