// The page step (scripts/build/page.mjs): Trunk's inline loader and wasm
// preload go, the glue's preload names the minified glue with its integrity,
// and the boot module is loaded from the head. Anything it cannot find fails
// the build, naming the pattern and the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { bootModule, shippedPage, withoutTrunkLoader } from '../../scripts/build/page.mjs';
import { ReplaceError } from '../../scripts/build/replace.mjs';
import { TRUNK_GLUE, TRUNK_PAGE } from './trunk-page.mjs';

const GLUE = 'export function start(){}';
const NAMES = { trunkGlueName: TRUNK_GLUE, glue: GLUE, glueName: 'glue-1111111111111111.js', bootName: 'boot-2222222222222222.js' };

test('the shipped page has no inline script, no wasm preload, and loads the boot module', () => {
  const html = shippedPage(withoutTrunkLoader(TRUNK_PAGE), NAMES);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'an inline script is left');
  assert.doesNotMatch(html, /_bg\.wasm|ndr-explainer-web-/);
  const sri = `sha384-${createHash('sha384').update(GLUE).digest('base64')}`;
  assert.ok(html.includes(`<link rel="modulepreload" href="./glue-1111111111111111.js" crossorigin="anonymous" integrity="${sri}">`));
  assert.ok(html.includes('<script type="module" src="./boot-2222222222222222.js"></script></head>'));
  assert.ok(html.includes("script-src 'self' 'wasm-unsafe-eval'"), 'the policy is left as it is');
});

test('every piece of Trunk\'s page the step needs is required, by pattern and file', () => {
  const cases = [
    [TRUNK_PAGE.replace(/<script type="module">[\s\S]*?<\/script>/, ''), withoutTrunkLoader, /<script type="module"/],
    [TRUNK_PAGE.replace(/<link rel="preload"[^>]*>/, ''), withoutTrunkLoader, /_bg\\\.wasm/],
    [withoutTrunkLoader(TRUNK_PAGE).replace(/<link rel="modulepreload"[^>]*>/, ''), (h) => shippedPage(h, NAMES), /modulepreload/],
    [withoutTrunkLoader(TRUNK_PAGE).replace('</head>', ''), (h) => shippedPage(h, NAMES), /"<\/head>"/],
  ];
  for (const [html, step, pattern] of cases) {
    assert.throws(() => step(html), (e) => e instanceof ReplaceError && e.message.startsWith('index.html: nothing matches ') && pattern.test(e.message), String(pattern));
  }
});

test('the boot module starts the widget with loaders of the texts map and the reader, in the form the size report reads', () => {
  const map = '{"en":"./texts-en-aaaaaaaaaaaaaaaa.js","fr":"./texts-fr-bbbbbbbbbbbbbbbb.js"}';
  const boot = bootModule({ glueName: 'glue-1.js', bytesName: 'wasm-2.js', textsMap: map, readerName: 'reader-3.js' });
  assert.equal(boot, "import init, { start } from './glue-1.js';\nimport bytes from './wasm-2.js';\n" +
    `const texts = ${map};\nconst reader = "./reader-3.js";\nawait init({ module_or_path: bytes });\n` +
    'start((lang) => import(texts[lang]).then((m) => m.default), () => import(reader).then((m) => m.default));\n');
  assert.equal(boot.match(/^const texts = (\{[^}]*\});$/m)?.[1], map);
  assert.equal(boot.match(/^const reader = ("\.\/[^"]+");$/m)?.[1], '"./reader-3.js"');
  assert.doesNotMatch(boot, /^import .*reader-3/m, 'the reader is imported only when asked for');
  assert.throws(() => bootModule({ glueName: 'glue-1.js', bytesName: 'wasm-2.js', textsMap: map }), /reader module/);
});

test('without texts (the bare Yew page) the boot module only instantiates the wasm', () => {
  const boot = bootModule({ glueName: 'glue-1.js', bytesName: 'wasm-2.js', textsMap: null });
  assert.equal(boot, "import init from './glue-1.js';\nimport bytes from './wasm-2.js';\nawait init({ module_or_path: bytes });\n");
});
