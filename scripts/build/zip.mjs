// Zip archives, the format help desks take apps in (Zendesk's upload). The
// writer stores every file deflated with one fixed date, so the same files
// always give the same bytes; the reader, for the tests, reads what the
// writer writes (and any plain zip without zip64 or encryption), checking
// every length and CRC rather than trusting them.
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const DEFLATE = 8;
const STORE = 0;
// 1980-01-01 00:00, the first date the format can hold.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
// Bit 11: the names are UTF-8.
const UTF8 = 1 << 11;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 of `bytes`, as zip records it. */
export function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip file that cannot be read: `offset` is where reading stopped. */
export class ZipFormatError extends Error {
  constructor(offset, problem) {
    super(`zip, byte ${offset}: ${problem}`);
    this.name = 'ZipFormatError';
    this.offset = offset;
  }
}

/**
 * The archive of `files`, a Map from a path inside the archive (forward
 * slashes, no leading slash) to its bytes or text, in the Map's order.
 */
export function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of files) {
    if (!name || name.startsWith('/') || name.split('/').includes('..')) throw new Error(`zip: ${JSON.stringify(name)} is not a relative path`);
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name, 'utf8');
    const fields = { crc: crc32(data), packed: packed.length, size: data.length, nameLength: nameBytes.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    common(local, 4, fields);
    locals.push(local, nameBytes, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    common(central, 6, fields);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

// The fields a local header and a central record share, from "version needed" on.
function common(buffer, at, { crc, packed, size, nameLength }) {
  buffer.writeUInt16LE(20, at);
  buffer.writeUInt16LE(UTF8, at + 2);
  buffer.writeUInt16LE(DEFLATE, at + 4);
  buffer.writeUInt16LE(DOS_TIME, at + 6);
  buffer.writeUInt16LE(DOS_DATE, at + 8);
  buffer.writeUInt32LE(crc, at + 10);
  buffer.writeUInt32LE(packed, at + 14);
  buffer.writeUInt32LE(size, at + 18);
  buffer.writeUInt16LE(nameLength, at + 22);
}

/** The files of the archive `bytes`: a Map from path to bytes, in the directory's order. */
export function unzip(bytes) {
  const endAt = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0 || endAt + 22 > bytes.length) throw new ZipFormatError(bytes.length, 'no end-of-directory record');
  const count = bytes.readUInt16LE(endAt + 10);
  const size = bytes.readUInt32LE(endAt + 12);
  let at = bytes.readUInt32LE(endAt + 16);
  if (at + size > endAt) throw new ZipFormatError(endAt, 'the directory does not fit before its end record');
  const files = new Map();
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > endAt || bytes.readUInt32LE(at) !== CENTRAL) throw new ZipFormatError(at, `directory record ${i + 1} of ${count} is missing`);
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const packed = bytes.readUInt32LE(at + 20);
    const length = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const localAt = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (flags & 1) throw new ZipFormatError(at, `${name} is encrypted`);
    if (localAt + 30 > bytes.length || bytes.readUInt32LE(localAt) !== LOCAL) throw new ZipFormatError(localAt, `no local header for ${name}`);
    const dataAt = localAt + 30 + bytes.readUInt16LE(localAt + 26) + bytes.readUInt16LE(localAt + 28);
    if (dataAt + packed > bytes.length) throw new ZipFormatError(dataAt, `${name} claims ${packed} bytes past the end`);
    const raw = bytes.subarray(dataAt, dataAt + packed);
    let data;
    if (method === STORE) data = Buffer.from(raw);
    else if (method === DEFLATE) {
      try {
        data = inflateRawSync(raw);
      } catch (error) {
        throw new ZipFormatError(dataAt, `${name} does not inflate (${error.code ?? error.message})`);
      }
    }
    else throw new ZipFormatError(at, `${name} uses compression method ${method}`);
    if (data.length !== length || crc32(data) !== crc) throw new ZipFormatError(dataAt, `${name} does not match its recorded size or CRC`);
    files.set(name, data);
    at += 46 + nameLength + extra;
  }
  return files;
}
