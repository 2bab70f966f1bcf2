/**
 * The one module that touches the process's streams. Commands and renderers
 * build strings; they reach the terminal only through an Io, which tests fake.
 */
export interface Io {
  write(text: string): void;
  error(text: string): void;
  /** Reads all of standard input; null when stdin is a terminal (nothing piped). */
  readStdin(): Promise<string | null>;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Thrown when stdout cannot be written (a full disk, a closed file). */
export class WriteError extends Error {}

export function processIo(): Io & { failure(): Error | null; flush(): Promise<void> } {
  let closed = false;
  let failure: Error | null = null;
  // A reader that goes away (`zgc list | head -1`) is not an error: stop writing, exit quietly.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') closed = true;
    else failure ??= err;
  });
  process.stderr.on('error', () => {});
  return {
    write(text) {
      if (!closed && text) process.stdout.write(text);
    },
    error(text) {
      if (text) process.stderr.write(text);
    },
    async readStdin() {
      if (process.stdin.isTTY) return null;
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    // Asked for only by commands that read stdin: creating process.stdin costs every run a few milliseconds.
    get stdinIsTTY() {
      return Boolean(process.stdin.isTTY);
    },
    env: process.env,
    cwd: process.cwd(),
    failure: () => failure,
    /** Resolves once everything written so far has reached stdout, or failed to. */
    flush() {
      if (closed) return Promise.resolve();
      return new Promise<void>((resolve) => {
        process.stdout.write('', (err) => {
          const code = (err as NodeJS.ErrnoException | null | undefined)?.code;
          if (err && code !== 'EPIPE') failure ??= err;
          resolve();
        });
      });
    },
  };
}
