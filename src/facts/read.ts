/**
 * Reading files zgc is given (facts files, drafts) without trusting what they
 * are: a FIFO would block open() and read(), a device such as /dev/zero never
 * ends, and a file may grow while it is read. One mechanism for all of them:
 * open without blocking, take only a regular file (asked of the opened
 * descriptor, so nothing can be swapped in between), and read at most the
 * limit plus one byte, so that "too large" is known without reading the rest.
 *
 * File names that are not valid UTF-8 are kept as strings with each byte that
 * is not part of a valid sequence written as a lone surrogate, U+DC80 to
 * U+DCFF (Python's "surrogateescape"): no valid name decodes to one, so two
 * files never share a string, and fsPath() gives back the exact bytes to open.
 * Shown to a person, such a byte reads \xff (src/output/sanitize.ts).
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export type ReadResult = { bytes: Buffer; stats: Stats } | { problem: string };

/** What a file that is not a regular file is, in words. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'is a directory, not a file';
  if (st.isFIFO()) return 'is a named pipe (FIFO), not a regular file';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'is a device, not a regular file';
  if (st.isSocket()) return 'is a socket, not a regular file';
  return 'is not a regular file';
}

/**
 * Reads a regular file of at most `limit` bytes: more than that comes back as
 * limit + 1 bytes (the caller says "too large"). Anything else is refused with
 * one line saying what it is, in zgc's words.
 */
export function readRegularFile(file: string | Buffer, limit: number, what = 'file'): ReadResult {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (err) {
    return { problem: describeFsError(err, what) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { problem: kindOf(stats) };
    const cap = limit + 1;
    let buf = Buffer.allocUnsafe(Math.min(cap, stats.size + 1));
    let got = 0;
    for (;;) {
      if (got === buf.length) {
        if (buf.length >= cap) break;
        const bigger = Buffer.allocUnsafe(Math.min(cap, buf.length * 2));
        buf.copy(bigger, 0, 0, got);
        buf = bigger;
      }
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
    }
    return { bytes: got === buf.length ? buf : buf.subarray(0, got), stats };
  } catch (err) {
    return { problem: describeFsError(err, what) };
  } finally {
    closeSync(fd);
  }
}

/**
 * A system error in zgc's own words: never Node's message, which names the
 * absolute path and the system call. The caller puts the path as the user gave it.
 */
export function describeFsError(err: unknown, what: string): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return `no such ${what}`;
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOTDIR':
      return 'not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links (a link that leads back to itself?)';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'ENXIO':
    case 'ENODEV':
      return 'no such device';
    case 'EIO':
      return 'input/output error';
    case 'EAGAIN':
    case 'EWOULDBLOCK':
      return 'not ready to be read';
    case 'EBUSY':
      return 'busy';
    case 'ESTALE':
      return 'stale file handle';
    case 'EINVAL':
      return 'cannot be read';
    default:
      return `cannot be read (${typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : 'system error'})`;
  }
}

/** A file name read as bytes: UTF-8 when it is, else with each stray byte kept as U+DC80 + byte. */
export function decodeName(name: Buffer): string {
  let ascii = true;
  for (let i = 0; i < name.length; i++) {
    if (name[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return name.toString('latin1');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(name);
  } catch {
    return escapeBytes(name);
  }
}

/** Decodes UTF-8 sequence by sequence; a byte that starts no valid sequence becomes a lone surrogate. */
function escapeBytes(b: Buffer): string {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need >= 0 && i + need < b.length) {
      try {
        out += strict.decode(b.subarray(i, i + need + 1));
        i += need + 1;
        continue;
      } catch {
        // Not a valid sequence: the byte is kept alone below.
      }
    }
    out += c < 0x80 ? String.fromCharCode(c) : String.fromCharCode(0xdc00 + c);
    i++;
  }
  return out;
}

const LONE = /[\udc80-\udcff]/;

/** The path to give the file system: the exact bytes when the name held bytes that are not UTF-8. */
export function fsPath(file: string): string | Buffer {
  if (!LONE.test(file)) return file;
  const parts: Buffer[] = [];
  let run = '';
  for (let i = 0; i < file.length; i++) {
    const c = file.charCodeAt(i);
    const prev = i > 0 ? file.charCodeAt(i - 1) : 0;
    if (c >= 0xdc80 && c <= 0xdcff && !(prev >= 0xd800 && prev <= 0xdbff)) {
      parts.push(Buffer.from(run, 'utf8'), Buffer.from([c - 0xdc00]));
      run = '';
    } else {
      run += file[i];
    }
  }
  parts.push(Buffer.from(run, 'utf8'));
  return Buffer.concat(parts);
}
