// The Zendesk app package, dist/ndr-explainer-zendesk.zip: what an admin
// uploads as a private app (Admin Center > Apps and integrations > Zendesk
// Support apps > Upload private app). It holds integrations/zendesk/ (the
// manifest, its translations, the sidebar page and its script, the icons),
// the widget as the release build made it (the custom element and the files
// it loads), and the ZAF SDK as one script of the package (zaf-sdk.mjs), so
// that the page loads nothing from outside the package.
//
// Run by scripts/build.sh after the release build: node scripts/build/zendesk.mjs [DIST]
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readSdk, sdkScript } from './zaf-sdk.mjs';
import { zip } from './zip.mjs';

/** Where the app's own files are. */
export const APP_SOURCE = fileURLToPath(new URL('../../integrations/zendesk/', import.meta.url));
/** The package's name in dist/. */
export const PACKAGE = 'ndr-explainer-zendesk.zip';

/** The release build's files the element needs: itself, the glue, the wasm's carrier, the texts, the parser module and the stylesheet. */
export const WIDGET_FILE = /^(ndr-explainer-element\.js|(glue|wasm|texts-[a-z]{2}|reader)-[0-9a-f]{16}\.js|style-[0-9a-f]+\.css)$/;

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
function walk(dir) {
  const out = [];
  const visit = (at) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) visit(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  visit(dir);
  return out;
}

/**
 * The package's files, a Map from path to bytes: the app's source from
 * `source`, the widget's files of `dist` under assets/, and the SDK.
 */
export async function zendeskFiles({ dist, source = APP_SOURCE, sdk = readSdk() }) {
  const files = new Map();
  for (const path of walk(source)) files.set(path, readFileSync(join(source, path)));
  const widget = readdirSync(dist).filter((name) => WIDGET_FILE.test(name)).sort();
  if (!widget.includes('ndr-explainer-element.js')) throw new Error(`${dist} has no ndr-explainer-element.js: run the release build first`);
  for (const name of widget) files.set(`assets/${name}`, readFileSync(join(dist, name)));
  files.set('assets/zaf_sdk.js', Buffer.from(`${await sdkScript(sdk.sources)}\n`));
  files.set('assets/zaf_sdk.LICENSE.txt', Buffer.from(
    `The Zendesk App Framework SDK ${sdk.version} (assets/zaf_sdk.js, from the npm package zendesk_app_framework_sdk) is under this licence:\n\n${sdk.licence}`));
  return files;
}

/** Writes the package into `dist`; returns its path and its files' names. */
export async function writeZendeskPackage(dist) {
  const files = await zendeskFiles({ dist });
  const path = join(dist, PACKAGE);
  writeFileSync(path, zip(files));
  return { path, names: [...files.keys()] };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { path, names } = await writeZendeskPackage(process.argv[2] ?? 'dist');
    console.log(`zendesk: ${path} (${names.length} files)`);
  } catch (error) {
    console.error(`zendesk: ${error.message}`);
    process.exit(1);
  }
}
