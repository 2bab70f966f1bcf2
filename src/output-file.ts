/**
 * Writing a command's output to a file named with -o: whole or not at all
 * (written beside it under a temporary name, then moved into place, so a
 * reader never sees half a report), and never over an existing file unless
 * asked to (--force).
 */
import { closeSync, fsyncSync, linkSync, lstatSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { EXIT_ERROR, ZgcError } from './errors.js';

function fail(file: string, err: unknown, doing: string): ZgcError {
  const code = (err as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'a directory is there' : (code ?? (err as Error).message);
  return new ZgcError(`${file}: cannot ${doing} (${why}); nothing was written`, EXIT_ERROR);
}

export function writeOutputFile(file: string, text: string, options: { force: boolean; cwd: string }): void {
  const target = path.resolve(options.cwd, file);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'wx', 0o644);
  } catch (err) {
    throw fail(file, err, 'write');
  }
  try {
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    unlinkSync(tmp);
    throw fail(file, err, 'write');
  }
  closeSync(fd);
  try {
    if (options.force) renameSync(tmp, target);
    else placeNew(tmp, target, file);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already moved or gone.
    }
    throw err instanceof ZgcError ? err : fail(file, err, 'write');
  }
}

/** Moves the written file to a name nothing holds yet: a hard link fails when the name is taken, however close the race. */
function placeNew(tmp: string, target: string, shown: string): void {
  const taken = () => new ZgcError(`${shown}: a file is already there; nothing was written (--force replaces it)`, EXIT_ERROR);
  try {
    linkSync(tmp, target);
    unlinkSync(tmp);
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw taken();
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw err;
  }
  // A file system without hard links: the name is checked, then the file moved.
  if (lstatSync(target, { throwIfNoEntry: false })) throw taken();
  renameSync(tmp, target);
}

/** The command that opens a file with the system's default application. */
export function opener(platform: NodeJS.Platform): { command: string; args: (file: string) => string[] } {
  if (platform === 'darwin') return { command: 'open', args: (f) => [f] };
  if (platform === 'win32') return { command: 'cmd', args: (f) => ['/c', 'start', '""', f] };
  return { command: 'xdg-open', args: (f) => [f] };
}

/** Opens a file with the system's opener, without waiting for it; resolves to why it could not be started, or null. */
export async function openFile(file: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  const { spawn } = await import('node:child_process');
  const { command, args } = opener(process.platform);
  return new Promise((resolve) => {
    const child = spawn(command, args(file), { detached: true, stdio: 'ignore', env });
    child.once('error', (err) => resolve(`cannot open ${file} with ${command} (${(err as NodeJS.ErrnoException).code ?? err.message})`));
    child.once('spawn', () => {
      child.unref();
      resolve(null);
    });
  });
}
