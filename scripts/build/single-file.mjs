// The single file, ndr-explainer.html: the whole widget in one page that
// works from file:// (a knowledge-base article, a laptop) with no request at
// all. Its stylesheet, glue, wasm, both languages' texts and the parser
// (reader.mjs: instantiated with the first input) are inline, and its
// Content-Security-Policy allows exactly that script and that style by hash,
// still with no 'unsafe-inline' and no connection.
import { carrierScript } from './carrier.mjs';
import { cspHash } from './digest.mjs';
import { inlinedGlue } from './glue.mjs';
import { inlineReader } from './reader.mjs';
import { replaceOnce } from './replace.mjs';

const FILE = 'ndr-explainer.html';

/** Throws unless `text` can sit inside the HTML element `tag` without closing it early. */
function assertInsideElement(tag, text, what) {
  if (new RegExp(`</${tag}`, 'i').test(text)) throw new Error(`${FILE}: ${what} holds "</${tag}", which would end its <${tag}> element`);
}

/**
 * The one inline module script: the wasm's carrier, the glue, and a start
 * with both languages' texts and the reader (`reader`: its glue, named
 * `glueFile` in errors, `glueSource` and `wasm`), instantiated the first
 * time the widget is given an input.
 */
export function inlineScript({ glueFile, glueSource, wasm, texts, reader }) {
  // "<" is escaped so that no text can close the script element.
  const inlineTexts = JSON.stringify(texts).replace(/</g, '\\u003c');
  return `${carrierScript(wasm, { inHtml: true })}\n${inlinedGlue(glueFile, glueSource)}\n` +
    'await __wbg_init({ module_or_path: u });\n' +
    `const texts = ${inlineTexts};\n${inlineReader(reader)}` +
    'start((lang) => Promise.resolve(texts[lang]), reader);\n';
}

/**
 * The single file from the page without Trunk's loader (`pageHtml`), the
 * stylesheet's text `css`, the readable glue `glueSource` (named `glueFile`
 * in errors), the wasm without texts, the texts by language and the reader
 * (`{ glueFile, glueSource, wasm }`).
 */
export function singleFile(pageHtml, { css, glueFile, glueSource, wasm, texts, reader }) {
  const script = inlineScript({ glueFile, glueSource, wasm, texts, reader });
  assertInsideElement('script', script, 'the inline script');
  assertInsideElement('style', css, 'the stylesheet');
  const edits = [
    [/<link rel="stylesheet"[^>]*>/, `<style>${css}</style>`],
    [/<link rel="modulepreload"[^>]*>/, ''],
    ["script-src 'self' 'wasm-unsafe-eval'", `script-src ${cspHash(script)} 'wasm-unsafe-eval'`],
    ["style-src 'self'", `style-src ${cspHash(css)}`],
    ["img-src 'self' data:", 'img-src data:'],
    ['</body>', `<script type="module">${script}</script></body>`],
  ];
  return edits.reduce((html, [pattern, replacement]) => replaceOnce(FILE, html, pattern, replacement), pageHtml);
}
