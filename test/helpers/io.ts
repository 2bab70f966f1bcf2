/** A fake Io for in-process CLI tests: captures stdout and stderr, feeds stdin. */
import path from 'node:path';
import type { Io } from '../../src/io.js';
import { main } from '../../src/cli.js';

export const FIXTURE_FACTS = path.resolve(__dirname, '../fixtures/facts');

export interface FakeIoOptions {
  /** Text, or bytes (for what a pipe can carry that is not UTF-8). */
  stdin?: string | Uint8Array | null;
  stdoutIsTTY?: boolean;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function fakeIo(options: FakeIoOptions = {}): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const stdin = options.stdin === undefined ? null : options.stdin;
  return {
    out,
    err,
    write: (t) => void out.push(t),
    error: (t) => void err.push(t),
    readStdin: async () => (stdin === null ? null : typeof stdin === 'string' ? stdin : Buffer.from(stdin).toString('utf8')),
    readStdinBytes: async (limit) => (stdin === null ? null : Buffer.from(typeof stdin === 'string' ? Buffer.from(stdin, 'utf8') : stdin).subarray(0, limit + 1)),
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stdinIsTTY: stdin === null,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  };
}

/** Runs zgc in-process. Fixture facts are used unless the arguments name --facts or the env sets ZGC_FACTS. */
export async function runZgc(argv: string[], options: FakeIoOptions = {}): Promise<RunResult> {
  const io = fakeIo({ ...options, env: { ZGC_FACTS: FIXTURE_FACTS, ...options.env } });
  const code = await main(argv, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}
