// Trunk post-build step: make the bundle run under the page's CSP.
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
let literal = '';
for (const byte of wasm) {
  if (byte === 0x5c) literal += '\\\\';
  else if (byte === 0x22) literal += '\\"';
  else if (byte === 0x0a) literal += '\\n';
  else if (byte === 0x0d) literal += '\\r';
  else literal += String.fromCharCode(byte);
}
const bytesModule =
  `const s="${literal}";` +
  'const n=s.length,u=new Uint8Array(n);for(let i=0;i<n;i++)u[i]=s.charCodeAt(i);export default u;\n';
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
html = html.replace('</head>', `<script type="module" src="./${bootName}"></script></head>`);
writeFileSync(htmlPath, html);
console.log(`postbuild: ${wasmName} (${wasm.length} bytes) -> ${bytesName}, loader ${bootName}`);
