/**
 * Colour is decided once per run: off when stdout is not a terminal, under
 * NO_COLOR, TERM=dumb or --no-color; on under FORCE_COLOR. When it is off, no
 * escape byte is written at all.
 */
import { Chalk, type ChalkInstance } from 'chalk';

export interface ColorSettings {
  /** false under --no-color (commander sets it true otherwise). */
  flag?: boolean;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

export function colorEnabled({ flag, env, isTTY }: ColorSettings): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

export interface Style {
  enabled: boolean;
  value(s: string): string;
  heading(s: string): string;
  dim(s: string): string;
  id(s: string): string;
  warn(s: string): string;
  bad(s: string): string;
  good(s: string): string;
  label(s: string): string;
}

export function makeStyle(enabled: boolean): Style {
  const c: ChalkInstance = new Chalk({ level: enabled ? 1 : 0 });
  return {
    enabled,
    value: (s) => c.bold.green(s),
    heading: (s) => c.bold(s),
    dim: (s) => c.dim(s),
    id: (s) => c.cyan(s),
    warn: (s) => c.bold.yellow(s),
    bad: (s) => c.bold.red(s),
    good: (s) => c.green(s),
    label: (s) => c.magenta(s),
  };
}
