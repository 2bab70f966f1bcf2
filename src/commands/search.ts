import type { CommandSpec } from './types.js';
import { factsOption, loadCommandFacts, fieldOption, formatOptions, outputFormat, readField, readQuery, type Format } from './options.js';
import { rankFacts } from '../search/find.js';
import { scoredRows } from '../output/fact-rows.js';
import { renderMiss } from '../output/fact.js';
import { renderField, renderRecords } from '../output/records.js';
import { outputWidth } from '../output/layout.js';
import { EXIT_NOT_FOUND, EXIT_OK, UsageError } from '../errors.js';

export const search: CommandSpec = {
  name: 'search',
  summary: 'rank facts matching some words, best first',
  completes: 'none',
  examples: ['zgc search robots', 'zgc search "patent applications" --limit 5', 'zgc search forum --json | jq ".[0].id"'],
  configure(cmd) {
    cmd.argument('<words...>', 'words to look for (typos are forgiven)');
    factsOption(cmd);
    cmd.option('--limit <n>', 'at most this many results', '10');
    formatOptions(cmd);
    fieldOption(cmd);
  },
  async run(ctx, args, opts) {
    const { io, style } = ctx;
    const query = readQuery(args);
    const limit = Number(opts.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10000) throw new UsageError(`--limit takes a whole number from 1 to 10000, not "${String(opts.limit)}"`);
    const format: Format = outputFormat(opts, io);
    const field = readField(opts);
    const base = await loadCommandFacts(ctx, opts);
    const results = await rankFacts(base, query, limit);
    const rows = scoredRows(results, base);
    io.write(field ? renderField(rows, field) : await renderRecords(rows, format, style, outputWidth(io)));
    if (!results.length) {
      io.error(`zgc: ${renderMiss({ query, suggestions: [] })}`);
      return EXIT_NOT_FOUND;
    }
    return EXIT_OK;
  },
};
