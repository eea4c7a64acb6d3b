// Text replacements that fail loudly. The build rewrites files Trunk and
// wasm-bindgen write (index.html, the glue): when one of them changes its
// output, a pattern that quietly matches nothing would ship a page that no
// longer works under its Content-Security-Policy, so every replacement here
// throws, naming the pattern and the file, unless it matched.

/** Why a build step could not rewrite a file: the file and the pattern that did not fit. */
export class ReplaceError extends Error {
  constructor(file, pattern, problem) {
    super(`${file}: ${problem} ${pattern instanceof RegExp ? pattern : JSON.stringify(pattern)}`);
    this.name = 'ReplaceError';
    this.file = file;
    this.pattern = pattern;
  }
}

function occurrences(text, pattern) {
  if (typeof pattern === 'string') return text.split(pattern).length - 1;
  return [...text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))].length;
}

// A string replacement is taken literally: `$&` and friends in it mean nothing.
const literally = (replacement) => (typeof replacement === 'function' ? replacement : () => replacement);

/**
 * Replaces the one place `pattern` (a string or a RegExp without the g flag)
 * occurs in `text`, the contents of `file`. Throws if it occurs nowhere or
 * more than once: either way the file is not the one this step was written for.
 */
export function replaceOnce(file, text, pattern, replacement) {
  if (pattern instanceof RegExp && pattern.global) throw new TypeError('replaceOnce takes a RegExp without the g flag');
  const count = occurrences(text, pattern);
  if (count === 0) throw new ReplaceError(file, pattern, 'nothing matches');
  if (count > 1) throw new ReplaceError(file, pattern, `${count} places match (one expected)`);
  return text.replace(pattern, literally(replacement));
}

/**
 * Replaces every place `pattern` (a string or a RegExp with the g flag)
 * occurs in `text`, the contents of `file`. Throws if it occurs nowhere.
 */
export function replaceEvery(file, text, pattern, replacement) {
  if (pattern instanceof RegExp && !pattern.global) throw new TypeError('replaceEvery takes a RegExp with the g flag');
  if (occurrences(text, pattern) === 0) throw new ReplaceError(file, pattern, 'nothing matches');
  return text.replaceAll(pattern, literally(replacement));
}

/** `text` escaped for use inside a RegExp, so a file name matches only itself. */
export const escapeRegExp = (text) => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
