// The reader of the wasm's custom sections (scripts/build/wasm-sections.mjs):
// it takes each language's texts out and keeps every other byte, and on a
// truncated or malformed module it stops with an error, never a loop or a
// read past the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WasmFormatError, readU32, sections, takeTexts } from '../../scripts/build/wasm-sections.mjs';
import { CODE, FUNCTIONS, TYPES, custom, section, uleb, wasmModule } from './wasm-fixture.mjs';

const EN = 'title = "Access denied"\n« quoted » \\ "double" </script>';
const FR = 'title = "Accès refusé"\nÉtape 1 sur 3 — « guillemets »';
const WITH_TEXTS = wasmModule(TYPES, custom('ndr-texts-en', EN), FUNCTIONS, custom('producers', [1, 2, 3]), CODE, custom('ndr-texts-fr', FR), custom('name', [0]));
const WITHOUT = wasmModule(TYPES, FUNCTIONS, custom('producers', [1, 2, 3]), CODE, custom('name', [0]));

test('the texts come out by language and every other byte stays, in order', () => {
  assert.ok(WebAssembly.validate(WITH_TEXTS), 'the fixture is a valid module');
  const { module, texts } = takeTexts(WITH_TEXTS);
  assert.deepEqual(texts, { en: EN, fr: FR });
  assert.deepEqual(module, WITHOUT);
  assert.ok(WebAssembly.validate(module), 'what is left is a valid module');
});

test('custom sections that are not ndr-texts-<lang> stay, even with a close name', () => {
  const input = wasmModule(TYPES, custom('ndr-texts-EN', 'x'), custom('ndr-texts-', 'y'), custom('ndr-texts-en-extra', 'z'), FUNCTIONS, CODE);
  const { module, texts } = takeTexts(input);
  assert.deepEqual(texts, {});
  assert.deepEqual(module, input);
});

test('a tag that is also the name of an object property is a language like any other', () => {
  assert.deepEqual(takeTexts(wasmModule(custom('ndr-texts-constructor', 'x'))).texts, { constructor: 'x' });
});

test('the sections are listed with their bounds and names', () => {
  const input = wasmModule(TYPES, custom('ndr-texts-en', 'abc'));
  assert.deepEqual(sections(input), [
    { id: 1, start: 8, end: 8 + TYPES.length },
    { id: 0, start: 8 + TYPES.length, end: input.length, name: 'ndr-texts-en', contentStart: input.length - 3 },
  ]);
});

test('a text section larger than 127 bytes (a multi-byte size) is read whole', () => {
  const long = 'é'.repeat(70_000);
  const { texts } = takeTexts(wasmModule(TYPES, custom('ndr-texts-fr', long), FUNCTIONS, CODE));
  assert.equal(texts.fr, long);
});

test('every truncation of a module gives a clear error or, cut between sections, the sections before the cut', { timeout: 10_000 }, () => {
  const boundaries = new Set([8, ...sections(WITH_TEXTS).map((s) => s.end)]);
  for (let length = 0; length < WITH_TEXTS.length; length += 1) {
    const cut = WITH_TEXTS.subarray(0, length);
    if (boundaries.has(length)) {
      assert.doesNotThrow(() => takeTexts(cut), `cut at ${length}, between two sections`);
      continue;
    }
    assert.throws(() => takeTexts(cut), (error) => {
      assert.ok(error instanceof WasmFormatError, `cut at ${length}: ${error}`);
      assert.ok(error.offset <= length, `cut at ${length}: the error points at byte ${error.offset}`);
      assert.match(error.message, /^wasm, byte \d+: /);
      return true;
    }, `cut at ${length}`);
  }
});

test('malformed modules are refused with what is wrong and where', () => {
  const cases = [
    [Buffer.from('<!DOCTYPE html>'), /byte 0: no \\0asm magic number/],
    [Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x02, 0x00, 0x00, 0x00]), /byte 4: not version 1/],
    [wasmModule([1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]), /byte 9: the size of section 1 is longer than the 5 bytes/],
    [wasmModule([1, 0xff, 0xff, 0xff, 0xff, 0x7f]), /byte 9: the size of section 1 does not fit in 32 bits/],
    [wasmModule([1, 0xff, 0xff, 0xff, 0xff, 0x0f]), /byte 8: section 1 claims 4294967295 bytes, only 0 remain/],
    [wasmModule(section(0, [...uleb(40), 0x61])), /byte 10: a custom section's name claims 40 bytes, only 1 remain/],
    [wasmModule(section(0, [0x80, 0x80])), /byte 10: the name length of a custom section is cut off at byte 12/],
    [wasmModule(custom('ndr-texts-en', 'a'), custom('ndr-texts-en', 'b')), /a second ndr-texts-en section/],
    [wasmModule(custom('ndr-texts-fr', [0x41, 0xc3, 0x28])), /the ndr-texts-fr section is not UTF-8/],
  ];
  for (const [input, message] of cases) {
    assert.throws(() => takeTexts(input), (error) => error instanceof WasmFormatError && message.test(error.message), String(message));
  }
});

test('a run of garbage after a valid module ends with an error, not a loop', { timeout: 10_000 }, () => {
  for (const filler of [0x00, 0x80, 0xff]) {
    const input = Buffer.concat([WITHOUT, Buffer.alloc(1000, filler)]);
    assert.throws(() => takeTexts(input), WasmFormatError);
  }
});

test('LEB128 numbers are read as the format writes them', () => {
  assert.deepEqual(readU32(Buffer.from([0xe5, 0x8e, 0x26]), 0, 3, 'x'), { value: 624485, next: 3 });
  assert.deepEqual(readU32(Buffer.from([0x00]), 0, 1, 'x'), { value: 0, next: 1 });
  assert.deepEqual(readU32(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f]), 0, 5, 'x'), { value: 0xffff_ffff, next: 5 });
  assert.deepEqual(readU32(Buffer.from(uleb(300)), 0, 2, 'x'), { value: 300, next: 2 });
  assert.throws(() => readU32(Buffer.from([0x80, 0x01]), 0, 1, 'the size'), /the size is cut off at byte 1/);
});
