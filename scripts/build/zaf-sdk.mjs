// The Zendesk App Framework SDK (npm package zendesk_app_framework_sdk,
// Apache-2.0) as one script of the app's own package, so that the app page
// loads nothing from outside it. The package ships the SDK as CommonJS
// sources (lib/); this step wraps them, as its own build does, in a loader
// that defines ZAFClient, and minifies the result without comments (which
// name outside addresses). The licence goes into the package as a file.
//
// The SDK's Promise polyfill (lib/vendor) is left out: it is required only
// where window.Promise is missing, and every browser the widget runs in has
// it; the loader throws, naming the module, if it is ever asked for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

/** Where npm puts the SDK. */
export const SDK_DIR = new URL('../../node_modules/zendesk_app_framework_sdk/', import.meta.url).pathname;

/** The SDK modules the loader carries (paths inside lib/, without `.js`), its entry first. */
export const SDK_MODULES = ['index', 'client', 'utils'];

/**
 * A classic script that runs `index` with CommonJS `require`, `module` and
 * `exports`, each module once, and sets `window.ZAFClient` to its export.
 * `sources` maps a module name to its source.
 */
export function loaderScript(sources) {
  const modules = Object.entries(sources)
    .map(([name, source]) => `${JSON.stringify(name)}: function (module, exports, require) {\n${source}\n}`)
    .join(',\n');
  return `(function () {
'use strict';
var modules = {
${modules}
};
var cache = {};
function load(from, request) {
  var name = normal(from, request);
  if (cache[name]) return cache[name].exports;
  if (!Object.prototype.hasOwnProperty.call(modules, name)) throw new Error('zaf_sdk.js: module ' + name + ' is not bundled');
  var module = cache[name] = { exports: {} };
  modules[name].call(module.exports, module, module.exports, function (next) { return load(name, next); });
  return module.exports;
}
function normal(from, request) {
  var parts = from.split('/').slice(0, -1).concat(request.split('/'));
  var out = [];
  parts.forEach(function (part) { if (part === '..') out.pop(); else if (part !== '.' && part !== '') out.push(part); });
  return out.join('/');
}
window.ZAFClient = load('index', './index');
})();
`;
}

/** The SDK's version, sources and licence, read from `dir` (its npm folder). */
export function readSdk(dir = SDK_DIR) {
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const sources = Object.fromEntries(SDK_MODULES.map((name) => [name, readFileSync(join(dir, 'lib', `${name}.js`), 'utf8')]));
  return { version, sources, licence: readFileSync(join(dir, 'LICENSE'), 'utf8') };
}

/** The SDK as one minified classic script, no comment kept. */
export async function sdkScript(sources) {
  const { code } = await minify(loaderScript(sources), { compress: true, mangle: true, format: { comments: false } });
  return code;
}
