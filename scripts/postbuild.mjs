// Trunk's post-build step (Trunk.toml): makes the bundle run under the page's
// Content-Security-Policy, which forbids inline scripts and every connection
// (so the wasm cannot be fetch()ed as Trunk's loader does), and adds the two
// other ways of shipping the widget. Each job is a module of scripts/build/;
// this file reads Trunk's output, runs them in order and writes the result:
//   1. wasm-sections.mjs  each language's texts out of the wasm
//   2. glue.mjs           wasm-bindgen's glue, minified
//   3. carrier.mjs        the wasm inside a same-origin module
//   4. texts.mjs          one module per language
//   5. reader.mjs         the parser's module, reader-<hash>.js
//   6. page.mjs           the boot module and index.html
//   7. element.mjs        ndr-explainer-element.js, the <ndr-explainer> element
//   8. single-file.mjs    ndr-explainer.html, the whole widget in one file
// With NDR_POSTBUILD_LOADER_ONLY=1 (the bare Yew page of the benchmarks,
// which has no texts and no reader) it skips step 5 and stops after step 6.
// Usage: node scripts/postbuild.mjs [DIR] (Trunk gives TRUNK_STAGING_DIR).
import { readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { takeTexts } from './build/wasm-sections.mjs';
import { minifiedGlue } from './build/glue.mjs';
import { carrierModule } from './build/carrier.mjs';
import { textsMap, textsModules } from './build/texts.mjs';
import { bootModule, shippedPage, withoutTrunkLoader } from './build/page.mjs';
import { elementModule, elementSource } from './build/element.mjs';
import { singleFile } from './build/single-file.mjs';
import { READER_BIN, readerModule } from './build/reader.mjs';
import { hashedName } from './build/digest.mjs';

/**
 * The files of Trunk's output this step reads: the widget's wasm and glue,
 * the reader's as `reader` (Trunk names a worker's files after its binary,
 * unhashed; null when absent) and the stylesheet. Throws unless the
 * widget's pair is there, or when the reader's wasm comes without its glue.
 */
function trunkOutput(dir) {
  const files = readdirSync(dir);
  const pair = (wasmName) => {
    const glueName = wasmName && wasmName.replace(/_bg\.wasm$/, '.js');
    return files.includes(glueName) ? { wasmName, glueName } : null;
  };
  const readerWasm = `${READER_BIN}_bg.wasm`;
  const widget = pair(files.find((f) => f.endsWith('_bg.wasm') && f !== readerWasm));
  if (!widget) throw new Error(`no wasm/js pair in ${dir}: ${files.join(', ')}`);
  const reader = files.includes(readerWasm) ? pair(readerWasm) : null;
  if (files.includes(readerWasm) && !reader) throw new Error(`${readerWasm} without its glue in ${dir}`);
  return { wasmName: widget.wasmName, trunkGlueName: widget.glueName, reader, cssName: files.find((f) => /^style-.*\.css$/.test(f)) };
}

async function postbuild(dir, loaderOnly) {
  const { wasmName, trunkGlueName, reader, cssName } = trunkOutput(dir);
  const read = (name, encoding) => readFileSync(join(dir, name), encoding);
  const out = new Map();
  if (!reader && !loaderOnly) throw new Error(`no ${READER_BIN}_bg.wasm in ${dir} (index.html builds it beside the widget)`);

  const { module: wasm, texts } = takeTexts(read(wasmName));
  if (Object.keys(texts).length === 0 && !loaderOnly) {
    throw new Error('the wasm carries no ndr-texts-* section (built with embedded-content?)');
  }
  const glueSource = read(trunkGlueName, 'utf8');
  const glue = await minifiedGlue(glueSource);
  const glueName = hashedName('glue', glue);
  out.set(glueName, glue);
  const bytes = carrierModule(wasm);
  const bytesName = hashedName('wasm', bytes);
  out.set(bytesName, bytes);
  const modules = textsModules(texts);
  for (const { name, source } of modules) out.set(name, source);
  const map = modules.length > 0 ? textsMap(modules) : null;
  const readerFiles = reader && !loaderOnly
    ? { glueFile: reader.glueName, glueSource: read(reader.glueName, 'utf8'), wasm: read(reader.wasmName) }
    : null;
  let readerName = null;
  if (readerFiles) {
    const module = await readerModule(readerFiles);
    readerName = module.name;
    out.set(module.name, module.source);
  }
  const boot = bootModule({ glueName, bytesName, textsMap: map, readerName });
  const bootName = hashedName('boot', boot);
  out.set(bootName, boot);
  const pageHtml = withoutTrunkLoader(read('index.html', 'utf8'));
  out.set('index.html', shippedPage(pageHtml, { trunkGlueName, glue, glueName, bootName }));

  if (!loaderOnly) {
    if (!cssName) throw new Error(`no style-*.css in ${dir}`);
    out.set('ndr-explainer-element.js', elementModule(elementSource(), { glueName, bytesName, cssName, textsMap: map, readerName }));
    out.set('ndr-explainer.html', singleFile(pageHtml, { css: read(cssName, 'utf8'), glueFile: trunkGlueName, glueSource, wasm, texts, reader: readerFiles }));
  }

  for (const [name, text] of out) writeFileSync(join(dir, name), text);
  for (const name of [trunkGlueName, wasmName, reader?.glueName, reader?.wasmName]) if (name) rmSync(join(dir, name));
  const extras = loaderOnly ? '' : `, reader ${readerName}, element, single file`;
  console.log(`postbuild: ${wasmName} (${wasm.length} bytes) -> ${bytesName}, loader ${bootName}${extras}`);
}

try {
  await postbuild(process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist', Boolean(process.env.NDR_POSTBUILD_LOADER_ONLY));
} catch (error) {
  console.error(`postbuild: ${error.message}`);
  process.exit(1);
}
