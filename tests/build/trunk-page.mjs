// The page as Trunk 0.21 writes it (index.html with its inline loader, the
// glue's module preload and the wasm's preload), the starting point of the
// build's page and single-file steps.
export const TRUNK_GLUE = 'ndr-explainer-web-0123456789abcdef.js';
export const TRUNK_WASM = 'ndr-explainer-web-0123456789abcdef_bg.wasm';
export const CSS_NAME = 'style-0123456789abcdef.css';

export const TRUNK_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'none'; base-uri 'none'">
  <title>NDR Explainer</title>
  <link rel="stylesheet" href="./${CSS_NAME}" integrity="sha384-AAAA"/>
<script type="module">
import init, * as bindings from './${TRUNK_GLUE}';
const wasm = await init({ module_or_path: './${TRUNK_WASM}' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>
<link rel="modulepreload" href="./${TRUNK_GLUE}" crossorigin="anonymous" integrity="sha384-BBBB"><link rel="preload" href="./${TRUNK_WASM}" crossorigin="anonymous" integrity="sha384-CCCC" as="fetch" type="application/wasm"></head>
<body>
  <main id="ndr-explainer-app"></main>
</body>
</html>
`;

/** A glue shaped like wasm-bindgen's: exported functions and a closing export list. */
export const GLUE = `let wasm;
export function start(texts) { wasm.start(texts); }
export function mount(root) { wasm.mount(root); }
async function __wbg_init(options) { wasm = options; }
function initSync() {}
export { initSync, __wbg_init as default };
`;

/** The reader's glue as Trunk names it (a worker's files are not hashed). */
export const READER_GLUE_FILE = 'ndr-explainer-reader.js';

/**
 * A reader glue shaped like wasm-bindgen's: `analyse`, and an init that
 * falls back to a wasm file next to it when given nothing. Its `analyse`
 * answers with the wasm it was given and the item, and it counts how many
 * times it was instantiated (`globalThis.readerInits`).
 */
export const READER_GLUE = `let wasm;
export function analyse(input) { return { wasm, input }; }
async function __wbg_init(module_or_path) {
    if (module_or_path !== undefined) ({ module_or_path } = module_or_path);
    if (module_or_path === undefined) {
        module_or_path = new URL('ndr-explainer-reader_bg.wasm', import.meta.url);
    }
    globalThis.readerInits = (globalThis.readerInits ?? 0) + 1;
    wasm = module_or_path;
}
function initSync() {}
export { initSync, __wbg_init as default };
`;
