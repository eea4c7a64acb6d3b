// The Zendesk package as an admin uploads it (dist/ndr-explainer-zendesk.zip):
// its manifest says what Zendesk reads, every file the manifest and the
// pages name is inside it, and nothing in it loads anything from outside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { DIST, ROOT } from './harness.mjs';
import { unzip } from '../../scripts/build/zip.mjs';

const files = unzip(readFileSync(join(DIST, 'ndr-explainer-zendesk.zip')));
const text = (name) => files.get(name).toString('utf8');
const manifest = JSON.parse(text('manifest.json'));

/** A PNG's width and height, from its header. */
const pngSize = (bytes) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

test('the manifest is a ZAF v2 private app in the ticket sidebar', () => {
  assert.equal(manifest.frameworkVersion, '2.0');
  assert.equal(manifest.private, true);
  assert.equal(manifest.defaultLocale, 'en');
  assert.equal(manifest.name, 'NDR Explainer');
  assert.ok(manifest.author?.name && /^[^@\s]+@[^@\s]+\.[a-z]+$/.test(manifest.author.email), 'an author with a name and an e-mail');
  const cargoVersion = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
  assert.equal(manifest.version, cargoVersion, 'the app has the widget’s version');
  assert.deepEqual(Object.keys(manifest.location), ['support']);
  assert.deepEqual(manifest.location.support, { ticket_sidebar: { url: 'assets/iframe.html', flexible: true } });
});

test('every file the manifest names is in the package', () => {
  assert.ok(files.has(manifest.location.support.ticket_sidebar.url));
  for (const locale of [manifest.defaultLocale, 'fr']) {
    const translation = JSON.parse(text(`translations/${locale}.json`));
    for (const field of ['name', 'short_description', 'long_description', 'installation_instructions']) {
      assert.ok(translation.app[field]?.trim(), `translations/${locale}.json: app.${field}`);
    }
  }
  assert.deepEqual(pngSize(files.get('assets/logo.png')), { width: 320, height: 320 });
  assert.deepEqual(pngSize(files.get('assets/logo-small.png')), { width: 128, height: 128 });
  assert.ok(files.has('assets/zaf_sdk.js') && files.has('assets/zaf_sdk.LICENSE.txt'), 'the SDK and its licence');
  assert.match(text('assets/zaf_sdk.LICENSE.txt'), /Apache License\s+Version 2\.0/);
});

/** Every address a file asks the browser to load, by kind of file. */
function references(name, source) {
  if (name.endsWith('.html')) return [...source.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
  if (name.endsWith('.css')) return [...source.matchAll(/url\(\s*['"]?([^'")]*)|@import\s+['"]([^'"]*)/g)].map((m) => m[1] ?? m[2]);
  return [
    ...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g),
    ...source.matchAll(/new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g),
    ...source.matchAll(/"(\.\/texts-[a-z]{2}-[0-9a-f]{16}\.js)"/g),
  ].map((m) => m[1]);
}

test('the pages and scripts load only files of the package, and name no outside address', () => {
  const loaded = new Set();
  for (const [name, bytes] of files) {
    if (!/\.(html|js|css)$/.test(name)) continue;
    const source = bytes.toString('utf8');
    for (const ref of references(name, source)) {
      if (ref.startsWith('data:')) continue;
      assert.doesNotMatch(ref, /^([a-z]+:|\/)/i, `${name} loads ${ref}, which is not a relative path`);
      const target = posix.normalize(posix.join(posix.dirname(name), ref));
      // wasm-bindgen's glue names a default wasm file for an init() given
      // nothing; the element always gives it the wasm's bytes.
      if (/^assets\/glue-[0-9a-f]{16}\.js$/.test(name) && ref.endsWith('_bg.wasm')) continue;
      assert.ok(files.has(target), `${name} loads ${ref}: no such file in the package`);
      loaded.add(target);
    }
    // The texts modules are data (the sources quoted to the reader are
    // links to follow, not files to load) and the wasm's carrier is bytes;
    // every other page or script names no outside address at all.
    if (/^assets\/texts-[a-z]{2}-[0-9a-f]{16}\.js$/.test(name)) {
      assert.match(source, /^export default "(?:[^"\\]|\\.)*";\n$/s, `${name} is one string and nothing else`);
    } else if (!/^assets\/wasm-[0-9a-f]{16}\.js$/.test(name)) {
      assert.doesNotMatch(source, /\b(?:https?|wss?|ftp):\/\/|["'(]\/\/[a-z0-9]/i, `${name} names an outside address`);
    }
  }
  for (const needed of ['assets/app.js', 'assets/zaf_sdk.js', 'assets/ndr-explainer-element.js', 'assets/app.css']) {
    assert.ok(loaded.has(needed), `${needed} is loaded by the page`);
  }
  assert.ok([...loaded].some((f) => /^assets\/wasm-/.test(f)) && [...loaded].some((f) => /^assets\/texts-fr-/.test(f)), 'the element loads the widget');
});

test('the page’s policy allows its own files and wasm only, and no connection', () => {
  const policy = text('assets/iframe.html').match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
  assert.equal(directives['default-src'], "'none'");
  assert.equal(directives['script-src'], "'self' 'wasm-unsafe-eval'");
  assert.equal(directives['connect-src'], "'none'");
  assert.equal(directives['style-src'], "'self'");
  assert.doesNotMatch(policy, /unsafe-inline|\*|https?:/);
});
