// Trunk's post-build step (Trunk.toml): makes the bundle run under the page's
// Content-Security-Policy, which forbids inline scripts and every connection
// (so the wasm cannot be fetch()ed as Trunk's loader does), and adds the two
// other ways of shipping the widget. Each job is a module of scripts/build/;
// this file reads Trunk's output, runs them in order and writes the result:
//   1. wasm-sections.mjs  each language's texts out of the wasm
//   2. glue.mjs           wasm-bindgen's glue, minified
//   3. carrier.mjs        the wasm inside a same-origin module
//   4. texts.mjs          one module per language
//   5. page.mjs           the boot module and index.html
//   6. element.mjs        ndr-explainer-element.js, the <ndr-explainer> element
//   7. single-file.mjs    ndr-explainer.html, the whole widget in one file
// With NDR_POSTBUILD_LOADER_ONLY=1 (the bare Yew page of the benchmarks,
// which has no texts) it stops after step 5.
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
import { hashedName } from './build/digest.mjs';

/** The files of Trunk's output this step reads; throws if the wasm and its glue are not there. */
function trunkOutput(dir) {
  const files = readdirSync(dir);
  const wasmName = files.find((f) => f.endsWith('_bg.wasm'));
  const trunkGlueName = wasmName && files.find((f) => f === wasmName.replace(/_bg\.wasm$/, '.js'));
  if (!trunkGlueName) throw new Error(`no wasm/js pair in ${dir}: ${files.join(', ')}`);
  return { wasmName, trunkGlueName, cssName: files.find((f) => /^style-.*\.css$/.test(f)) };
}

async function postbuild(dir, loaderOnly) {
  const { wasmName, trunkGlueName, cssName } = trunkOutput(dir);
  const read = (name, encoding) => readFileSync(join(dir, name), encoding);
  const out = new Map();

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
  const boot = bootModule({ glueName, bytesName, textsMap: map });
  const bootName = hashedName('boot', boot);
  out.set(bootName, boot);
  const pageHtml = withoutTrunkLoader(read('index.html', 'utf8'));
  out.set('index.html', shippedPage(pageHtml, { trunkGlueName, glue, glueName, bootName }));

  if (!loaderOnly) {
    if (!cssName) throw new Error(`no style-*.css in ${dir}`);
    out.set('ndr-explainer-element.js', elementModule(elementSource(), { glueName, bytesName, cssName, textsMap: map }));
    out.set('ndr-explainer.html', singleFile(pageHtml, { css: read(cssName, 'utf8'), glueFile: trunkGlueName, glueSource, wasm, texts }));
  }

  for (const [name, text] of out) writeFileSync(join(dir, name), text);
  rmSync(join(dir, trunkGlueName));
  rmSync(join(dir, wasmName));
  const extras = loaderOnly ? '' : ', element, single file';
  console.log(`postbuild: ${wasmName} (${wasm.length} bytes) -> ${bytesName}, loader ${bootName}${extras}`);
}

try {
  await postbuild(process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist', Boolean(process.env.NDR_POSTBUILD_LOADER_ONLY));
} catch (error) {
  console.error(`postbuild: ${error.message}`);
  process.exit(1);
}
