/**
 * Colour is decided once per run: off when stdout is not a terminal, under
 * NO_COLOR, TERM=dumb or --no-color; on under FORCE_COLOR. When it is off, no
 * escape byte is written at all.
 */

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

const same = (s: string): string => s;

/** No colour: every part of the text as it is. */
export const plainStyle: Style = { enabled: false, value: same, heading: same, dim: same, id: same, warn: same, bad: same, good: same, label: same };

/** The run's style; chalk is loaded only when there is colour to make. */
export async function makeStyle(enabled: boolean): Promise<Style> {
  if (!enabled) return plainStyle;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
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
