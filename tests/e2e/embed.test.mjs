// Embedding and distribution: the demo portal drives the widget in an iframe
// through postMessage, mounts it as a custom element beside hostile styles,
// and the single-file build works from file:// with no request at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, startSuite, withWidget, switchLang } from './harness.mjs';

const REPLY_750 = '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains';
let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

/** The demo portal, ready once its iframe says so; its element loads beside it. */
const DEMO = {
  path: '/demo/index.html',
  ready: (page) => page.getByTestId('frame-status').filter({ hasText: 'ready' }).waitFor(),
};

test('the portal sends a bounce through postMessage, gets the result and resizes the frame', async () => {
  // Clean: switching the frame to French brings French texts, and nothing else.
  await withWidget(suite, DEMO, async ({ page }) => {
    const before = Number(await page.getByTestId('frame-height').textContent());
    await page.locator('#send').click();
    await page.getByTestId('frame-code').filter({ hasText: '5.7.750' }).waitFor();
    await page.waitForFunction((h) => Number(document.getElementById('frame-height').value) > h, before);
    const frameHeight = await page.getByTestId('widget-frame').evaluate((f) => f.getBoundingClientRect().height);
    const reported = Number(await page.getByTestId('frame-height').textContent());
    assert.ok(Math.abs(frameHeight - reported) <= 2, `frame ${frameHeight}px, reported ${reported}px`);

    const frame = page.getByTestId('widget-frame').contentFrame();
    assert.equal(await frame.getByTestId('status-code').textContent(), '5.7.750');
    await page.locator('#lang').selectOption('fr');
    await frame.locator('html[lang="fr"]').waitFor();
    await page.locator('#audience').selectOption('admin');
    await frame.getByTestId('walkthrough').waitFor();
  });
});

test('messages from an origin that is not the configured parent, or of unknown shape, are ignored', async () => {
  // Not clean by the harness's measure: the test adds a frame, which loads the widget again.
  await withWidget(suite, { ...DEMO, clean: false }, async ({ page, watch }) => {
    // A frame told to trust another origin: the portal's messages must be ignored,
    // and nothing it says may reach this page.
    await page.evaluate(() => {
      window.__fromUntrusting = 0;
      window.addEventListener('message', (event) => {
        if (event.source === document.getElementById('untrusting')?.contentWindow) window.__fromUntrusting += 1;
      });
      const frame = document.createElement('iframe');
      frame.id = 'untrusting';
      frame.src = '../index.html?embed=1&parent_origin=https%3A%2F%2Fportal.invalid';
      document.body.append(frame);
      return new Promise((ok) => frame.addEventListener('load', ok));
    });
    const untrusting = page.frameLocator('#untrusting');
    await untrusting.getByTestId('ndr-input').waitFor();
    await page.evaluate((bounce) => {
      const target = document.getElementById('untrusting').contentWindow;
      target.postMessage({ source: 'ndr-explainer-host', version: 1, type: 'analyse', bounce }, '*');
    }, REPLY_750);
    // The trusted frame gets malformed or hostile commands: all ignored.
    await page.evaluate(() => {
      const target = document.getElementById('widget-frame').contentWindow;
      const origin = window.location.origin;
      for (const message of [
        { source: 'ndr-explainer-host', version: 2, type: 'analyse', bounce: '550 5.7.705 x' },
        { source: 'someone-else', version: 1, type: 'analyse', bounce: '550 5.7.705 x' },
        { source: 'ndr-explainer-host', version: 1, type: 'eval', code: 'window.parent.pwned = 1' },
        { source: 'ndr-explainer-host', version: 1, type: 'analyse', bounce: ['550 5.7.705 x'] },
        { source: 'ndr-explainer-host', version: 1, type: 'set-lang', lang: '<img src=x onerror=alert(1)>' },
        '{"source":"ndr-explainer-host","version":1,"type":"analyse","bounce":"550 5.7.705"}',
      ]) target.postMessage(message, origin);
    });
    await page.waitForTimeout(300);
    assert.equal(await untrusting.getByTestId('status-code').count(), 0);
    await untrusting.getByTestId('ndr-input').fill(REPLY_750);
    assert.equal(await untrusting.getByTestId('status-code').textContent(), '5.7.750');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__fromUntrusting), 0, 'a result went to an origin that was not configured');
    const trusted = page.getByTestId('widget-frame').contentFrame();
    assert.equal(await trusted.getByTestId('status-code').count(), 0);
    assert.equal(await trusted.locator('html').getAttribute('lang'), 'en');
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.deepEqual(watch.errors, []);
  });
});

test('the custom element works beside hostile host styles, is themed, and emits its result', async () => {
  // Only errors count here: the element may still be loading when the frame is ready.
  await withWidget(suite, { ...DEMO, clean: false }, async ({ page, watch }) => {
    const widget = page.locator('#widget-element');
    await widget.getByTestId('ndr-input').fill(REPLY_750);
    await page.getByTestId('element-code').filter({ hasText: '5.7.750' }).waitFor();
    assert.equal(await widget.getByTestId('status-code').textContent(), '5.7.750');
    assert.equal(await widget.locator('.ndr').getAttribute('lang'), 'fr', 'the lang attribute is honoured');
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the host page’s own lang is untouched');
    assert.ok(await widget.getByTestId('walkthrough').isVisible(), 'audience="admin" is honoured');
    const inside = await widget.getByTestId('lang-en').evaluate((b) => {
      const s = getComputedStyle(b);
      return { background: s.backgroundColor, size: s.fontSize, outline: getComputedStyle(b.closest('.ndr')).outlineStyle };
    });
    assert.notEqual(inside.background, 'rgb(255, 105, 180)', 'the portal’s button style leaked in');
    assert.notEqual(inside.size, '30px');
    assert.equal(inside.outline, 'none');
    const accent = await widget.getByTestId('lang-fr').evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.equal(accent, 'rgb(107, 47, 191)', 'the portal’s --ndr-accent themes the pressed button');
    const portalButton = await page.locator('#send').evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.equal(portalButton, 'rgb(255, 105, 180)', 'the widget’s styles leaked out');
    assert.deepEqual(watch.errors, []);
  });
});

test('the element\'s diagnose() answers without showing, and says when an input was cut as a paste does', async () => {
  await withWidget(suite, { ...DEMO, clean: false }, async ({ page, watch }) => {
    const answers = await page.evaluate(async (reply) => {
      const element = document.querySelector('#widget-element');
      await element.ready;
      const small = await element.diagnose(reply);
      // Past the widget's 8 MiB: the reply stands at the start, so it is read.
      const large = await element.diagnose(`${reply}\n${'x'.repeat(9 * 1024 * 1024)}`);
      return [small, large].map((d) => ({ status: d.status, limits: d.limits }));
    }, REPLY_750);
    assert.deepEqual(answers, [
      { status: '5.7.750', limits: [] },
      { status: '5.7.750', limits: ['input_too_large'] },
    ]);
    assert.equal(await page.locator('#widget-element').getByTestId('status-code').count(), 0, 'diagnose() shows nothing');
    assert.deepEqual(watch.errors, []);
  });
});

test('?embed=1 gives the compact layout on a transparent page', async () => {
  await withWidget(suite, { embed: true, lang: 'fr' }, async ({ page }) => {
    assert.equal(await page.locator('.ndr').getAttribute('data-mode'), 'frame');
    assert.equal(await page.getAttribute('html', 'class'), 'ndr-embedded');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.ok(!(await page.locator('.ndr-header h1').isVisible()), 'the page title is hidden');
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    assert.equal(background, 'rgba(0, 0, 0, 0)');
    await page.getByTestId('ndr-input').fill(REPLY_750);
    assert.equal(await page.getByTestId('status-code').textContent(), '5.7.750');
  });
});

test('the single-file build works from file:// with no request', async () => {
  const url = pathToFileURL(join(DIST, 'ndr-explainer.html')).href;
  await withWidget(suite, { url, clean: false }, async ({ page, watch }) => {
    await page.getByTestId('ndr-input').fill(REPLY_750);
    assert.equal(await page.getByTestId('status-code').textContent(), '5.7.750');
    await switchLang(page, 'fr');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.deepEqual(watch.requests, [url], 'only the file itself was loaded');
    assert.deepEqual(watch.errors, []);
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(policy, /connect-src 'none'/);
    assert.doesNotMatch(policy, /unsafe-inline/);
  });
});

test('the release build uses relative paths, so it works under a sub-path', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /(src|href)="\/(?!\/)/, 'an absolute path would break under a sub-path');
  await withWidget(suite, { path: '/demo/../index.html', lang: 'fr' }, async ({ page }) => {
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  });
});
