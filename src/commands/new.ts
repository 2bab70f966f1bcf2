import { Option } from 'commander';
import type { CommandSpec } from './types.js';
import { factsDir, factsOption, loadUsableFacts, schemaPath, unknownValue } from './options.js';
import { idProblem, inputAt, PLACEHOLDER, renderTemplate, writeNewFactFile, type NewFact } from '../facts/template.js';
import { parseFactFile, loadParseTools } from '../facts/parse.js';
import { BOUNDS } from '../facts/types.js';
import { EXIT_ERROR, EXIT_OK, UsageError, ZgcError } from '../errors.js';
import { visibleInline } from '../output/sanitize.js';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lstatSync } from 'node:fs';

function pathTaken(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export const newFact: CommandSpec = {
  name: 'new',
  summary: 'start a new fact: writes <id>.yaml in the facts directory, never over an existing file',
  completes: 'none',
  examples: [
    'zgc new rnd-2025 --facts ./facts',
    'zgc new zgc-2026-guests --facts ./facts --source globaltimes-2025-zgc-forum-preview --quote "..." --value 1000 --unit count --bound more-than --period 2026',
  ],
  configure(cmd) {
    cmd.argument('<id>', 'kebab-case id of the new fact, such as rnd-2025');
    factsOption(cmd);
    cmd
      .option('--title <text>', 'short label')
      .option('--statement <text>', 'one sentence in plain words')
      .option('--value <number>', 'the number, scaled (3.6 trillion: 3600000000000)')
      .option('--unit <unit>', 'CNY, USD, percent, count, ...')
      .option('--display <text>', 'the figure as the article writes it')
      .addOption(new Option('--bound <bound>', 'how the figure is bounded').choices(BOUNDS as unknown as string[]))
      .option('--period <period>', 'a year, a month, a date, or an interval from/to (2025-03-27/2025-03-31)')
      .option('--source <id>', 'id of the source the fact comes from')
      .option('--quote <text>', 'the verbatim sentence from the article')
      .option('--alias <text>', 'a way people ask for it (repeatable)', collect)
      .option('--tag <tag>', 'a tag (repeatable)', collect);
  },
  async run(ctx, args, opts) {
    const { io } = ctx;
    const id = args[0] ?? '';
    // The id is checked before anything else touches the file system.
    const syntax = idProblem(id);
    if (syntax) throw new UsageError(syntax);
    const spec = readSpec(id, opts);
    // zgc new edits the facts directory the user names, never the facts shipped inside the installed package.
    if ((opts as { facts?: string }).facts === undefined && !io.env.ZGC_FACTS) {
      throw new UsageError('zgc new writes into the facts directory you name: pass --facts DIR (or set ZGC_FACTS); the facts shipped with zgc are never edited');
    }
    const dir = factsDir(opts, io);
    // A file already at the target (even a dangling link) is named before the facts are read.
    if (pathTaken(path.join(dir, `${id}.yaml`))) throw new ZgcError(`${path.relative(io.cwd, path.join(dir, `${id}.yaml`))}: a file is already there; nothing was written`, EXIT_ERROR);
    const base = await loadUsableFacts(ctx, dir);
    const taken = idProblem(id, base);
    if (taken) throw new UsageError(taken);
    if (spec.source !== undefined && !base.sourceById.has(spec.source)) throw new UsageError(`no source "${spec.source}" (see zgc sources)`);
    // The installed schema, as a file URL: a path relative to the package would resolve only inside it.
    const text = renderTemplate(spec, pathToFileURL(schemaPath()).href);
    const shown = path.relative(io.cwd, path.join(dir, `${id}.yaml`)) || `${id}.yaml`;
    // Validate before writing: only the template's own placeholders may remain.
    const parsed = parseFactFile(Buffer.from(text), shown, await loadParseTools());
    const real = parsed.problems.filter((p) => !p.message.includes(PLACEHOLDER));
    // Nothing is written: each problem is named by the option it comes from, not by the file that never was.
    const lines = real.map((p) => `${inputAt(text, p.line)}: ${p.message}; nothing was written`);
    if (real.length) throw new ZgcError(lines.join('; '), EXIT_ERROR, lines);
    writeNewFactFile(dir, id, text);
    io.write(`wrote ${visibleInline(shown)}\n`);
    if (parsed.problems.length) {
      const left = parsed.problems.map((p) => `  ${p.line}:${p.col} ${visibleInline(p.message.split(':')[0]!)}\n`).join('');
      io.error(`zgc: ${visibleInline(shown)} is a template: fill these in; until then its fact is left out of lookups (with a warning) and zgc lint fails on it:\n${left}`);
    }
    return EXIT_OK;
  },
};

function readSpec(id: string, opts: Record<string, unknown>): NewFact {
  const str = (k: string) => {
    const v = opts[k] as string | undefined;
    if (v !== undefined && !v.trim()) throw new UsageError(`--${k} is empty`);
    return v;
  };
  let value: number | undefined;
  if (opts.value !== undefined) {
    value = Number(opts.value);
    if (!Number.isFinite(value) || String(opts.value).trim() === '') throw new UsageError(`--value takes a number, not "${String(opts.value)}"`);
  }
  const bound = str('bound');
  if (bound !== undefined && !(BOUNDS as readonly string[]).includes(bound)) throw unknownValue('--bound', bound, BOUNDS);
  const spec: NewFact = { id };
  for (const k of ['title', 'statement', 'unit', 'display', 'period', 'source', 'quote'] as const) {
    const v = str(k);
    if (v !== undefined) spec[k] = v;
  }
  if (value !== undefined) spec.value = value;
  if (bound !== undefined) spec.bound = bound;
  if (opts.alias) spec.aliases = opts.alias as string[];
  if (opts.tag) spec.tags = opts.tag as string[];
  return spec;
}
