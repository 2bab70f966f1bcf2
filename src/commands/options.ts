/**
 * Options shared by several commands, declared once. Each command picks the
 * ones it needs; their values are read here into plain settings.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import type { Context } from './types.js';
import { loadFactsWithProblems, type LoadOptions } from '../facts/load.js';
import { PLACEHOLDER } from '../facts/parse.js';
import { FactsError, type Problem } from '../errors.js';
import type { FactBase } from '../facts/types.js';
import { colorEnabled, makeStyle, type Style } from '../output/style.js';
import { FACT_FIELDS } from '../output/fact-rows.js';
import { visibleInline } from '../output/sanitize.js';
import { MAX_QUERY_LENGTH } from '../search/find.js';
import { nearestName } from '../search/nearest.js';

export const FORMATS = ['table', 'plain', 'json', 'ndjson', 'tsv', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export function factsOption(cmd: Command): Command {
  return cmd.option('--facts <dir>', 'facts directory (default: $ZGC_FACTS, else the facts shipped with zgc)');
}

export function formatOptions(cmd: Command, formats: readonly Format[] = FORMATS): Command {
  return cmd
    .addOption(new Option('--format <format>', formats.includes('table') ? 'output format (default: table on a terminal, plain in a pipe)' : 'output format (default: plain)').choices(formats as string[]))
    .option('--json', 'shorthand for --format json');
}

declare const ZGC_BUNDLED: boolean | undefined;

/** The package's root: found from this file so that the shipped facts are found from any working directory. */
export function packageRoot(): string {
  // The bundle is <package>/dist/zgc.cjs, and __dirname is its directory.
  if (typeof ZGC_BUNDLED === 'boolean') return path.dirname(__dirname);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'zgc') return dir;
      } catch {
        // A broken package.json above us is not ours; keep looking.
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new UsageError('cannot find the facts shipped with zgc: pass --facts DIR or set ZGC_FACTS');
    dir = up;
  }
}

/** The JSON Schema of facts files, as installed with zgc. */
export function schemaPath(): string {
  return path.join(packageRoot(), 'schema', 'facts.schema.json');
}

export function factsDir(options: Record<string, unknown>, io: Io): string {
  const opts = options as { facts?: string };
  const given = opts.facts ?? (io.env.ZGC_FACTS || undefined);
  if (given !== undefined) {
    if (given === '') throw new UsageError('--facts needs a directory');
    return path.resolve(io.cwd, given);
  }
  return path.join(packageRoot(), 'facts');
}

/** How a command loads facts: names shown from its working directory, the run's cache settings. */
export function loadOptions({ io, cache }: Pick<Context, 'io' | 'cache'>): LoadOptions {
  return { cwd: io.cwd, ...cache };
}

/** The facts a command's --facts (else ZGC_FACTS, else the shipped facts) names, loaded with the run's settings. */
export function loadCommandFacts(ctx: Pick<Context, 'io' | 'cache'>, options: Record<string, unknown>): Promise<FactBase> {
  return loadUsableFacts(ctx, factsDir(options, ctx.io));
}

/**
 * Loads a facts directory for a command. A file that is unfinished (its only
 * errors are fields still "<fill in>", as zgc new leaves them) holds no facts
 * for lookups until it is filled in: each placeholder is a warning on stderr
 * naming file:line:col, and every other fact still answers. Any other error
 * makes the directory unusable (exit 2). zgc lint reports unfinished files as
 * errors.
 */
export async function loadUsableFacts(ctx: Pick<Context, 'io' | 'cache'>, dir: string): Promise<FactBase> {
  const { base, problems } = await loadFactsWithProblems(dir, loadOptions(ctx));
  const errors = problems.filter((p) => p.severity === 'error');
  if (!errors.length) return base;
  const unfinished = unfinishedFiles(errors);
  if (errors.some((p) => !unfinished.has(p.file))) throw new FactsError(problems);
  for (const [file, left] of unfinished) {
    const where = left.map((p) => `  ${visibleInline(p.file)}:${p.line}:${p.col}: ${visibleInline(p.message)}\n`).join('');
    ctx.io.error(`zgc: warning: ${visibleInline(file)} is unfinished (fields still "${PLACEHOLDER}"); its facts are left out until it is filled in and zgc lint passes it:\n${where}`);
  }
  return base;
}

/** The files whose every error is a field still holding the placeholder, with those errors. */
function unfinishedFiles(errors: Problem[]): Map<string, Problem[]> {
  const byFile = new Map<string, Problem[]>();
  for (const p of errors) {
    const list = byFile.get(p.file);
    if (list) list.push(p);
    else byFile.set(p.file, [p]);
  }
  const out = new Map<string, Problem[]>();
  for (const [file, list] of byFile) if (list.every((p) => p.line > 0 && p.message.includes(`"${PLACEHOLDER}"`))) out.set(file, list);
  return out;
}

export function outputFormat(options: Record<string, unknown>, io: Io): Format {
  const opts = options as { format?: Format; json?: boolean };
  if (opts.json && opts.format && opts.format !== 'json') throw new UsageError(`--json and --format ${opts.format} disagree: give one`);
  if (opts.json) return 'json';
  return opts.format ?? (io.stdoutIsTTY ? 'table' : 'plain');
}

export interface GlobalOptions {
  color?: boolean;
  debug?: boolean;
  /** false under --no-cache. */
  cache?: boolean;
}

export function styleFor(global: GlobalOptions, io: Io): Promise<Style> {
  return makeStyle(colorEnabled({ flag: global.color, env: io.env, isTTY: io.stdoutIsTTY }));
}

export function fieldOption(cmd: Command, fields: readonly string[] = FACT_FIELDS): Command {
  return cmd.addOption(new Option('--field <name>', 'print only this field of each result, one per line').choices(fields as string[]));
}

export function readField(opts: Record<string, unknown>, fields: readonly string[] = FACT_FIELDS): string | undefined {
  const field = opts.field as string | undefined;
  if (field !== undefined && !fields.includes(field)) throw unknownValue('--field', field, fields);
  return field;
}

/** A value an option (or argument) does not take, as one line: the nearest value it takes, then all of them. */
export function unknownValue(name: string, given: string, values: readonly string[]): UsageError {
  const near = nearestName(given, values);
  return new UsageError(`${name}: unknown value "${given}"${near ? `; did you mean "${near}"?` : ''} (one of ${values.join(', ')})`);
}

/**
 * Options declared with choices take any value from commander (cli.ts sets
 * that), and are checked here, before the command runs, so that a value
 * typed wrong gets "did you mean", as a command typed wrong does.
 */
export function checkChoices(cmd: Command): void {
  for (const o of cmd.options) {
    if (!o.argChoices) continue;
    const value = cmd.getOptionValue(o.attributeName()) as unknown;
    if (typeof value === 'string' && !o.argChoices.includes(value)) throw unknownValue(o.long ?? o.flags, value, o.argChoices);
  }
}

/** A query from the command line's words: never empty, never longer than MAX_QUERY_LENGTH. */
export function readQuery(words: string[]): string {
  const query = words.join(' ').trim();
  if (!query) throw new UsageError('the query is empty');
  if (query.length > MAX_QUERY_LENGTH) throw new UsageError(`the query is longer than ${MAX_QUERY_LENGTH} characters (${query.length})`);
  return query;
}
