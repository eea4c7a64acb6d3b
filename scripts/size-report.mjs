// What a browser downloads for the widget's first load: the page and every
// script and stylesheet it pulls in (followed through imports), raw, gzip -9
// and brotli. The explanations of a language (its texts module) are not part
// of it: the widget loads them with the first input, one language at a time;
// the report gives each, and the total with the first input per language.
// Nor is the parser's module (every shape of input, .msg items included),
// also loaded with the first input: the report gives it on a line of its own.
// Usage: node scripts/size-report.mjs [DIST]. Also imported by tests/budget.test.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** The files one file makes the browser fetch (HTML links and scripts, JS static imports). */
function references(name, text) {
  const found = [];
  if (name.endsWith('.html')) {
    for (const m of text.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\.\/([^"]+)"/g)) found.push(m[1]);
  } else if (name.endsWith('.js')) {
    for (const m of text.matchAll(/(?:^|\n)\s*import\b[^'"(]*['"]\.\/([^'"]+)['"]/g)) found.push(m[1]);
  }
  return found;
}

function measure(dist, name) {
  const bytes = readFileSync(join(dist, name));
  return {
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/**
 * The first load of `dist`: `files` (what every page downloads before it is
 * ready), `texts` (the texts module of each language, loaded with the first
 * input), `reader` (the parser's module, loaded with the first input too;
 * null if no file names it), `total` (the first load) and `withTexts` by
 * language (the first load, the texts and the parser).
 */
export function firstLoad(dist = 'dist') {
  const seen = new Set();
  const files = [];
  const texts = {};
  let reader = null;
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    files.push(measure(dist, name));
    const text = readFileSync(join(dist, name), 'latin1');
    // The boot module names each language's texts module: `const texts = {...}`.
    const map = text.match(/^const texts = (\{[^}]*\});$/m);
    if (map) {
      for (const [lang, path] of Object.entries(JSON.parse(map[1]))) {
        texts[lang] = measure(dist, path.replace(/^\.\//, ''));
      }
    }
    // It names the reader's module too: `const reader = "./reader-<hash>.js";`.
    const named = text.match(/^const reader = ("\.\/[^"]+");$/m);
    if (named) reader = measure(dist, JSON.parse(named[1]).replace(/^\.\//, ''));
    for (const next of references(name, text)) visit(next);
  };
  visit('index.html');
  const sum = (rows, key) => rows.reduce((total, row) => total + row[key], 0);
  const totalOf = (rows) => ({ raw: sum(rows, 'raw'), gzip: sum(rows, 'gzip'), brotli: sum(rows, 'brotli') });
  const withTexts = {};
  for (const [lang, row] of Object.entries(texts)) withTexts[lang] = totalOf([...files, row, ...(reader ? [reader] : [])]);
  return { files, texts, reader, total: totalOf(files), withTexts };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files, texts, reader, total, withTexts } = firstLoad(process.argv[2] ?? 'dist');
  const pad = (v, n) => String(v).padStart(n);
  const line = (label, r) => console.log(`${label.padEnd(44)}${pad(r.raw, 10)}${pad(r.gzip, 10)}${pad(r.brotli, 10)}`);
  console.log(`${'file'.padEnd(44)}${pad('raw', 10)}${pad('gzip', 10)}${pad('brotli', 10)}`);
  for (const r of files) line(r.name, r);
  line('total, first load (every language)', total);
  for (const [lang, r] of Object.entries(texts)) line(`${r.name} (with the first input, ${lang})`, r);
  for (const [lang, r] of Object.entries(withTexts)) line(`total with the first input in ${lang}`, r);
  if (reader) line(`${reader.name} (with the first input)`, reader);
}
