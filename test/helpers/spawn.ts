/** Runs the built bin/zgc as a real process, for what only a process shows: pipes, exit codes, signals. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import path from 'node:path';
import { tempDir } from './tmp.js';

/** The spawned runs' cache ($XDG_CACHE_HOME/zgc): a temporary directory, never the user's. */
const CACHE_HOME = tempDir('zgc-cache-');

export const BIN = path.resolve(__dirname, '../../bin/zgc');

export function spawnZgc(args: string[], options: SpawnSyncOptions = {}) {
  const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, XDG_CACHE_HOME: CACHE_HOME, ...(options.env ?? {}) };
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', ...options, env });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr), signal: r.signal };
}

/** Runs a shell pipeline (bash, pipefail off) and returns zgc's own exit code via PIPESTATUS. */
export function shell(script: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, XDG_CACHE_HOME: CACHE_HOME, ...env } });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}
