import type { Command } from 'commander';
import type { Io } from '../io.js';
import type { CacheSettings } from '../facts/load.js';
import type { Style } from '../output/style.js';
import type { GlobalOptions } from './options.js';

export interface Context {
  io: Io;
  global: GlobalOptions;
  /** Colour for stdout, decided once per run. */
  style: Style;
  /** The run's cache settings (--no-cache, where the cache is), for loadFacts. */
  cache: CacheSettings;
  /** The commander program and the command list, for commands that describe zgc itself. */
  program: Command;
  specs: CommandSpec[];
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** What the command's arguments are, for shell completion ('ids': fact or source ids). */
  completes?: 'facts' | 'sources' | 'ids' | 'files' | 'shells' | 'none';
  /** Shell lines shown under "Examples" in --help. */
  examples: string[];
  /** Declares arguments and options on the commander command. */
  configure(cmd: Command): void;
  /** Returns the exit code; throws a ZgcError for usage and data errors. */
  run(ctx: Context, args: string[], opts: Record<string, unknown>): Promise<number>;
}
