// wasm-bindgen's glue, the JavaScript between the page and the wasm. The
// page loads a minified copy (a fifth of its gzip size goes); the single
// file inlines the readable one, its exports removed, as part of its script.
import { minify } from 'terser';
import { replaceEvery } from './replace.mjs';

/** The glue minified as an ES module (terser: compress and mangle). */
export async function minifiedGlue(source) {
  return (await minify(source, { module: true, compress: true, mangle: true })).code;
}

/**
 * The glue as plain statements for an inline script: `export function f`
 * becomes `function f`, and the closing `export { … }` goes.
 * `file` names the glue in errors.
 */
export function inlinedGlue(file, source) {
  const functions = replaceEvery(file, source, /^export function /gm, 'function ');
  return replaceEvery(file, functions, /^export \{[^}]*\};?$/gm, '');
}
