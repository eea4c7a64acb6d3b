// Trunk post-build step: make the bundle run under the page's CSP, and add
// the two other ways of shipping the widget:
// - ndr-explainer-element.js, the <ndr-explainer> custom element for portals;
// - ndr-explainer.html, one self-contained file that works from file://.
//
// The policy has connect-src 'none', so the wasm cannot be fetch()ed as
// Trunk's inline loader does (and the inline loader itself would need
// 'unsafe-inline'). Instead the wasm bytes ship inside a same-origin ES module
// and a small boot module instantiates them: no inline script, no fetch.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const files = readdirSync(dir);
const wasmName = files.find((f) => f.endsWith('_bg.wasm'));
const glueName = files.find((f) => f.endsWith('.js') && wasmName && f === wasmName.replace('_bg.wasm', '.js'));
if (!wasmName || !glueName) {
  console.error(`postbuild: no wasm/js pair in ${dir}: ${files.join(', ')}`);
  process.exit(1);
}

const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

// Each wasm byte becomes the character with the same code (U+0000 to U+00FF),
// so the file compresses almost as well as the wasm itself (base64 would cost
// a third more after gzip). Module scripts are always read as UTF-8, and only
// the quote, the backslash and line breaks need escaping in the literal.
const wasm = readFileSync(join(dir, wasmName));
// Inside an HTML page the parser also turns NUL into U+FFFD and could end the
// script at "</script": there, those are escaped too.
const literal = (inline) => {
  let out = '';
  for (const byte of wasm) {
    if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x22) out += '\\"';
    else if (byte === 0x0a) out += '\\n';
    else if (byte === 0x0d) out += '\\r';
    else if (inline && byte === 0x00) out += '\\x00';
    else if (inline && byte === 0x3c) out += '\\x3c';
    else out += String.fromCharCode(byte);
  }
  return out;
};
const decode = 'const n=s.length,u=new Uint8Array(n);for(let i=0;i<n;i++)u[i]=s.charCodeAt(i);';
const bytesModule = `const s="${literal(false)}";${decode}export default u;\n`;
const bytesName = `wasm-${hash(bytesModule)}.js`;
writeFileSync(join(dir, bytesName), bytesModule);

const boot =
  `import init from './${glueName}';\n` +
  `import bytes from './${bytesName}';\n` +
  'await init({ module_or_path: bytes });\n';
const bootName = `boot-${hash(boot)}.js`;
writeFileSync(join(dir, bootName), boot);
rmSync(join(dir, wasmName));

const htmlPath = join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
const before = html;
// Trunk's inline loader and its wasm preload go; the module preload of the glue stays.
html = html.replace(/<script type="module"[^>]*>[\s\S]*?<\/script>/g, '');
html = html.replace(/<link rel="preload"[^>]*_bg\.wasm[^>]*>/g, '');
if (html === before) {
  console.error('postbuild: Trunk\'s loader was not found in index.html');
  process.exit(1);
}
const pageHtml = html;
html = html.replace('</head>', `<script type="module" src="./${bootName}"></script></head>`);
writeFileSync(htmlPath, html);

const cssName = files.find((f) => /^style-.*\.css$/.test(f));
const element = `// <ndr-explainer lang="fr" audience="admin" theme="dark">: NDR Explainer in a
// shadow root, so no style crosses the boundary either way. Emits
// "ndr-explainer:result" (detail: the diagnosis) on the element.
import init, { mount } from './${glueName}';
import bytes from './${bytesName}';

const ready = init({ module_or_path: bytes });
const css = new URL('./${cssName}', import.meta.url).href;

class NdrExplainer extends HTMLElement {
  async connectedCallback() {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = css;
    const root = document.createElement('div');
    // Mount once the stylesheet is in, so the widget never shows unstyled.
    const styled = new Promise((done) => {
      link.addEventListener('load', done, { once: true });
      link.addEventListener('error', done, { once: true });
    });
    shadow.append(link, root);
    await Promise.all([ready, styled]);
    mount(root, this, this.getAttribute('lang'), this.getAttribute('audience'), this.getAttribute('theme'));
  }
}

if (!customElements.get('ndr-explainer')) customElements.define('ndr-explainer', NdrExplainer);

/** Puts a widget inside \`container\`: options { lang, audience, theme }. Returns the element. */
export function mountWidget(container, options = {}) {
  const widget = document.createElement('ndr-explainer');
  for (const name of ['lang', 'audience', 'theme']) {
    if (options[name]) widget.setAttribute(name, options[name]);
  }
  container.append(widget);
  return widget;
}
`;
writeFileSync(join(dir, 'ndr-explainer-element.js'), element);

// The single file: stylesheet and scripts inline, the policy naming them by hash.
const sha = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const glue = readFileSync(join(dir, glueName), 'utf8')
  .replace(/^export function /gm, 'function ')
  .replace(/^export \{[^}]*\};?$/gm, '');
const inlineScript = `const s="${literal(true)}";${decode}\n${glue}\nawait __wbg_init({ module_or_path: u });\n`;
const inlineCss = readFileSync(join(dir, cssName), 'utf8');
let single = pageHtml
  .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${inlineCss}</style>`)
  .replace(/<link rel="modulepreload"[^>]*>/, '')
  .replace("script-src 'self' 'wasm-unsafe-eval'", () => `script-src ${sha(inlineScript)} 'wasm-unsafe-eval'`)
  .replace("style-src 'self'", () => `style-src ${sha(inlineCss)}`)
  .replace("img-src 'self' data:", 'img-src data:')
  .replace('</body>', () => `<script type="module">${inlineScript}</script></body>`);
writeFileSync(join(dir, 'ndr-explainer.html'), single);
console.log(`postbuild: ${wasmName} (${wasm.length} bytes) -> ${bytesName}, loader ${bootName}, element, single file`);
