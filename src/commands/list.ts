import type { CommandSpec } from './types.js';
import { factsOption, loadCommandFacts, fieldOption, formatOptions, outputFormat, readField, type Format } from './options.js';
import { filterFacts } from '../search/filter.js';
import { factRows } from '../output/fact-rows.js';
import { renderField, renderRecords } from '../output/records.js';
import { outputWidth } from '../output/layout.js';
import { EXIT_OK } from '../errors.js';

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
    const base = await loadCommandFacts(ctx, opts);
    const facts = filterFacts(base.facts, {
      tag: opts.tag as string[] | undefined,
      source: opts.source as string[] | undefined,
      period: opts.period as string | undefined,
      subject: opts.subject as string | undefined,
      disputed: opts.disputed as boolean | undefined,
    });
    const rows = factRows(facts, base);
    io.write(field ? renderField(rows, field) : await renderRecords(rows, format, style, outputWidth(io)));
    return EXIT_OK;
  },
};
