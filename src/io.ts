/**
 * The one module that touches the process's streams. Commands and renderers
 * build strings; they reach the terminal only through an Io, which tests fake.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';

export interface Io {
  write(text: string): void;
  error(text: string): void;
  /** Reads all of standard input; null when stdin is a terminal (nothing piped). */
  readStdin(): Promise<string | null>;
  /**
   * Reads standard input as bytes, at most `limit` + 1 of them (more means too
   * large: the rest is left unread); null when stdin is a terminal.
   */
  readStdinBytes(limit: number): Promise<Buffer | null>;
  stdoutIsTTY: boolean;
  /** The terminal's width in columns, when stdout is a terminal (asked only by layouts for people). */
  columns?: number;
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Writes all of `text` to a file descriptor, as process.stdout would for a file
 * or a pipe, but without creating the stream: Node builds process.stdout from
 * some twenty internal modules, a good part of a lookup's start-up. A
 * descriptor left non-blocking by another program answers EAGAIN when its pipe
 * is full; the write then waits for the reader and goes on.
 */
export function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      sleep(1);
    }
  }
}

/**
 * Whether a descriptor is a terminal. Asking node:tty loads it and node:net, so
 * it is asked only of character devices, and never of /dev/null (where scripts
 * and benchmarks send output they discard).
 */
export function isTerminal(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    if (!st.isCharacterDevice()) return false;
    const devNull = statSync('/dev/null', { throwIfNoEntry: false });
    if (devNull && devNull.ino === st.ino && devNull.dev === st.dev) return false;
  } catch {
    return false;
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}

/** The process's own streams. Writes are synchronous: when a command returns, its output has landed or failed. */
export function processIo(): Io & { failure(): Error | null } {
  let closed = false;
  let failure: Error | null = null;
  return {
    write(text) {
      if (closed || failure || !text) return;
      try {
        writeAll(1, text);
      } catch (err) {
        // A reader that goes away (`zgc list | head -1`) is not an error: stop writing, exit quietly.
        if ((err as NodeJS.ErrnoException).code === 'EPIPE') closed = true;
        else failure = err as Error;
      }
    },
    error(text) {
      if (!text) return;
      try {
        writeAll(2, text);
      } catch {
        // Nowhere left to say it.
      }
    },
    async readStdin() {
      if (process.stdin.isTTY) return null;
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    async readStdinBytes(limit) {
      if (process.stdin.isTTY) return null;
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer);
        size += (chunk as Buffer).length;
        if (size > limit) break;
      }
      // Breaking out of the loop destroys the stream: whatever is left is never read.
      const all = Buffer.concat(chunks);
      return all.length > limit + 1 ? all.subarray(0, limit + 1) : all;
    },
    stdoutIsTTY: isTerminal(1),
    // Asked for only when a table or card is laid out for a terminal: process.stdout costs a lookup a few milliseconds.
    get columns() {
      return this.stdoutIsTTY ? process.stdout.columns : undefined;
    },
    // Asked for only by commands that read stdin: creating process.stdin costs every run a few milliseconds.
    get stdinIsTTY() {
      return Boolean(process.stdin.isTTY);
    },
    env: process.env,
    cwd: process.cwd(),
    /** The first write to stdout that failed (a full disk, a closed file), if one did. */
    failure: () => failure,
  };
}
