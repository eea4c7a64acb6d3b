// The Zendesk package's steps (scripts/build/zendesk.mjs, zaf-sdk.mjs) and
// the sidebar app's plain functions (integrations/zendesk/assets/ticket.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { readSdk, sdkScript, SDK_MODULES } from '../../scripts/build/zaf-sdk.mjs';
import { APP_SOURCE, zendeskFiles } from '../../scripts/build/zendesk.mjs';
import { asHtml, fill, langOf, newestFirst } from '../../integrations/zendesk/assets/ticket.js';

/** Runs the bundled SDK in a context with a window at `search` whose parent records what is posted to it. */
function runSdk(code, search) {
  const posted = [];
  const window = {
    addEventListener() {},
    parent: { postMessage: (message, origin) => posted.push({ message: JSON.parse(message), origin }) },
  };
  window.window = window;
  window.document = { location: { search, hash: '' } };
  window.Promise = Promise;
  vm.runInNewContext(code, window);
  return { ZAFClient: window.ZAFClient, posted };
}

test('the bundled SDK defines ZAFClient and opens with the handshake the SDK sends', async () => {
  const sdk = readSdk();
  assert.deepEqual(Object.keys(sdk.sources), SDK_MODULES);
  const code = await sdkScript(sdk.sources);
  assert.doesNotMatch(code, /https?:\/\//, 'no address is left in the script');
  const outside = runSdk(code, '');
  assert.equal(outside.ZAFClient.init(), false, 'outside Zendesk there is no client');
  const inside = runSdk(code, '?origin=https%3A%2F%2Fexample.zendesk.com&app_guid=g-1');
  assert.equal(typeof inside.ZAFClient.init().get, 'function');
  assert.equal(inside.posted.length, 1);
  assert.equal(inside.posted[0].origin, 'https://example.zendesk.com');
  assert.equal(inside.posted[0].message.key, 'iframe.handshake');
  assert.equal(inside.posted[0].message.appGuid, 'g-1');
});

test('the package holds the app, the widget’s files the element loads, and the SDK with its licence', async () => {
  const dist = mkdtempSync(join(tmpdir(), 'ndr-dist-'));
  try {
    const widget = ['ndr-explainer-element.js', 'glue-0123456789abcdef.js', 'wasm-0123456789abcdef.js',
      'texts-en-0123456789abcdef.js', 'texts-fr-fedcba9876543210.js', 'reader-0123456789abcdef.js', 'style-0123456789abcdef.css'];
    const page = ['index.html', 'boot-0123456789abcdef.js', 'ndr-explainer.html'];
    for (const name of [...widget, ...page]) writeFileSync(join(dist, name), `/* ${name} */`);
    mkdirSync(join(dist, 'demo'));
    writeFileSync(join(dist, 'demo', 'index.html'), '<!DOCTYPE html>');
    const files = await zendeskFiles({ dist });
    for (const name of widget) assert.equal(files.get(`assets/${name}`).toString(), `/* ${name} */`, name);
    for (const name of page) assert.ok(!files.has(`assets/${name}`), `${name} is the page's, not the app's`);
    for (const name of ['manifest.json', 'translations/en.json', 'translations/fr.json', 'assets/iframe.html', 'assets/app.js',
      'assets/logo.png', 'assets/logo-small.png', 'assets/zaf_sdk.js', 'assets/zaf_sdk.LICENSE.txt']) {
      assert.ok(files.has(name), name);
    }
    assert.ok(![...files.keys()].some((name) => name.startsWith('demo/') || name.includes('\\')));
    rmSync(join(dist, 'ndr-explainer-element.js'));
    await assert.rejects(zendeskFiles({ dist }), /no ndr-explainer-element\.js/);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
  assert.ok(readdirSync(APP_SOURCE).includes('manifest.json'));
});

test('the agent’s locale picks the language: French for fr and fr-*, English otherwise', () => {
  for (const locale of ['fr', 'fr-FR', 'fr-ca', 'FR_be']) assert.equal(langOf(locale), 'fr', locale);
  for (const locale of ['en-US', 'de', 'frr', '', undefined, null]) assert.equal(langOf(locale), 'en', String(locale));
});

test('comments come newest first, numbered from the oldest, sorted by date when every one has one', () => {
  const dated = newestFirst([
    { value: '<p>b</p>', author: { name: 'B' }, createdAt: '2026-11-30T10:00:00Z' },
    { value: '<p>a</p>', author: { name: 'A' }, createdAt: '2026-11-29T10:00:00Z' },
    { value: '<p>c</p>', createdAt: '2026-12-01T10:00:00Z' },
  ]);
  assert.deepEqual(dated.map((c) => [c.n, c.author, c.text]), [[3, '', '<p>c</p>'], [2, 'B', '<p>b</p>'], [1, 'A', '<p>a</p>']]);
  const undated = newestFirst([{ value: 'first' }, { value: 'second', createdAt: '2026-11-30T10:00:00Z' }]);
  assert.deepEqual(undated.map((c) => c.text), ['second', 'first'], 'the framework’s order without dates on every one');
  assert.deepEqual(newestFirst(undefined), []);
  assert.deepEqual(newestFirst([null, { value: 42 }]).map((c) => c.text), ['42', '']);
});

test('text becomes the editor’s HTML with every special character escaped', () => {
  assert.equal(asHtml('Hello <b>\n1. a & b\n\nNext "part"'), '<p>Hello &#60;b&#62;<br>1. a &#38; b</p><p>Next &#34;part&#34;</p>');
  assert.equal(fill('Comment {n} ({author}) {unknown}', { n: 2, author: 'Camille' }), 'Comment 2 (Camille) {unknown}');
});
