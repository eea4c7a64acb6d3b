// The reader step (scripts/build/reader.mjs): the parser as one
// module whose default export is the glue's `analyse`, ready, with the wasm
// inside; the same pieces inline for the single file, made on first use; no
// default wasm address left in either. What the reader does in a page is
// tested end to end (tests/e2e/outlook.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inlineReader, readerGlue, readerModule } from '../../scripts/build/reader.mjs';
import { ReplaceError } from '../../scripts/build/replace.mjs';
import { READER_GLUE, READER_GLUE_FILE } from './trunk-page.mjs';

// Every byte value, and those a carrier avoids, so the round trip is whole.
const WASM = Uint8Array.from({ length: 600 }, (_, i) => (i * 7) % 256);
const INPUT = { glueFile: READER_GLUE_FILE, glueSource: READER_GLUE, wasm: WASM };

/** Imports `source` as a module from a file of its own; `run(module)` then uses it. */
async function withModule(source, run) {
  const dir = mkdtempSync(join(tmpdir(), 'ndr-reader-'));
  try {
    const file = join(dir, 'module.mjs');
    writeFileSync(file, source);
    await run(await import(pathToFileURL(file).href));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the module is named by its content and its default export reads with the wasm it carries', async () => {
  const { name, source } = await readerModule(INPUT);
  assert.match(name, /^reader-[0-9a-f]{16}\.js$/);
  assert.equal((await readerModule(INPUT)).name, name, 'the same input, the same name');
  assert.notEqual((await readerModule({ ...INPUT, wasm: WASM.subarray(1) })).name, name);
  assert.doesNotMatch(source, /\bimport\b|_bg\.wasm|new URL/, 'the module loads nothing');
  await withModule(source, async (module) => {
    const item = Uint8Array.of(0xd0, 0xcf);
    const answer = module.default(item);
    assert.deepEqual([...answer.wasm], [...WASM]);
    assert.equal(answer.input, item);
  });
});

test('the single file\'s reader is made the first time it is asked, once', async () => {
  const script = inlineReader(INPUT);
  assert.doesNotMatch(script, /_bg\.wasm|^export /m);
  await withModule(`${script}\nexport { reader };\n`, async ({ reader }) => {
    const before = globalThis.readerInits ?? 0;
    await Promise.resolve();
    assert.equal(globalThis.readerInits ?? 0, before, 'made before it was asked');
    const first = (await reader())('a');
    const second = (await reader())('b');
    assert.equal(globalThis.readerInits, before + 1);
    assert.deepEqual([...first.wasm], [...WASM]);
    assert.deepEqual([first.input, second.input], ['a', 'b']);
  });
});

test('a glue without its default wasm address fails the build, naming the file', () => {
  assert.throws(() => readerGlue(READER_GLUE_FILE, READER_GLUE.replace(/new URL\([^)]*\)/, "'x.wasm'")),
    (e) => e instanceof ReplaceError && e.file === READER_GLUE_FILE && /_bg/.test(e.message));
  assert.throws(() => readerGlue(READER_GLUE_FILE, 'let wasm;\n'), (e) => e instanceof ReplaceError && e.file === READER_GLUE_FILE);
});
