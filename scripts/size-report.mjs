// Prints what a browser downloads for the widget's first load (the page, and
// every script and stylesheet it pulls in, followed through imports), raw,
// gzip -9 and brotli. Usage: node scripts/size-report.mjs [DIST]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';

/** The files one file makes the browser fetch (HTML links and scripts, JS imports). */
function references(name, text) {
  const found = [];
  if (name.endsWith('.html')) {
    for (const m of text.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\.\/([^"]+)"/g)) found.push(m[1]);
  } else if (name.endsWith('.js')) {
    for (const m of text.matchAll(/(?:^|\n)\s*import\b[^'"]*['"]\.\/([^'"]+)['"]/g)) found.push(m[1]);
  }
  return found;
}

const seen = new Set();
const rows = [];
const visit = (name) => {
  if (seen.has(name)) return;
  seen.add(name);
  const bytes = readFileSync(join(dist, name));
  rows.push({
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
  for (const next of references(name, bytes.toString('latin1'))) visit(next);
};
visit('index.html');

const pad = (v, n) => String(v).padStart(n);
console.log(`${'file'.padEnd(44)}${pad('raw', 10)}${pad('gzip', 10)}${pad('brotli', 10)}`);
for (const r of rows) console.log(`${r.name.padEnd(44)}${pad(r.raw, 10)}${pad(r.gzip, 10)}${pad(r.brotli, 10)}`);
const sum = (k) => rows.reduce((t, r) => t + r[k], 0);
console.log(`${'total (first load)'.padEnd(44)}${pad(sum('raw'), 10)}${pad(sum('gzip'), 10)}${pad(sum('brotli'), 10)}`);
