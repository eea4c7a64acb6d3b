// The wasm shipped inside a same-origin script. The page's policy has
// connect-src 'none', so the wasm cannot be fetch()ed as Trunk's loader does;
// a module script is allowed ('self'), so the bytes travel in one.
//
// Each wasm byte becomes one character of a string literal, so the file
// compresses almost as well as the wasm itself (base64 would cost a third
// more after gzip). Scripts are read as UTF-8, where characters from U+0080
// take two bytes: the most frequent byte values therefore get the one-byte
// characters, and a 256-character table in the script maps back. The quote,
// the backslash and line breaks are never used, so the literal needs no
// escape; inside an HTML page the parser also turns NUL into U+FFFD and could
// end the script at "</script", so there those two are avoided as well.

/** Characters a carrier never uses in a script file: line breaks, `"` and `\`. */
export const AVOIDED_IN_FILE = [0x0a, 0x0d, 0x22, 0x5c];
/** Characters a carrier never uses inside an HTML `<script>`: those of a file, NUL and `<`. */
export const AVOIDED_IN_HTML = [0x00, 0x0a, 0x0d, 0x22, 0x3c, 0x5c];

/** The byte values of `bytes`, the most frequent first (ties: the lower value first). */
export function byFrequency(bytes) {
  const count = new Array(256).fill(0);
  for (const byte of bytes) count[byte] += 1;
  return [...count.keys()].sort((a, b) => count[b] - count[a] || a - b);
}

/**
 * The character that carries each byte value: the `rank`-th most frequent
 * byte gets the `rank`-th character that is not avoided.
 */
export function characterOf(bytes, avoided) {
  const chars = [];
  for (let c = 0; chars.length < 256; c += 1) if (!avoided.includes(c)) chars.push(c);
  const charOf = new Array(256);
  byFrequency(bytes).forEach((byte, rank) => { charOf[byte] = chars[rank]; });
  return charOf;
}

/**
 * Script text that defines `u`, a Uint8Array holding `bytes`: the literal
 * `s`, the table `t` and the loop that maps one back through the other.
 * `inHtml`: the script goes inside an HTML page rather than in a file.
 */
export function carrierScript(bytes, { inHtml = false } = {}) {
  const charOf = characterOf(bytes, inHtml ? AVOIDED_IN_HTML : AVOIDED_IN_FILE);
  const table = String.fromCharCode(...charOf);
  const literal = [];
  for (const byte of bytes) literal.push(String.fromCharCode(charOf[byte]));
  return `const s="${literal.join('')}";` +
    `const t=${JSON.stringify(table)},b=new Uint8Array(512);` +
    'for(let i=0;i<256;i++)b[t.charCodeAt(i)]=i;' +
    'const n=s.length,u=new Uint8Array(n);for(let i=0;i<n;i++)u[i]=b[s.charCodeAt(i)];';
}

/** The ES module whose default export is `bytes` (the page's `wasm-<hash>.js`). */
export const carrierModule = (bytes) => `${carrierScript(bytes)}export default u;\n`;
