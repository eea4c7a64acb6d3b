// The README's recipes for the help desks without an app package of ours
// ("Help-desk platforms"): each page of integrations/recipes/, beside the
// release build as the recipe says to serve it, mounts the widget and gets
// its events. ServiceNow's page analyses the record's text it was given;
// Jira's Forge page runs under a policy like Forge's, which must allow
// 'wasm-unsafe-eval'; Teams' static tab runs inside an iframe, as Teams shows it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, ROOT, startSuite, withWidget, serveDir } from './harness.mjs';

const REPLY_750 = '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains';
const REPLY_705 = "Remote Server returned '550 5.7.705 Access denied, tenant has exceeded threshold'";

let suite;
let site;
let dir;
before(async () => {
  suite = await startSuite();
  dir = mkdtempSync(join(tmpdir(), 'ndr-recipes-'));
  cpSync(DIST, dir, { recursive: true });
  cpSync(join(ROOT, 'integrations', 'recipes'), dir, { recursive: true });
  // What the platform's template puts into the page: the record's text, escaped.
  const page = readFileSync(join(dir, 'servicenow.html'), 'utf8');
  writeFileSync(join(dir, 'servicenow-record.html'), page.replace('data-bounce=""', `data-bounce="${REPLY_705.replace(/'/g, '&#39;')}"`));
  // Forge's policy without the one source the wasm needs.
  const forge = readFileSync(join(dir, 'jira.html'), 'utf8');
  writeFileSync(join(dir, 'jira-without-wasm.html'), forge.replace("script-src 'self' 'wasm-unsafe-eval'", "script-src 'self'"));
  site = await serveDir(dir);
});
after(async () => {
  await suite?.close();
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Waits for the recipe's listener to show the code it got from `ndr-explainer:result`. */
const shown = (scope, code) => scope.getByTestId('recipe-code').filter({ hasText: code }).waitFor();
const onSite = (path, extra = {}) => ({
  url: `${site.origin}/${path}`, clean: false, ready: (page) => page.locator('ndr-explainer').getByTestId('ndr-input').waitFor(), ...extra,
});
/** Only the site's own files were loaded. */
const stayedHome = (watch) => assert.deepEqual(watch.requests.filter((u) => !u.startsWith(`${site.origin}/`)), []);

test('ServiceNow: the UI page analyses the record’s text once the widget is ready and gets the result event', async () => {
  await withWidget(suite, onSite('servicenow-record.html'), async ({ page, watch }) => {
    await shown(page, '5.7.705');
    assert.equal(await page.locator('ndr-explainer').getByTestId('status-code').textContent(), '5.7.705');
    await page.locator('ndr-explainer').getByTestId('ndr-input').fill(REPLY_750);
    await shown(page, '5.7.750');
    stayedHome(watch);
    assert.deepEqual(watch.errors, []);
  });
});

test('Jira Service Management: the Forge Custom UI page works under a policy with \'wasm-unsafe-eval\', and not without it', async () => {
  await withWidget(suite, onSite('jira.html'), async ({ page, watch }) => {
    await page.locator('ndr-explainer').getByTestId('ndr-input').fill(REPLY_750);
    await shown(page, '5.7.750');
    stayedHome(watch);
    assert.deepEqual(watch.errors, []);
  });
  await withWidget(suite, onSite('jira-without-wasm.html', { ready: () => null }), async ({ page, watch }) => {
    await page.waitForTimeout(1500);
    assert.equal(await page.locator('ndr-explainer .ndr').count(), 0, 'the widget cannot start without wasm-unsafe-eval');
    assert.ok(watch.errors.some((e) => /WebAssembly|wasm|Content Security Policy/i.test(e)), watch.errors.join('\n'));
  });
});

test('Microsoft Teams: the static tab, framed as Teams frames it, takes the user’s language and gets the result event', async () => {
  const host = {
    url: `${site.origin}/demo/index.html`, clean: false, locale: 'fr-FR',
    ready: async (page) => {
      await page.evaluate((src) => {
        document.body.replaceChildren();
        const frame = document.createElement('iframe');
        frame.id = 'tab';
        frame.src = src;
        frame.style.cssText = 'width: 800px; height: 900px';
        document.body.append(frame);
      }, `${site.origin}/teams-tab.html`);
      await page.frameLocator('#tab').locator('ndr-explainer').getByTestId('ndr-input').waitFor();
    },
  };
  await withWidget(suite, host, async ({ page, watch }) => {
    const tab = page.frameLocator('#tab');
    assert.equal(await tab.locator('ndr-explainer .ndr').getAttribute('lang'), 'fr');
    await tab.locator('ndr-explainer').getByTestId('ndr-input').fill(REPLY_750);
    await shown(tab, '5.7.750');
    stayedHome(watch);
    assert.deepEqual(watch.errors, []);
  });
});
