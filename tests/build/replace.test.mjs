// Replacements that fail loudly (scripts/build/replace.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReplaceError, escapeRegExp, replaceEvery, replaceOnce } from '../../scripts/build/replace.mjs';

const HTML = '<head><link rel="stylesheet" href="a.css"></head><body></body>';

test('replaceOnce replaces the one match, literally', () => {
  assert.equal(replaceOnce('index.html', HTML, '</body>', '$&<p>$1</p></body>'), HTML.replace('</body>', () => '$&<p>$1</p></body>'));
  assert.equal(replaceOnce('index.html', HTML, /<link[^>]*>/, ''), '<head></head><body></body>');
});

test('a pattern that matches nothing throws, naming the file and the pattern', () => {
  assert.throws(() => replaceOnce('index.html', HTML, "style-src 'self'", 'x'),
    (e) => e instanceof ReplaceError && e.file === 'index.html' && e.message === `index.html: nothing matches "style-src 'self'"`);
  assert.throws(() => replaceOnce('page.html', HTML, /<script[^>]*>/, 'x'),
    (e) => e instanceof ReplaceError && e.message === 'page.html: nothing matches /<script[^>]*>/');
  assert.throws(() => replaceEvery('glue.js', 'let a;', /^export /gm, ''),
    (e) => e instanceof ReplaceError && e.message === 'glue.js: nothing matches /^export /gm');
});

test('replaceOnce throws when more than one place matches', () => {
  assert.throws(() => replaceOnce('index.html', '<b></b><b></b>', '</b>', ''), /index\.html: 2 places match \(one expected\) "<\/b>"/);
  assert.throws(() => replaceOnce('index.html', '<b></b><b></b>', /<b>/, ''), /2 places match/);
});

test('replaceEvery replaces every match', () => {
  assert.equal(replaceEvery('glue.js', 'export function a\nexport function b\n', /^export function /gm, 'function '), 'function a\nfunction b\n');
  assert.equal(replaceEvery('x', 'a-a-a', 'a', '$'), '$-$-$');
});

test('the g flag is required where every match is meant, refused where one is', () => {
  assert.throws(() => replaceOnce('x', 'a', /a/g, ''), TypeError);
  assert.throws(() => replaceEvery('x', 'a', /a/, ''), TypeError);
});

test('escapeRegExp makes a file name match only itself', () => {
  const name = 'ndr-explainer-web-b37a.js';
  assert.ok(new RegExp(`^${escapeRegExp(name)}$`).test(name));
  assert.ok(!new RegExp(`^${escapeRegExp(name)}$`).test('ndr-explainer-web-b37aXjs'));
});
