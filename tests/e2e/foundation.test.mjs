// The foundation contract: the page works under its CSP, analyses on input,
// speaks English and French, and makes no request after it has loaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, withWidget, paste, contentField, switchLang } from './harness.mjs';

const REPLY_750 = '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains';
let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

test('pasting a 5.7.750 reply shows the code and its meaning, in English then French, with no request', async () => {
  await withWidget(suite, async ({ page, watch }) => {
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await paste(page, REPLY_750);
    const code = page.getByTestId('status-code');
    assert.equal(await code.textContent(), '5.7.750');
    const explanation = page.getByTestId('explanation');
    assert.equal((await explanation.textContent()).trim(), contentField('en', '5.7.750', 'meaning'));

    await switchLang(page, 'fr');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal((await explanation.textContent()).trim(), contentField('fr', '5.7.750', 'meaning'));
    assert.equal(await code.textContent(), '5.7.750');

    await switchLang(page, 'en');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.ok(watch.requests.length > 0, 'the harness saw the page load');
  });
});

test('?lang=fr selects French on load', async () => {
  await withWidget(suite, { lang: 'fr' }, async ({ page }) => {
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal(await page.getByTestId('lang-fr').getAttribute('aria-pressed'), 'true');
  });
});

test('the browser language decides otherwise: French for fr-*, English by default', async () => {
  for (const [locale, expected] of [['fr-CA', 'fr'], ['de-DE', 'en'], ['en-GB', 'en']]) {
    await withWidget(suite, { locale }, async ({ page }) => {
      assert.equal(await page.getAttribute('html', 'lang'), expected, `locale ${locale}`);
    });
  }
});

test('the Content-Security-Policy is present and blocks every connection', async () => {
  await withWidget(suite, { clean: false }, async ({ page, watch }) => {
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(policy, /connect-src 'none'/);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.doesNotMatch(policy, /unsafe-inline/);
    const outcome = await page.evaluate(() => fetch('./').then(() => 'fetched', () => 'blocked'));
    assert.equal(outcome, 'blocked');
    // The only console error is the browser reporting the blocked connection.
    assert.ok(watch.errors.length >= 1 && watch.errors.every((e) => /Content Security Policy/.test(e)), watch.errors.join('\n'));
    assert.deepEqual(watch.afterReady, [], 'the blocked fetch never reached the network');
  });
});

test('the page has a labelled text area and no inline script', async () => {
  await withWidget(suite, async ({ page }) => {
    const label = await page.locator('label[for="ndr-input"]').textContent();
    assert.ok(label.trim().length > 0);
    const inline = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).length);
    assert.equal(inline, 0);
  });
});
