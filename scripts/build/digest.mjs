// Content hashes in the names of the files the build writes (so a changed
// file gets a new name and no cache serves a stale one) and in the page's
// integrity attributes and Content-Security-Policy.
import { createHash } from 'node:crypto';

/** `<stem>-<first 16 hex digits of the SHA-256 of text>.js`. */
export const hashedName = (stem, text) => `${stem}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.js`;

/** The Subresource Integrity value of `text` (`sha384-…`). */
export const integrity = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

/** The CSP source that allows exactly the inline script or style `text` (`'sha256-…'`). */
export const cspHash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
