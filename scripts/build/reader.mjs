// The parser (src/bin/ndr-explainer-reader.rs), which the widget loads with
// the first input: one same-origin module, `reader-<hash>.js`, holding the
// parser's wasm in a carrier (carrier.mjs), its wasm-bindgen glue, minified,
// and the instantiation; its default export is the glue's `analyse`, ready to
// call. The single file carries the same pieces inline, instantiated the
// first time the widget asks for them.
import { minify } from 'terser';
import { carrierScript } from './carrier.mjs';
import { inlinedGlue } from './glue.mjs';
import { hashedName } from './digest.mjs';
import { replaceOnce } from './replace.mjs';

/** The name Trunk gives the reader's files (`<bin>.js`, `<bin>_bg.wasm`: a worker's are not hashed). */
export const READER_BIN = 'ndr-explainer-reader';

/**
 * The loader the widget is given (src/main.rs, `start` and `mount`):
 * `() => Promise<(input) => string>`, the parser's function, which gives the
 * diagnosis of an input's bytes, from the module named in `reader`. The
 * widget calls it once and keeps the function (src/web/reader.rs).
 */
export const READER_LOADER = '() => import(reader).then((m) => m.default)';

/**
 * The reader's glue as plain statements (glue.mjs), without the address of a
 * wasm file it would fetch when given nothing: it is always given its bytes,
 * and no such file is shipped. `file` names the glue in errors.
 */
export function readerGlue(file, source) {
  return replaceOnce(file, inlinedGlue(file, source), /new URL\('[^']*_bg\.wasm', import\.meta\.url\)/, 'undefined');
}

/**
 * The reader's module from its glue (`glueSource`, named `glueFile` in
 * errors) and its wasm: `{ name, source }`. The carrier sits in a function
 * of its own so that its names cannot meet the minified glue's.
 */
export async function readerModule({ glueFile, glueSource, wasm }) {
  const body = `${readerGlue(glueFile, glueSource)}\nawait __wbg_init({ module_or_path: ndrReaderWasm });\nexport default analyse;\n`;
  const { code } = await minify(body, { module: true, compress: true, mangle: true });
  const source = `const ndrReaderWasm=(()=>{${carrierScript(wasm)}return u})();\n${code}\n`;
  return { name: hashedName('reader', source), source };
}

/**
 * For the single file: the loader, as a script that defines `reader`
 * (`() => Promise<(input) => string>`, as READER_LOADER), which instantiates
 * the reader the first time it is called; its carrier is fit for an HTML page.
 */
export function inlineReader({ glueFile, glueSource, wasm }) {
  return `const makeReader = async () => {\n${carrierScript(wasm, { inHtml: true })}\n${readerGlue(glueFile, glueSource)}\n` +
    'await __wbg_init({ module_or_path: u });\nreturn analyse;\n};\n' +
    'let readerMade;\nconst reader = () => (readerMade ??= makeReader());\n';
}
