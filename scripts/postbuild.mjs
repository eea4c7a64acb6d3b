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
import { minify } from 'terser';
import { readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const files = readdirSync(dir);
const wasmName = files.find((f) => f.endsWith('_bg.wasm'));
const trunkGlueName = files.find((f) => f.endsWith('.js') && wasmName && f === wasmName.replace('_bg.wasm', '.js'));
if (!wasmName || !trunkGlueName) {
  console.error(`postbuild: no wasm/js pair in ${dir}: ${files.join(', ')}`);
  process.exit(1);
}

const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

// wasm-bindgen's glue, minified (a fifth of its gzip size goes): the page
// loads the minified copy; the single file inlines the readable one.
const glueSource = readFileSync(join(dir, trunkGlueName), 'utf8');
const glueMinified = (await minify(glueSource, { module: true, compress: true, mangle: true })).code;
const glueName = `glue-${hash(glueMinified)}.js`;
writeFileSync(join(dir, glueName), glueMinified);
rmSync(join(dir, trunkGlueName));

// Each wasm byte becomes one character of a string literal, so the file
// compresses almost as well as the wasm itself (base64 would cost a third more
// after gzip). Module scripts are always read as UTF-8, where characters from
// U+0080 take two bytes: the most frequent byte values therefore get the
// one-byte characters, and a 256-character table in the file maps back.
// The quote, the backslash and line breaks are never used, so the literal
// needs no escape; inside an HTML page the parser also turns NUL into U+FFFD
// and could end the script at "</script", so there those two are avoided too.

/**
 * Takes the custom sections named `ndr-texts-<lang>` (each language's texts,
 * see src/main.rs) out of a wasm module: returns the module without them and
 * the texts by language.
 */
function takeTexts(module) {
  const kept = [module.subarray(0, 8)];
  const texts = {};
  let at = 8;
  const uleb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = module[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < module.length) {
    const start = at;
    const id = module[at++];
    const size = uleb();
    const body = at;
    at = body + size;
    if (id === 0) {
      const nameAt = body;
      at = nameAt;
      const nameLength = uleb();
      const name = module.subarray(at, at + nameLength).toString('utf8');
      const content = module.subarray(at + nameLength, body + size);
      at = body + size;
      const lang = name.match(/^ndr-texts-([a-z]+)$/)?.[1];
      if (lang) {
        texts[lang] = content.toString('utf8');
        continue;
      }
    }
    kept.push(module.subarray(start, at));
  }
  return { module: Buffer.concat(kept), texts };
}

const taken = takeTexts(readFileSync(join(dir, wasmName)));
const wasm = taken.module;
const langs = Object.keys(taken.texts).sort();
const loaderOnly = Boolean(process.env.NDR_POSTBUILD_LOADER_ONLY);
if (langs.length === 0 && !loaderOnly) {
  console.error('postbuild: the wasm carries no ndr-texts-* section (built with embedded-content?)');
  process.exit(1);
}
// One module per language: the page imports the one it shows.
const textsNames = {};
for (const lang of langs) {
  const module = `export default ${JSON.stringify(taken.texts[lang])};\n`;
  textsNames[lang] = `texts-${lang}-${hash(module)}.js`;
  writeFileSync(join(dir, textsNames[lang]), module);
}
const textsMap = JSON.stringify(Object.fromEntries(langs.map((l) => [l, `./${textsNames[l]}`])));
const loader = '(lang) => import(texts[lang]).then((m) => m.default)';
const count = new Array(256).fill(0);
for (const byte of wasm) count[byte] += 1;
const byFrequency = [...count.keys()].sort((a, b) => count[b] - count[a] || a - b);
const encoding = (inline) => {
  const avoid = inline ? [0x00, 0x0a, 0x0d, 0x22, 0x3c, 0x5c] : [0x0a, 0x0d, 0x22, 0x5c];
  const chars = [];
  for (let c = 0; chars.length < 256; c += 1) if (!avoid.includes(c)) chars.push(c);
  const charOf = new Array(256);
  byFrequency.forEach((byte, rank) => { charOf[byte] = chars[rank]; });
  const table = String.fromCharCode(...charOf);
  let literal = '';
  for (const byte of wasm) literal += String.fromCharCode(charOf[byte]);
  const decode =
    `const t=${JSON.stringify(table)},b=new Uint8Array(512);` +
    'for(let i=0;i<256;i++)b[t.charCodeAt(i)]=i;' +
    'const n=s.length,u=new Uint8Array(n);for(let i=0;i<n;i++)u[i]=b[s.charCodeAt(i)];';
  return { literal, decode };
};
const shipped = encoding(false);
const bytesModule = `const s="${shipped.literal}";${shipped.decode}export default u;\n`;
const bytesName = `wasm-${hash(bytesModule)}.js`;
writeFileSync(join(dir, bytesName), bytesModule);

// The bare Yew page of the benchmarks (benches/bare-yew) has no texts and no `start`.
const boot = langs.length === 0
  ? `import init from './${glueName}';\nimport bytes from './${bytesName}';\nawait init({ module_or_path: bytes });\n`
  : `import init, { start } from './${glueName}';\n` +
    `import bytes from './${bytesName}';\n` +
    `const texts = ${textsMap};\n` +
    'await init({ module_or_path: bytes });\n' +
    `start(${loader});\n`;
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
// The module preload now names the minified glue, with its own integrity.
const sri = `sha384-${createHash('sha384').update(glueMinified).digest('base64')}`;
html = html.replace(
  new RegExp(`<link rel="modulepreload" href="\\./${trunkGlueName.replace(/[.]/g, '\\.')}"[^>]*>`),
  () => `<link rel="modulepreload" href="./${glueName}" crossorigin="anonymous" integrity="${sri}">`,
);
if (!html.includes(`href="./${glueName}"`)) {
  console.error('postbuild: the module preload of the glue was not found in index.html');
  process.exit(1);
}
html = html.replace('</head>', `<script type="module" src="./${bootName}"></script></head>`);
writeFileSync(htmlPath, html);
// The bare Yew page of the benchmarks needs only the loader.
if (loaderOnly) {
  console.log(`postbuild: ${wasmName} (${wasm.length} bytes) -> ${bytesName}, loader ${bootName}`);
  process.exit(0);
}

const cssName = files.find((f) => /^style-.*\.css$/.test(f));
const element = `// <ndr-explainer lang="fr" audience="admin" theme="dark">: NDR Explainer in a
// shadow root, so no style crosses the boundary either way. Emits
// "ndr-explainer:result" (detail: the diagnosis) on the element.
import init, { mount } from './${glueName}';
import bytes from './${bytesName}';

const ready = init({ module_or_path: bytes });
const css = new URL('./${cssName}', import.meta.url).href;
const texts = ${textsMap};

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
    mount(root, this, this.getAttribute('lang'), this.getAttribute('audience'), this.getAttribute('theme'),
      ${loader});
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
const glue = glueSource
  .replace(/^export function /gm, 'function ')
  .replace(/^export \{[^}]*\};?$/gm, '');
const inline = encoding(true);
// Both languages travel inside the single file; "<" is escaped so that no
// text can close the script element.
const inlineTexts = JSON.stringify(taken.texts).replace(/</g, '\\u003c');
const inlineScript =
  `const s="${inline.literal}";${inline.decode}\n${glue}\nawait __wbg_init({ module_or_path: u });\n` +
  `const texts = ${inlineTexts};\nstart((lang) => Promise.resolve(texts[lang]));\n`;
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
