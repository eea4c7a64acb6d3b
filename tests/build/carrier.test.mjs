// The byte-to-character carrier (scripts/build/carrier.mjs): the wasm
// travels as a string literal in a script, and the script gives back every
// byte value exactly, in a module file and inside an HTML page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AVOIDED_IN_FILE, AVOIDED_IN_HTML, byFrequency, carrierModule, carrierScript, characterOf } from '../../scripts/build/carrier.mjs';

/** Every byte value, each a different number of times, in a scattered order. */
function everyByte() {
  const bytes = [];
  for (let value = 0; value < 256; value += 1) {
    for (let n = 0; n <= (value * 37) % 11; n += 1) bytes.push(value);
  }
  for (let i = bytes.length - 1; i > 0; i -= 1) {
    const j = (i * 7919) % (i + 1);
    [bytes[i], bytes[j]] = [bytes[j], bytes[i]];
  }
  return Uint8Array.from(bytes);
}

const importModule = (source) => import(`data:text/javascript;base64,${Buffer.from(source, 'utf8').toString('base64')}`);
const literalOf = (script) => script.slice('const s="'.length, script.indexOf('"', 'const s="'.length));

test('the module file gives back every byte value', async () => {
  const bytes = everyByte();
  const { default: carried } = await importModule(carrierModule(bytes));
  assert.ok(carried instanceof Uint8Array);
  assert.deepEqual(carried, bytes);
});

test('the inline script gives back every byte value', () => {
  const bytes = everyByte();
  const carried = new Function(`${carrierScript(bytes, { inHtml: true })}return u;`)();
  assert.deepEqual(carried, bytes);
});

test('nothing and one byte are carried too', async () => {
  for (const bytes of [new Uint8Array(0), Uint8Array.of(0x22), Uint8Array.of(0x3c)]) {
    assert.deepEqual((await importModule(carrierModule(bytes))).default, bytes);
    assert.deepEqual(new Function(`${carrierScript(bytes, { inHtml: true })}return u;`)(), bytes);
  }
});

test('the literal holds no character that would need an escape, in a file or in a page', () => {
  const bytes = everyByte();
  for (const [inHtml, avoided] of [[false, AVOIDED_IN_FILE], [true, AVOIDED_IN_HTML]]) {
    const literal = literalOf(carrierScript(bytes, { inHtml }));
    assert.equal(literal.length, bytes.length, 'one character per byte');
    for (const code of avoided) {
      assert.ok(!literal.includes(String.fromCharCode(code)), `U+${code.toString(16).padStart(4, '0')} in the literal (inHtml: ${inHtml})`);
    }
  }
});

test('the most frequent byte values are carried by one-byte (ASCII) characters', () => {
  const bytes = everyByte();
  for (const avoided of [AVOIDED_IN_FILE, AVOIDED_IN_HTML]) {
    const charOf = characterOf(bytes, avoided);
    const ascii = 128 - avoided.length;
    const ranking = byFrequency(bytes);
    assert.ok(ranking.slice(0, ascii).every((byte) => charOf[byte] < 0x80), 'a frequent byte got a two-byte character');
    assert.ok(ranking.slice(ascii).every((byte) => charOf[byte] >= 0x80));
    assert.equal(new Set(charOf).size, 256, 'each byte value has its own character');
  }
});

test('byte values are ranked by frequency, ties by value', () => {
  const ranking = byFrequency(Uint8Array.of(5, 9, 9, 5, 9, 200));
  assert.deepEqual(ranking.slice(0, 4), [9, 5, 200, 0]);
  assert.equal(ranking.length, 256);
});
