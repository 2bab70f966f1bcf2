import type { CommandSpec } from './types.js';
import { factsOption, loadCommandFacts, fieldOption, formatOptions, outputFormat, readField, type Format } from './options.js';
import { filterFacts } from '../search/filter.js';
import { factRows } from '../output/fact-rows.js';
import { renderField, renderRecords } from '../output/records.js';
import { outputWidth } from '../output/layout.js';
import { EXIT_OK, UsageError } from '../errors.js';
import { didYouMean } from '../output/fact.js';
import { suggestIds } from '../search/resolve.js';

const collect = (v: string, prev: string[] = []) => [...prev, v];

export const list: CommandSpec = {
  name: 'list',
  summary: 'list facts, filtered by tag, source, period, subject or dispute',
  completes: 'none',
  examples: ['zgc list', 'zgc list --tag rnd --period 2024', 'zgc list --disputed --format csv > disputed.csv', 'zgc list --source globaltimes-2025-zgc-forum-preview --field id'],
  configure(cmd) {
    factsOption(cmd);
    cmd
      .option('--tag <tag>', 'only facts with this tag (repeat for several: all must match)', collect)
      .option('--source <id>', 'only facts citing this source (repeat: any may match)', collect)
      .option('--period <period>', 'only facts about a time overlapping this year, month, date or interval a/b')
      .option('--subject <text>', 'only facts whose subject contains this text')
      .option('--disputed', 'only facts whose sources disagree')
      .option('--no-disputed', 'only facts whose sources agree');
    formatOptions(cmd);
    fieldOption(cmd);
  },
  async run(ctx, _args, opts) {
    const { io, style } = ctx;
    const format: Format = outputFormat(opts, io);
    const field = readField(opts);
    const period = readPeriod(opts.period);
    const base = await loadCommandFacts(ctx, opts);
    // A source that names nothing is a mistake, not a filter that matches nothing.
    for (const id of (opts.source as string[] | undefined) ?? []) {
      if (!base.sourceById.has(id)) throw new UsageError(`--source: no source "${id}" (see zgc sources)${didYouMean(await suggestIds(base, id, { facts: false, sources: true }))}`);
    }
    const facts = filterFacts(base.facts, {
      tag: opts.tag as string[] | undefined,
      source: opts.source as string[] | undefined,
      period,
      subject: opts.subject as string | undefined,
      disputed: opts.disputed as boolean | undefined,
    });
    const rows = factRows(facts, base);
    io.write(field ? renderField(rows, field) : await renderRecords(rows, format, style, outputWidth(io)));
    // A person at a terminal is told that nothing matched; scripts get no rows (and [] in JSON).
    if (!facts.length && format === 'table' && !field) io.error('zgc: no facts match\n');
    return EXIT_OK;
  },
};

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A year, month or date in the calendar ("2024", "2024-11", "2024-02-29"), or null. */
function calendarPart(s: string): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return null;
  if (d !== undefined) {
    const day = Number(d);
    const leap = Number(y) % 4 === 0 && (Number(y) % 100 !== 0 || Number(y) % 400 === 0);
    if (day < 1 || day > (Number(mo) === 2 && !leap ? 28 : DAYS[Number(mo) - 1]!)) return null;
  }
  return s;
}

/** --period: a year, month or date in the calendar, or an interval a/b of them (a not after b). */
function readPeriod(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  const parts = text.split('/');
  const ok = parts.length <= 2 && parts.every((p) => calendarPart(p) !== null) && (parts.length === 1 || parts[0]! <= parts[1]!);
  if (!ok) throw new UsageError(`--period takes a year, month or date (2024, 2024-11, 2024-11-05) or an interval a/b of them; not "${text}"`);
  return text;
}
