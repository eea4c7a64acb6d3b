// Small wasm modules written byte by byte, for the tests of the build's
// wasm reader: a valid module (one empty function) with custom sections
// wherever a test wants them.

/** `n` as unsigned LEB128. */
export function uleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return out;
}

/** A section: its id, its size, its bytes. */
export const section = (id, body) => [id, ...uleb(body.length), ...body];

/** A custom section named `name` holding `content` (a string, written as UTF-8, or bytes). */
export function custom(name, content) {
  const nameBytes = [...Buffer.from(name, 'utf8')];
  const bytes = typeof content === 'string' ? [...Buffer.from(content, 'utf8')] : [...content];
  return section(0, [...uleb(nameBytes.length), ...nameBytes, ...bytes]);
}

export const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
/** Type section: one function type, () -> (). */
export const TYPES = section(1, [0x01, 0x60, 0x00, 0x00]);
/** Function section: one function of type 0. */
export const FUNCTIONS = section(3, [0x01, 0x00]);
/** Code section: that function's body, no locals, `end`. */
export const CODE = section(10, [0x01, 0x02, 0x00, 0x0b]);

/** A module of the header and `sections` in order. */
export const wasmModule = (...sections) => Buffer.from([...HEADER, ...sections.flat()]);
