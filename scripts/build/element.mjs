// The custom element, ndr-explainer-element.js: `<ndr-explainer>` for
// portals that embed the widget without an iframe. Its script is a real file,
// static/ndr-explainer-element.js, linted like the rest; it imports the
// glue, the wasm's carrier and the stylesheet under fixed names, which this
// step replaces with the bundle's hashed ones, and gets the texts modules
// and the parser's module (reader.mjs).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { replaceOnce } from './replace.mjs';

/** Where the element's source is. */
export const ELEMENT_SOURCE = fileURLToPath(new URL('../../static/ndr-explainer-element.js', import.meta.url));
const FILE = 'static/ndr-explainer-element.js';

/** The element's source as it is in the repository. */
export const elementSource = () => readFileSync(ELEMENT_SOURCE, 'utf8');

/**
 * The element's script as shipped: `source` with the bundle's glue, wasm
 * carrier, stylesheet and reader module names and its map of texts modules
 * (`textsMap`).
 */
export function elementModule(source, { glueName, bytesName, cssName, textsMap, readerName }) {
  const edits = [
    ["'./glue.js'", `'./${glueName}'`],
    ["'./wasm.js'", `'./${bytesName}'`],
    ["'./style.css'", `'./${cssName}'`],
    ["'./reader.js'", `'./${readerName}'`],
    ['const texts = {};', `const texts = ${textsMap};`],
  ];
  return edits.reduce((text, [pattern, replacement]) => replaceOnce(FILE, text, pattern, replacement), source);
}
