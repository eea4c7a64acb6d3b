// The custom element's build step (scripts/build/element.mjs) on the real
// source, static/ndr-explainer-element.js: every placeholder gets the
// bundle's name and the result is a module that parses. What the element
// does in a page is tested end to end (tests/e2e/embed.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { elementModule, elementSource } from '../../scripts/build/element.mjs';
import { ReplaceError } from '../../scripts/build/replace.mjs';

const NAMES = {
  glueName: 'glue-1111111111111111.js',
  bytesName: 'wasm-2222222222222222.js',
  cssName: 'style-3333333333333333.css',
  textsMap: '{"en":"./texts-en-4444444444444444.js","fr":"./texts-fr-5555555555555555.js"}',
  readerName: 'reader-6666666666666666.js',
};

test('the element imports the bundle\'s files and names each language\'s texts', () => {
  const element = elementModule(elementSource(), NAMES);
  assert.match(element, /^import init, \{ mount \} from '\.\/glue-1111111111111111\.js';$/m);
  assert.match(element, /^import bytes from '\.\/wasm-2222222222222222\.js';$/m);
  assert.ok(element.includes("new URL('./style-3333333333333333.css', import.meta.url)"));
  assert.ok(element.includes(`const texts = ${NAMES.textsMap};`));
  assert.ok(element.includes("const reader = './reader-6666666666666666.js';"));
  assert.doesNotMatch(element, /^import .*reader-/m, 'the reader is imported only when asked for');
  assert.doesNotMatch(element, /'\.\/(glue\.js|wasm\.js|style\.css|reader\.js)'|const texts = \{\};/, 'a placeholder is left');
  assert.match(element, /^export function mountWidget\(/m);
});

test('the built element is a module that parses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ndr-element-'));
  try {
    const file = join(dir, 'ndr-explainer-element.mjs');
    writeFileSync(file, elementModule(elementSource(), NAMES));
    execFileSync(process.execPath, ['--check', file], { stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a source that lost a placeholder fails the build, naming it', () => {
  const source = elementSource().replace("'./wasm.js'", "'./carrier.js'");
  assert.throws(() => elementModule(source, NAMES),
    (e) => e instanceof ReplaceError && e.message === `static/ndr-explainer-element.js: nothing matches "'./wasm.js'"`);
});
