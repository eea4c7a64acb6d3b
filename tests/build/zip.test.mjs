// The zip writer and reader of scripts/build/zip.mjs: round trips, the same
// bytes for the same files, a known CRC, Debian's unzip agreeing, and the
// reader refusing damaged archives with the byte where it stopped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, unzip, zip, ZipFormatError } from '../../scripts/build/zip.mjs';

const FILES = new Map([
  ['manifest.json', '{"name":"x"}'],
  ['assets/every-byte.bin', Buffer.from(Array.from({ length: 256 }, (_, i) => i))],
  ['assets/empty.txt', ''],
  ['translations/fr.json', '{"app":{"name":"Explication à côté du ticket"}}'],
  ['assets/large.txt', 'ligne de texte\n'.repeat(20_000)],
]);

test('what is written is read back, file by file, in order', () => {
  const back = unzip(zip(FILES));
  assert.deepEqual([...back.keys()], [...FILES.keys()]);
  for (const [name, content] of FILES) assert.deepEqual(back.get(name), Buffer.from(content), name);
});

test('the same files give the same bytes', () => {
  assert.deepEqual(zip(FILES), zip(new Map(FILES)));
});

test('the CRC-32 is the standard one', () => {
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
  assert.equal(crc32(Buffer.alloc(0)), 0);
});

test('Debian’s unzip reads the archive and finds it sound', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ndr-zip-'));
  try {
    const file = join(dir, 'test.zip');
    writeFileSync(file, zip(FILES));
    const report = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
    assert.match(report, /No errors detected/);
    assert.equal(execFileSync('unzip', ['-p', file, 'translations/fr.json'], { encoding: 'utf8' }), FILES.get('translations/fr.json'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('paths that would leave the folder are refused', () => {
  for (const name of ['/etc/passwd', '../up.txt', 'assets/../../up.txt', '']) {
    assert.throws(() => zip(new Map([[name, 'x']])), /not a relative path/, name);
  }
});

test('a damaged archive is refused, never read past its end', () => {
  const bytes = zip(FILES);
  assert.throws(() => unzip(bytes.subarray(0, 100)), ZipFormatError);
  assert.throws(() => unzip(Buffer.from('not a zip at all')), /no end-of-directory record/);
  // A byte of the first file's data (after its 30-byte header and its name).
  const flipped = Buffer.from(bytes);
  flipped[30 + 'manifest.json'.length + 2] ^= 0xff;
  assert.throws(() => unzip(flipped), ZipFormatError);
  for (let cut = 0; cut < bytes.length; cut += 997) {
    assert.throws(() => unzip(bytes.subarray(0, cut)), ZipFormatError, `cut at ${cut}`);
  }
});
