// Browser benchmarks, in headless Chromium on 127.0.0.1, each as a ratio to a
// reference measured A/B in the same process (so the ratio holds on a noisy
// machine). Prints a plain table; nothing passes or fails.
//
// 1. Time to interactive: from navigation start until the text area exists, is
//    enabled and visible, for the widget (dist/) and for a bare Yew page built
//    with the same toolchain, profile and loader (benches/bare-yew, built into
//    target/bare-yew-dist by scripts/build-bare-yew.sh). Each load is in a
//    fresh browser context (empty cache); the two pages alternate, and which
//    one goes first alternates too.
// 2. A 1 MB paste: a made-up 5.7.705 NDR whose returned message carries a
//    base64 attachment (the construction of benches/throughput.rs), analysed by
//    the widget the way a paste reaches it (the text area's value is set and
//    one input event follows; the widget analyses on every input, with no
//    debounce) until the status code is in the page, against the JavaScript
//    MIME parser postal-mime parsing the same string in the same page.
//
// Usage: node scripts/bench-browser.mjs   (scripts/bench-browser.sh builds first)
// Environment: NDR_BENCH_TTI_ROUNDS (default 15), NDR_BENCH_PASTE_ROUNDS
// (default 15), CHROMIUM (default /usr/bin/chromium).
import { chromium } from 'playwright-core';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const started = performance.now();
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WIDGET_DIST = join(ROOT, 'dist');
const BARE_DIST = join(ROOT, 'target', 'bare-yew-dist');
const POSTAL_MIME = join(ROOT, 'node_modules', 'postal-mime');
const TTI_ROUNDS = Number(process.env.NDR_BENCH_TTI_ROUNDS ?? 15);
const PASTE_ROUNDS = Number(process.env.NDR_BENCH_PASTE_ROUNDS ?? 15);
const PASTE_WARMUP = 2;
const MB = 1_000_000;

const BROWSER_ARGS = [
  ...CHROMIUM_ARGS,
  // gc() before each timed step, for both sides alike.
  '--js-flags=--expose-gc',
];

const PAGES = {
  widget: { input: '[data-testid="ndr-input"]' },
  bare: { input: '[data-testid="bare-input"]' },
};

function fail(message) {
  console.error(`bench-browser: ${message}`);
  process.exit(1);
}

for (const [dir, how] of [
  [WIDGET_DIST, 'scripts/build.sh'],
  [BARE_DIST, 'scripts/build-bare-yew.sh'],
]) {
  if (!existsSync(join(dir, 'index.html'))) fail(`${dir}/index.html is missing: run ${how} (or scripts/bench-browser.sh)`);
}
if (!existsSync(join(POSTAL_MIME, 'dist', 'esm', 'postal-mime.js'))) fail('postal-mime is missing: run npm install');
const postalVersion = JSON.parse(readFileSync(join(POSTAL_MIME, 'package.json'), 'utf8')).version;

// One origin for everything, from a snapshot of the builds (dist/ may be
// rebuilt while this runs): /widget/, /bare/, and postal-mime's ES modules
// under /postal-mime/, same-origin as the page's CSP requires.
const site = mkdtempSync(join(tmpdir(), 'ndr-bench-'));
cpSync(WIDGET_DIST, join(site, 'widget'), { recursive: true });
cpSync(BARE_DIST, join(site, 'bare'), { recursive: true });
cpSync(join(POSTAL_MIME, 'dist', 'esm'), join(site, 'postal-mime'), {
  recursive: true,
  filter: (path) => !path.endsWith('.map') && !path.endsWith('.d.ts'),
});
const server = await serve(site, 0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: BROWSER_ARGS,
});

try {
  const tti = await measureTti();
  const paste = await measurePaste();
  printTable(tti, paste);
} finally {
  await browser.close();
  await new Promise((ok) => server.close(ok));
  rmSync(site, { recursive: true, force: true });
}

/**
 * Runs in each page before its own scripts: `window.__benchFrameEnd()`
 * resolves with performance.now() at the end of the next frame (a task queued
 * from the next animation frame runs once that frame is painted).
 */
function installFrameEnd() {
  window.__benchFrameEnd = () =>
    new Promise((ok) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => ok(performance.now());
        channel.port2.postMessage(null);
      }),
    );
}

// ---------------------------------------------------------------------------
// Time to interactive

/**
 * Runs in the page before any of its own scripts: records performance.now()
 * (milliseconds since navigation start) when the text area first exists, is
 * enabled, editable and rendered visible, then the end of the next frame.
 */
function ttiProbe(selector) {
  const usable = () => {
    const area = document.querySelector(selector);
    return (
      !!area &&
      !area.disabled &&
      !area.readOnly &&
      area.getClientRects().length > 0 &&
      area.checkVisibility({ visibilityProperty: true, opacityProperty: true })
    );
  };
  const observer = new MutationObserver(() => {
    if (window.__benchTti !== undefined || !usable()) return;
    window.__benchTti = performance.now();
    observer.disconnect();
    window.__benchFrameEnd().then((time) => {
      window.__benchTtiFrame = time;
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

/** Loads `name` once in a fresh context; returns its times and bytes. */
async function loadOnce(name, check) {
  const { input } = PAGES[name];
  const context = await browser.newContext({ locale: 'en-US', colorScheme: 'light' });
  try {
    await context.addInitScript(installFrameEnd);
    await context.addInitScript(ttiProbe, input);
    const page = await context.newPage();
    const errors = [];
    const paths = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('request', (request) => paths.push(new URL(request.url()).pathname));
    await page.goto(`${origin}/${name}/index.html`);
    await page.waitForFunction(() => window.__benchTtiFrame !== undefined, null, { timeout: 30_000 });
    const times = await page.evaluate(() => ({ dom: window.__benchTti, frame: window.__benchTtiFrame }));
    if (check) {
      // Once per page: the text area really takes input, and the page reacts.
      await page.locator(input).fill('hello');
      if (name === 'widget') await page.locator('[data-testid="no-bounce"]').waitFor();
      else await page.getByText('5 bytes').waitFor();
    }
    if (errors.length) fail(`${name} logged errors: ${errors.join(' | ')}`);
    const bytes = paths
      .filter((path) => path.startsWith(`/${name}/`))
      .reduce((sum, path) => sum + statSync(join(site, path)).size, 0);
    return { ...times, bytes };
  } finally {
    await context.close();
  }
}

async function measureTti() {
  const runs = { widget: [], bare: [] };
  // One unmeasured load of each first (Chromium's own start-up costs).
  await loadOnce('widget', true);
  await loadOnce('bare', true);
  for (let round = 0; round < TTI_ROUNDS; round++) {
    const order = round % 2 === 0 ? ['widget', 'bare'] : ['bare', 'widget'];
    for (const name of order) runs[name].push(await loadOnce(name, false));
  }
  return runs;
}

// ---------------------------------------------------------------------------
// The 1 MB paste

/** xorshift64*, as benches/throughput.rs: deterministic attachment bytes. */
function randomBytes(seed, len) {
  const mask = (1n << 64n) - 1n;
  let state = seed;
  const out = Buffer.alloc(len + 8);
  for (let at = 0; at < len; at += 8) {
    state ^= state >> 12n;
    state = (state ^ (state << 25n)) & mask;
    state ^= state >> 27n;
    out.writeBigUInt64LE((state * 0x2545f4914f6cdd1dn) & mask, at);
  }
  return out.subarray(0, len);
}

/**
 * The made-up 5.7.705 NDR whose returned original is multipart/mixed, with a
 * PDF attachment (base64, 76-column lines) added to that original so that
 * the whole is about `target` bytes: benches/throughput.rs's `mime_bounce`.
 */
function mimeBounce(target) {
  const ndr = readFileSync(join(ROOT, 'tests/samples/made-up/madeup-trap-retry-history-705.eml'), 'latin1');
  const eol = ndr.includes('\r\n') ? '\r\n' : '\n';
  const closeAt = ndr.lastIndexOf(`${eol}--_004_`) + eol.length;
  if (closeAt < eol.length) fail('the sample has no multipart/mixed original');
  const closeLine = ndr.slice(closeAt).split(eol)[0];
  if (!closeLine.endsWith('--')) fail('the sample has no closing boundary');
  const boundary = closeLine.slice(0, -2);
  const header =
    `${boundary}${eol}Content-Type: application/pdf; name="Q3-report.pdf"${eol}` +
    `Content-Description: Q3-report.pdf${eol}` +
    `Content-Disposition: attachment; filename="Q3-report.pdf"; size=${target}${eol}` +
    `Content-Transfer-Encoding: base64${eol}${eol}`;
  const room = Math.max(0, target - ndr.length - header.length);
  const raw = Math.floor(room / (76 + eol.length)) * 57;
  const base64 = randomBytes(0x57705n, raw).toString('base64');
  const lines = [];
  for (let at = 0; at < base64.length; at += 76) lines.push(base64.slice(at, at + 76), eol);
  return ndr.slice(0, closeAt) + header + lines.join('') + ndr.slice(closeAt);
}

/** In the page: ours, from setting the value to the status code in the DOM (and the next frame). */
async function timeWidget(page) {
  return page.evaluate(async () => {
    const area = document.querySelector('[data-testid="ndr-input"]');
    const result = document.querySelector('[data-testid="result"]');
    const shown = () => result.querySelector('[data-testid="status-code"]')?.textContent === '5.7.705';
    if (shown()) throw new Error('the widget was not cleared');
    gc();
    let resolve;
    let reject;
    const done = new Promise((ok, no) => ((resolve = ok), (reject = no)));
    const timer = setTimeout(() => reject(new Error('no 5.7.705 in the page after 30 s')), 30_000);
    const observer = new MutationObserver(() => {
      if (shown()) resolve(performance.now());
    });
    observer.observe(result, { childList: true, subtree: true, characterData: true });
    const t0 = performance.now();
    area.value = window.__benchBounce;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    const tEvent = performance.now();
    const tDom = await done;
    clearTimeout(timer);
    observer.disconnect();
    const tFrame = await window.__benchFrameEnd();
    return { event: tEvent - t0, dom: tDom - t0, frame: tFrame - t0 };
  });
}

/** In the page: postal-mime parsing the same string (parse only, nothing shown). */
async function timePostal(page) {
  return page.evaluate(async () => {
    gc();
    const t0 = performance.now();
    const email = await window.__benchPostalMime.parse(window.__benchBounce);
    const t1 = performance.now();
    if (!email.attachments.length) throw new Error('postal-mime found no part');
    return { parse: t1 - t0, attachments: email.attachments.length };
  });
}

/**
 * In the bare page: the same paste into a text area that only echoes its
 * length, so the browser's own cost of holding 1 MB in a text area (its
 * layout and paint in the next frame) can be told apart from ours.
 */
async function timeBare(page) {
  return page.evaluate(async () => {
    const area = document.querySelector('[data-testid="bare-input"]');
    const echo = document.querySelector('[data-testid="bare-length"]');
    const expected = `${new TextEncoder().encode(window.__benchBounce).length} bytes`;
    gc();
    let resolve;
    const done = new Promise((ok) => (resolve = ok));
    const observer = new MutationObserver(() => {
      if (echo.textContent === expected) resolve(performance.now());
    });
    observer.observe(echo, { childList: true, subtree: true, characterData: true });
    const t0 = performance.now();
    area.value = window.__benchBounce;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    const tDom = await done;
    observer.disconnect();
    const tFrame = await window.__benchFrameEnd();
    // Empty again for the next round.
    area.value = '';
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
    return { dom: tDom - t0, frame: tFrame - t0 };
  });
}

async function clearWidget(page) {
  await page.locator('[data-testid="clear"]').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="status-code"]'));
  const value = await page.locator('[data-testid="ndr-input"]').inputValue();
  if (value !== '') fail('the widget did not clear its text area');
}

async function measurePaste() {
  const bounce = mimeBounce(MB);
  const context = await browser.newContext({ locale: 'en-US', colorScheme: 'light' });
  try {
    await context.addInitScript(installFrameEnd);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${origin}/widget/index.html`);
    await page.locator(PAGES.widget.input).waitFor({ state: 'visible' });
    await page.evaluate(async (text) => {
      window.__benchBounce = text;
      // A same-origin module: the page's CSP allows it (script-src 'self').
      window.__benchPostalMime = (await import('/postal-mime/postal-mime.js')).default;
    }, bounce);
    // The bare page, open beside it in the same context, for the text area's own cost.
    const bare = await context.newPage();
    bare.on('pageerror', (error) => errors.push(String(error)));
    await bare.goto(`${origin}/bare/index.html`);
    await bare.locator(PAGES.bare.input).waitFor({ state: 'visible' });
    await bare.evaluate((text) => {
      window.__benchBounce = text;
    }, bounce);
    const runs = { ours: [], postal: [], bare: [], cold: {} };
    for (let round = 0; round < PASTE_WARMUP + PASTE_ROUNDS; round++) {
      const order = round % 2 === 0 ? ['ours', 'postal', 'bare'] : ['postal', 'ours', 'bare'];
      for (const side of order) {
        let run;
        if (side === 'ours') {
          await page.bringToFront();
          run = await timeWidget(page);
          await clearWidget(page);
        } else if (side === 'postal') {
          await page.bringToFront();
          run = await timePostal(page);
        } else {
          await bare.bringToFront();
          run = await timeBare(bare);
          await bare.getByText('0 bytes').waitFor();
        }
        if (round === 0) runs.cold[side] = run;
        if (round >= PASTE_WARMUP) runs[side].push(run);
      }
    }
    if (errors.length) fail(`the widget logged errors: ${errors.join(' | ')}`);
    return { ...runs, bytes: Buffer.byteLength(bounce) };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------
// The table

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function printTable(tti, paste) {
  const ms = (value) => `${value.toFixed(1)} ms`;
  const kb = (value) => `${(value / 1024).toFixed(1)} KiB`;
  const m = (runs, key) => median(runs.map((run) => run[key]));
  // One row: a measure, our value, the reference's, their ratio and the target.
  const row = (label, format, ours, reference, target) =>
    [label, format(ours), format(reference), (ours / reference).toFixed(2), target];
  const rows = [
    ['measure', 'ours', 'reference', 'ratio', 'target'],
    row('time to interactive: text area usable (DOM)', ms, m(tti.widget, 'dom'), m(tti.bare, 'dom'), '<= 1.5'),
    row('time to interactive: + next frame', ms, m(tti.widget, 'frame'), m(tti.bare, 'frame'), '-'),
    row('first load, raw bytes', kb, m(tti.widget, 'bytes'), m(tti.bare, 'bytes'), '-'),
    row('1 MB paste: diagnosis in the DOM / parse', ms, m(paste.ours, 'dom'), m(paste.postal, 'parse'), '< 1 (aim)'),
    row('1 MB paste: input event alone / parse', ms, m(paste.ours, 'event'), m(paste.postal, 'parse'), '-'),
    row('1 MB paste: + next frame / bare page, same', ms, m(paste.ours, 'frame'), m(paste.bare, 'frame'), '-'),
  ];
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  const line = (row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('   ');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`NDR Explainer browser benchmarks, ${new Date().toISOString()}`);
  console.log(`Chromium ${browser.version()} (headless), ${origin}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  console.log(
    `time to interactive: median of ${TTI_ROUNDS} loads of each page, alternating, each in a fresh context; ` +
      `reference: bare Yew page (benches/bare-yew), same toolchain, profile and loader`,
  );
  console.log(
    `1 MB paste: ${paste.bytes} bytes, median of ${PASTE_ROUNDS} A/B rounds in one widget page after ${PASTE_WARMUP} warm-up rounds; ` +
      `reference: postal-mime ${postalVersion} in the same page (and the bare page, beside it)`,
  );
  console.log('');
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('   '));
  for (const row of rows.slice(1)) console.log(line(row));
  console.log('');
  console.log('What each number includes:');
  console.log('- time to interactive: from navigation start (performance.timeOrigin) until the text area exists, is enabled,');
  console.log('  editable and visible (a MutationObserver in the page), or until the end of the next frame after that.');
  console.log('  Served from 127.0.0.1 with an empty cache: HTML, CSS, the loader, the wasm (inside a JS module), start-up, first render.');
  console.log('- ours, 1 MB paste: setting the text area\'s value, the input event (the text copied into the widget\'s wasm; it');
  console.log('  analyses on every input, no debounce), the parser module\'s analysis (the bytes copied into its wasm, the');
  console.log('  diagnosis copied back), then Yew\'s render of the whole result (diagnosis, explanation, walkthrough), until the');
  console.log('  status code "5.7.705" is in the DOM, or until the end of the next frame.');
  console.log('  "input event alone" is the synchronous part of the event; the analysis and the render follow in microtasks.');
  console.log('- bare page, same: the same paste into the bare Yew page\'s text area (its Yew handler echoes the length), until');
  console.log('  the end of the next frame: the browser\'s own cost of laying out and painting 1 MB in a text area, which a');
  console.log('  user pays on any page; the rest of ours is the analysis and the render of the result.');
  console.log(`- postal-mime: PostalMime.parse() on the same string (MIME tree, headers, decoded parts: ${paste.postal[0].attachments} attachments); parse only, nothing rendered.`);
  console.log(
    `- first (cold) round, not in the medians: ours ${ms(paste.cold.ours.dom)} (DOM), postal-mime ${ms(paste.cold.postal.parse)}.`,
  );
  console.log('  Yew\'s scheduler yields to the browser once a render has run 16 ms; when the cold render does, the browser\'s');
  console.log('  frame for the 1 MB text area (see "bare page, same") can come first, and the DOM time then includes it.');
  console.log('No number here passes or fails anything.');
  console.log(`run time: ${seconds} s`);
}
