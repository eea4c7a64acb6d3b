// The page, index.html, made to run under its own Content-Security-Policy.
// Trunk's output loads the wasm with an inline module script that fetch()es
// it; the policy allows neither inline scripts nor connections
// (script-src 'self', connect-src 'none'). So the inline loader and the wasm
// preload go, and a boot module of the page's own origin takes their place:
// it imports the glue and the wasm's carrier (carrier.mjs), starts the
// widget, and names each language's texts module and the parser's module
// (reader.mjs), which the widget imports when it needs them.
import { escapeRegExp, replaceEvery, replaceOnce } from './replace.mjs';
import { integrity } from './digest.mjs';
import { TEXTS_LOADER } from './texts.mjs';
import { READER_LOADER } from './reader.mjs';

const PAGE = 'index.html';

/** Trunk's page without its inline loader and its wasm preload (the single file starts from it too). */
export function withoutTrunkLoader(html) {
  const noLoader = replaceEvery(PAGE, html, /<script type="module"[^>]*>[\s\S]*?<\/script>/g, '');
  return replaceOnce(PAGE, noLoader, /<link rel="preload"[^>]*_bg\.wasm[^>]*>/, '');
}

/**
 * The boot module: instantiates the wasm from its carrier and starts the
 * widget with a loader of `textsMap`'s modules and one of the reader's
 * module `readerName`. Without `textsMap` (the bare Yew page of the
 * benchmarks, which has no texts, no reader and no `start`), it only
 * instantiates the wasm.
 */
export function bootModule({ glueName, bytesName, textsMap, readerName }) {
  if (!textsMap) return `import init from './${glueName}';\nimport bytes from './${bytesName}';\nawait init({ module_or_path: bytes });\n`;
  if (!readerName) throw new Error('the boot module of the widget needs the reader module');
  return `import init, { start } from './${glueName}';\n` +
    `import bytes from './${bytesName}';\n` +
    `const texts = ${textsMap};\n` +
    `const reader = ${JSON.stringify(`./${readerName}`)};\n` +
    'await init({ module_or_path: bytes });\n' +
    `start(${TEXTS_LOADER}, ${READER_LOADER});\n`;
}

/**
 * The page as shipped: `html` without Trunk's loader, its module preload
 * naming the minified glue (`glue`, written as `glueName`) with that file's
 * integrity, and the boot module `bootName` loaded from the head.
 */
export function shippedPage(html, { trunkGlueName, glue, glueName, bootName }) {
  const preload = replaceOnce(PAGE, html,
    new RegExp(`<link rel="modulepreload" href="\\./${escapeRegExp(trunkGlueName)}"[^>]*>`),
    `<link rel="modulepreload" href="./${glueName}" crossorigin="anonymous" integrity="${integrity(glue)}">`);
  return replaceOnce(PAGE, preload, '</head>', `<script type="module" src="./${bootName}"></script></head>`);
}
