// The single-file step (scripts/build/single-file.mjs): styles and script
// inline, allowed by hash in the file's own policy, both languages inside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { inlineScript, singleFile } from '../../scripts/build/single-file.mjs';
import { withoutTrunkLoader } from '../../scripts/build/page.mjs';
import { ReplaceError } from '../../scripts/build/replace.mjs';
import { GLUE, READER_GLUE, READER_GLUE_FILE, TRUNK_GLUE, TRUNK_PAGE } from './trunk-page.mjs';

const CSS = '.ndr { color: light-dark(#000, #fff); }';
const READER = { glueFile: READER_GLUE_FILE, glueSource: READER_GLUE, wasm: Uint8Array.of(0, 97, 115, 109, 1, 60) };
const INPUT = { css: CSS, glueFile: TRUNK_GLUE, glueSource: GLUE, wasm: Uint8Array.of(0, 97, 115, 109, 60, 34), texts: { en: 'a </script> b', fr: 'é' }, reader: READER };
const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const policyOf = (html) => html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];

test('the policy allows exactly the inline script and style, and nothing of the origin', () => {
  const html = singleFile(withoutTrunkLoader(TRUNK_PAGE), INPUT);
  const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  assert.equal(scripts.length, 1);
  assert.deepEqual(styles, [CSS]);
  const policy = policyOf(html);
  assert.ok(policy.includes(`script-src ${sha256(scripts[0])} 'wasm-unsafe-eval'`), policy);
  assert.ok(policy.includes(`style-src ${sha256(CSS)};`), policy);
  assert.ok(policy.includes('img-src data:;'), policy);
  assert.doesNotMatch(policy, /'self'|unsafe-inline/);
  assert.ok(policy.includes("connect-src 'none'"));
  assert.doesNotMatch(html, /<link rel="(stylesheet|modulepreload)"/);
});

test('the inline script carries the wasm, the glue without exports and both languages', () => {
  const script = inlineScript(INPUT);
  assert.ok(script.startsWith('const s="'));
  assert.doesNotMatch(script, /^export /m);
  assert.ok(script.includes('function start(texts)') && script.includes('await __wbg_init({ module_or_path: u });'));
  const texts = JSON.parse(script.match(/^const texts = (.*);$/m)[1]);
  assert.deepEqual(texts, INPUT.texts);
  assert.ok(!script.includes('</script>'), 'a text closed the script element');
  assert.ok(script.includes('function analyse(input)') && script.includes('const makeReader = async () => {'), 'the reader is inline');
  assert.ok(script.endsWith("start((lang) => Promise.resolve(texts[lang]), reader);\n"), 'the widget gets the reader');
  assert.doesNotMatch(script, /_bg\.wasm/, 'no wasm address to fetch');
});

test('a stylesheet or glue that would close its element is refused', () => {
  assert.throws(() => singleFile(withoutTrunkLoader(TRUNK_PAGE), { ...INPUT, css: 'a::after { content: "</style>"; }' }), /ndr-explainer\.html: the stylesheet holds "<\/style"/);
  assert.throws(() => singleFile(withoutTrunkLoader(TRUNK_PAGE), { ...INPUT, glueSource: `${GLUE}// </SCRIPT>\n` }), /the inline script holds "<\/script"/);
  assert.throws(() => singleFile(withoutTrunkLoader(TRUNK_PAGE), { ...INPUT, reader: { ...READER, glueSource: `${READER_GLUE}// </script>\n` } }), /the inline script holds "<\/script"/);
});

test('a page without the policy\'s script-src or without </body> fails, naming the pattern and the file', () => {
  const page = withoutTrunkLoader(TRUNK_PAGE);
  for (const [html, pattern] of [
    [page.replace("script-src 'self' 'wasm-unsafe-eval'", "script-src 'self'"), "\"script-src 'self' 'wasm-unsafe-eval'\""],
    [page.replace("img-src 'self' data:", "img-src 'self'"), "\"img-src 'self' data:\""],
    [page.replace('</body>', ''), '"</body>"'],
  ]) {
    assert.throws(() => singleFile(html, INPUT), (e) => e instanceof ReplaceError && e.message === `ndr-explainer.html: nothing matches ${pattern}`);
  }
  assert.throws(() => singleFile(page, { ...INPUT, glueSource: 'let wasm;\n' }), (e) => e instanceof ReplaceError && e.file === TRUNK_GLUE);
});
