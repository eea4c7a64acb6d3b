// Reading the sections of a wasm module, to take each language's texts out
// of it. The widget's build puts them in custom sections named
// `ndr-texts-<lang>` (src/main.rs) so that one wasm carries them through
// wasm-bindgen and wasm-opt; the page then ships them as a module per
// language and the wasm without them.
//
// The reader trusts nothing it reads: every length is checked against what
// is left of the module, so a truncated or malformed file gives an error
// naming the byte where it went wrong, never a read past the end or a loop.

/** A wasm module that cannot be read: `offset` is where reading stopped. */
export class WasmFormatError extends Error {
  constructor(offset, problem) {
    super(`wasm, byte ${offset}: ${problem}`);
    this.name = 'WasmFormatError';
    this.offset = offset;
  }
}

const MAGIC = [0x00, 0x61, 0x73, 0x6d];
const VERSION = [0x01, 0x00, 0x00, 0x00];
const HEADER_LENGTH = 8;
const CUSTOM = 0;

/**
 * Reads an unsigned LEB128 number of at most 32 bits (the width of every
 * length in the format: at most 5 bytes) at `at`, before `limit` (the end of
 * the module or of the section it is in). Returns it and where the next
 * field starts.
 */
export function readU32(bytes, at, limit, what) {
  let value = 0;
  for (let i = 0; i < 5; i += 1) {
    if (at + i >= limit) throw new WasmFormatError(at, `${what} is cut off at byte ${limit}`);
    const byte = bytes[at + i];
    value += (byte & 0x7f) * 2 ** (7 * i);
    if (byte < 0x80) {
      if (value > 0xffff_ffff) throw new WasmFormatError(at, `${what} does not fit in 32 bits`);
      return { value, next: at + i + 1 };
    }
  }
  throw new WasmFormatError(at, `${what} is longer than the 5 bytes a 32-bit number takes`);
}

/**
 * The sections of `module` in order: `{ id, start, end }` (the section's
 * bytes, id and size included), and for custom sections `name` and
 * `contentStart` (where the bytes after the name begin). Throws a
 * WasmFormatError when the header is wrong or a section does not fit.
 */
export function sections(module) {
  if (module.length < HEADER_LENGTH) throw new WasmFormatError(module.length, `a module is at least ${HEADER_LENGTH} bytes, this one is ${module.length}`);
  if (!MAGIC.every((b, i) => module[i] === b)) throw new WasmFormatError(0, 'no \\0asm magic number: not a wasm module');
  if (!VERSION.every((b, i) => module[4 + i] === b)) throw new WasmFormatError(4, 'not version 1 of the binary format');
  const found = [];
  let at = HEADER_LENGTH;
  while (at < module.length) {
    const start = at;
    const id = module[at];
    const size = readU32(module, at + 1, module.length, `the size of section ${id}`);
    const end = size.next + size.value;
    if (end > module.length) {
      throw new WasmFormatError(start, `section ${id} claims ${size.value} bytes, only ${module.length - size.next} remain`);
    }
    const section = { id, start, end };
    if (id === CUSTOM) {
      const nameLength = readU32(module, size.next, end, 'the name length of a custom section');
      section.contentStart = nameLength.next + nameLength.value;
      if (section.contentStart > end) {
        throw new WasmFormatError(size.next, `a custom section's name claims ${nameLength.value} bytes, only ${end - nameLength.next} remain in the section`);
      }
      section.name = new TextDecoder().decode(module.subarray(nameLength.next, section.contentStart));
    }
    found.push(section);
    at = end;
  }
  return found;
}

const TEXTS_SECTION = /^ndr-texts-([a-z]+)$/;

/**
 * Takes the custom sections named `ndr-texts-<lang>` out of `module`:
 * returns the module without them (every other byte as it was) and the
 * texts by language. Throws when a language comes twice or its texts are
 * not UTF-8.
 */
export function takeTexts(module) {
  const kept = [module.subarray(0, HEADER_LENGTH)];
  const texts = {};
  for (const section of sections(module)) {
    const lang = section.id === CUSTOM ? section.name.match(TEXTS_SECTION)?.[1] : undefined;
    if (!lang) {
      kept.push(module.subarray(section.start, section.end));
      continue;
    }
    if (Object.hasOwn(texts, lang)) throw new WasmFormatError(section.start, `a second ${section.name} section`);
    try {
      texts[lang] = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(module.subarray(section.contentStart, section.end));
    } catch {
      throw new WasmFormatError(section.contentStart, `the ${section.name} section is not UTF-8`);
    }
  }
  return { module: Buffer.concat(kept), texts };
}
