/**
 * The on-disk cache: where it lives, and the one container format every cache
 * file uses. Nothing read from here is trusted: a file that is truncated,
 * empty, garbage, from another version or crafted to mislead reads as absent
 * (null), and the caller rebuilds it from the facts files. Writes go to a
 * temporary file that is then renamed, so a reader sees a whole file or none;
 * a write that fails leaves the command to carry on without the cache.
 */
import { closeSync, constants, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';

declare const ZGC_BUILD_ID: string | undefined;

/**
 * Changes whenever zgc is rebuilt from different sources (the build script
 * defines it): cached data made by another build of the parser or validator
 * is never used.
 */
export const BUILD_ID = typeof ZGC_BUILD_ID === 'string' ? ZGC_BUILD_ID : 'dev';
/** The layout of cache files; part of the cache directory's name. */
export const FORMAT_VERSION = 3;

const MAGIC = Buffer.from('ZGCCACHE', 'latin1');
const MAX_SECTIONS = 64;
const MAX_BUILD_ID = 256;

/**
 * The cache directory for this user: $XDG_CACHE_HOME/zgc, else ~/.cache/zgc,
 * read from the given environment. Null when neither names an absolute path:
 * zgc then runs without a cache.
 */
export function cacheRoot(env: NodeJS.ProcessEnv): string | null {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'zgc');
  const home = env.HOME || env.USERPROFILE;
  if (home && path.isAbsolute(home)) return path.join(home, '.cache', 'zgc');
  return null;
}

/**
 * Whether a cache file or folder may be believed: owned by this user and
 * writable by no one else (ssh's and git's rule). Checksums catch damage, not
 * forgery: anyone who can write a cache file can recompute them, so a file
 * others could have written is not read. Where there are no user ids (Windows),
 * every file passes.
 */
export function ownedByUs(st: Pick<Stats, 'uid' | 'mode'>): boolean {
  const uid = process.getuid?.();
  return uid === undefined || (st.uid === uid && (st.mode & 0o022) === 0);
}

/**
 * Why a facts directory's cache folder must not be used (owned by another
 * user, or writable by group or others), or null when it may: a folder not
 * made yet is made by this run, for this user alone.
 */
export function unsafeCacheDir(dir: string): string | null {
  let st: Stats;
  try {
    st = statSync(dir);
  } catch {
    return null;
  }
  if (!st.isDirectory()) return `the cache ${dir} is not a folder; running without the cache`;
  if (!ownedByUs(st)) return `the cache folder ${dir} is owned by another user or writable by group or others (mode ${(st.mode & 0o777).toString(8)}); running without the cache`;
  return null;
}

/** Where the cache of one facts directory lives. */
export function cacheDirFor(root: string, factsDir: string): string {
  return path.join(root, `v${FORMAT_VERSION}`, 'dir-' + hashHex(factsDir));
}

/**
 * A 32-bit checksum (Fletcher's, over 32-bit words, with the length):
 * catches truncation, stray bytes and swapped words. It is plain additions
 * on purpose: it runs on every lookup before the JIT has warmed up, where
 * each operation counts, and node:crypto would cost milliseconds to load.
 */
export function checksum(b: Uint8Array, start = 0, end = b.length): number {
  let lo = end - start;
  let hi = 0x2f5a9c1d;
  let i = start;
  // Aligned data on a little-endian machine is read a word at a time: the same words as assembled byte by byte below.
  if (LITTLE_ENDIAN && (b.byteOffset + start) % 4 === 0) {
    const words = new Int32Array(b.buffer, b.byteOffset + start, (end - start) >>> 2);
    for (let w = 0; w < words.length; w++) {
      lo = (lo + words[w]!) | 0;
      hi = (hi + lo) | 0;
    }
    i += words.length * 4;
  }
  for (const last = end - 3; i < last; i += 4) {
    lo = (lo + (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24))) | 0;
    hi = (hi + lo) | 0;
  }
  let tail = 0;
  for (let s = 0; i < end; i++, s += 8) tail |= b[i]! << s;
  lo = (lo + tail) | 0;
  hi = (hi + lo) | 0;
  return (Math.imul(hi, 0x9e3779b1) ^ lo) >>> 0;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A 64-bit hex digest of a string, for names: two independent FNV-1a passes. */
export function hashHex(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** A 32-bit hash of a string, for bucketing ids. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> 0;
}

/** SHA-256 of a file's bytes: identifies the content a cached parse was made from. */
export async function contentHash(bytes: Uint8Array): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes a file whole or not at all: a temporary file in the same directory, then a rename. */
export function writeAtomic(file: string, chunks: readonly Uint8Array[]): boolean {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      for (const c of chunks) {
        let off = 0;
        while (off < c.length) off += writeSync(fd, c, off, c.length - off);
      }
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    return true;
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // Nothing was created.
    }
    return false;
  }
}

/** Cache file kinds: a reader asking for one kind never accepts another. */
export const KIND_MANIFEST = 1;
export const KIND_SHARD = 2;
export const KIND_CATALOG = 3;
/** zgc check's word index: a file's words, and the directory's merged index (src/check/align/word-index.ts). */
export const KIND_CHECK_WORDS = 4;
export const KIND_CHECK_INDEX = 5;
/** A facts directory's vocabulary, as parsed from its vocabulary.yaml (src/facts/vocabulary.ts). */
export const KIND_VOCABULARY = 6;

/**
 * Lays out a container: magic, format version, kind, build id, then a table
 * of sections (offset, length, checksum) guarded by its own checksum.
 */
export function encodeContainer(kind: number, sections: readonly Uint8Array[]): Uint8Array[] {
  const id = Buffer.from(BUILD_ID, 'utf8');
  const headerLength = 8 + 4 * 5 + id.length + sections.length * 12;
  const header = Buffer.alloc(headerLength);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(FORMAT_VERSION, 8);
  header.writeUInt32LE(kind, 12);
  header.writeUInt32LE(sections.length, 16);
  header.writeUInt32LE(id.length, 24);
  id.copy(header, 28);
  let offset = headerLength;
  let at = 28 + id.length;
  for (const s of sections) {
    header.writeUInt32LE(offset, at);
    header.writeUInt32LE(s.length, at + 4);
    header.writeUInt32LE(checksum(s), at + 8);
    offset += s.length;
    at += 12;
  }
  header.writeUInt32LE(checksum(header, 28, headerLength), 20);
  return [header, ...sections];
}

export function writeContainer(file: string, kind: number, sections: readonly Uint8Array[]): boolean {
  return writeAtomic(file, encodeContainer(kind, sections));
}

interface SectionEntry {
  offset: number;
  length: number;
  sum: number;
}

// Reading never blocks on a FIFO nor follows a symbolic link planted in the cache.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** An open cache file. Every method returns null rather than data that fails its checks. */
export class CacheFile {
  private constructor(
    private fd: number | null,
    private readonly sections: SectionEntry[],
  ) {}

  /** Opens a file of the given kind from this build, or null. */
  static open(file: string, kind: number): CacheFile | null {
    let fd: number;
    try {
      fd = openSync(file, READ_FLAGS);
    } catch {
      return null;
    }
    const fail = () => {
      closeSync(fd);
      return null;
    };
    try {
      const st = fstatSync(fd);
      // A file others could have written is not believed, whatever its checksums say.
      if (!st.isFile() || !ownedByUs(st) || st.size < 28 || st.size > 0xffffffff) return fail();
      const head = Buffer.alloc(Math.min(st.size, 4096));
      if (readFully(fd, head, 0) !== head.length) return fail();
      if (!head.subarray(0, 8).equals(MAGIC) || head.readUInt32LE(8) !== FORMAT_VERSION || head.readUInt32LE(12) !== kind) return fail();
      const n = head.readUInt32LE(16);
      const idLength = head.readUInt32LE(24);
      if (n > MAX_SECTIONS || idLength > MAX_BUILD_ID) return fail();
      const headerLength = 28 + idLength + n * 12;
      if (headerLength > head.length) return fail();
      if (checksum(head, 28, headerLength) !== head.readUInt32LE(20)) return fail();
      if (head.toString('utf8', 28, 28 + idLength) !== BUILD_ID) return fail();
      const sections: SectionEntry[] = [];
      let expected = headerLength;
      for (let i = 0, at = 28 + idLength; i < n; i++, at += 12) {
        const e = { offset: head.readUInt32LE(at), length: head.readUInt32LE(at + 4), sum: head.readUInt32LE(at + 8) };
        // Sections follow each other exactly to the end of the file: a truncated or padded file fails here.
        if (e.offset !== expected) return fail();
        expected += e.length;
        sections.push(e);
      }
      if (expected !== st.size) return fail();
      return new CacheFile(fd, sections);
    } catch {
      return fail();
    }
  }

  get sectionCount(): number {
    return this.sections.length;
  }

  /** A whole section, its checksum verified. */
  section(i: number): Buffer | null {
    const e = this.sections[i];
    if (!e) return null;
    const b = this.range(i, 0, e.length);
    if (!b || checksum(b) !== e.sum) return null;
    return b;
  }

  /** Bytes inside a section, bounds-checked but not verified: the caller checks them against a checksum it holds. */
  range(i: number, offset: number, length: number): Buffer | null {
    const e = this.sections[i];
    if (!e || this.fd === null || offset < 0 || length < 0 || offset + length > e.length) return null;
    const b = Buffer.allocUnsafe(length);
    try {
      return readFully(this.fd, b, e.offset + offset) === length ? b : null;
    } catch {
      return null;
    }
  }

  /** A section parsed as JSON, or null. */
  json(i: number): unknown {
    const b = this.section(i);
    if (!b) return null;
    try {
      return JSON.parse(b.toString('utf8'));
    } catch {
      return null;
    }
  }

  close(): void {
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        // Already closed.
      }
      this.fd = null;
    }
  }
}

function readFully(fd: number, b: Buffer, position: number): number {
  let got = 0;
  while (got < b.length) {
    const n = readSync(fd, b, got, b.length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/** Section payloads: JSON text, and arrays of unsigned 32-bit numbers. */
export function jsonSection(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

/** Unsigned 32-bit numbers, little-endian whatever the machine. */
export function u32Section(values: ArrayLike<number>): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(Uint32Array.from(values).buffer);
  const b = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) b.writeUInt32LE(values[i]!, i * 4);
  return b;
}

/** Reads a u32 section (without copying when it can), or null when its length is not a whole number of entries. */
export function readU32(b: Buffer | null, entries?: number): Uint32Array | null {
  if (!b || b.length % 4 !== 0 || (entries !== undefined && b.length !== entries * 4)) return null;
  if (LITTLE_ENDIAN && b.byteOffset % 4 === 0) return new Uint32Array(b.buffer, b.byteOffset, b.length / 4);
  const out = new Uint32Array(b.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = b.readUInt32LE(i * 4);
  return out;
}

/**
 * Removes what no current cache file refers to: shards of old content and
 * temporary files left by interrupted writers, once they are an hour old, so
 * that a run still reading an older catalog never loses its shards.
 */
export function collectGarbage(shardDir: string, keep: ReadonlySet<string>, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(shardDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (keep.has(name)) continue;
    const p = path.join(shardDir, name);
    try {
      if (now - statSync(p).mtimeMs > 3600_000) unlinkSync(p);
    } catch {
      // Another run removed it, or it cannot be removed: either way it is not ours to worry about.
    }
  }
}
