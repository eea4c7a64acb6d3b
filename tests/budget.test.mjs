// The first-load byte budget of the release build (dist/): what a browser
// downloads before the widget is ready, gzip -9. A language's explanations
// (its texts module) and the parser's module come with the first input,
// not with the page.
// Bytes are deterministic, so unlike speed this is a test. See README, "Size".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstLoad } from '../scripts/size-report.mjs';

// Issue 7 asks for 130 KB. The build is not there yet (README, "Size"):
// this ceiling holds what has been reached (150,162 B once the parser became
// a module of its own and the multi-file view came in), so that no change
// grows it.
const BUDGET_GZIP = 147 * 1024;

test('the first load stays within the byte budget', () => {
  const { total, texts } = firstLoad('dist');
  assert.deepEqual(Object.keys(texts).sort(), ['en', 'fr'], 'one texts module per language');
  assert.ok(total.gzip <= BUDGET_GZIP,
    `first load: ${total.gzip} bytes gzip, over the ${BUDGET_GZIP}-byte budget`);
});

test('the wasm carries no texts: each language arrives in its own module', () => {
  const { files, texts } = firstLoad('dist');
  const shipped = files.find((f) => /^wasm-[0-9a-f]+\.js$/.test(f.name));
  assert.ok(shipped, 'the wasm module is part of the first load');
  for (const row of Object.values(texts)) {
    assert.ok(row.raw > 50_000, `${row.name} holds a language's texts`);
  }
  assert.ok(shipped.raw < 400_000, `the wasm module is ${shipped.raw} bytes: were the texts embedded again?`);
});

test('the parser is a module of its own, named by the page and outside the first load', () => {
  const { files, reader } = firstLoad('dist');
  assert.ok(reader, 'the boot module names the reader module');
  assert.match(reader.name, /^reader-[0-9a-f]{16}\.js$/);
  assert.ok(!files.some((f) => f.name === reader.name), 'the reader is part of the first load');
  // The parser with every reader of every shape, .msg included; standing
  // alone it carries its own allocator and standard library.
  assert.ok(reader.gzip > 20_000 && reader.gzip < 120_000, `the parser module is ${reader.gzip} bytes gzip`);
});
