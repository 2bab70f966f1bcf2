import type { CommandSpec } from './types.js';
import { factsOption, loadCommandFacts, fieldOption, formatOptions, outputFormat, readField } from './options.js';
import { renderField, renderRecords } from '../output/records.js';
import { outputWidth } from '../output/layout.js';
import { SOURCE_FIELDS, renderSourceCard, sourceJson, sourceRows } from '../output/sources.js';
import { EXIT_NOT_FOUND, EXIT_OK } from '../errors.js';
import { visibleInline } from '../output/sanitize.js';
import { jsonDocument } from '../output/json.js';
import { plainStyle } from '../output/style.js';
import { resolveId, suggestIds } from '../search/resolve.js';
import { didYouMean } from '../output/fact.js';

export const sources: CommandSpec = {
  name: 'sources',
  summary: 'list the sources: id, publisher, date, kind, number of facts',
  completes: 'none',
  examples: ['zgc sources', 'zgc sources --json', 'zgc sources --field id'],
  configure(cmd) {
    factsOption(cmd);
    formatOptions(cmd);
    fieldOption(cmd, SOURCE_FIELDS);
  },
  async run(ctx, _args, opts) {
    const { io, style } = ctx;
    const format = outputFormat(opts, io);
    const field = readField(opts, SOURCE_FIELDS);
    const base = await loadCommandFacts(ctx, opts);
    const rows = sourceRows(base);
    io.write(field ? renderField(rows, field) : await renderRecords(rows, format, style, outputWidth(io)));
    return EXIT_OK;
  },
};

export const source: CommandSpec = {
  name: 'source',
  summary: "print one source's full citation, its notes and its facts",
  completes: 'sources',
  examples: ['zgc source globaltimes-2025-zgc-forum-preview', 'zgc source globaltimes-2025-zgc-forum-preview --json'],
  configure(cmd) {
    cmd.argument('<id>', 'source id (see zgc sources)');
    factsOption(cmd);
    formatOptions(cmd, ['table', 'plain', 'json']);
  },
  async run(ctx, args, opts) {
    const { io, style } = ctx;
    const format = outputFormat(opts, io);
    const base = await loadCommandFacts(ctx, opts);
    const accept = { facts: false, sources: true };
    const found = resolveId(base, args[0]!, accept);
    const s = found?.kind === 'source' ? found.source : null;
    if (!s) {
      const suggestions = await suggestIds(base, args[0]!, accept);
      io.error(`zgc: no source "${visibleInline(args[0]!)}" (see zgc sources)${didYouMean(suggestions)}\n`);
      // A miss has a JSON shape too, as zgc stat's: the query, a null record, and the nearest ids.
      if (format === 'json') io.write(jsonDocument({ query: args[0]!, source: null, suggestions: suggestions.map((x) => ({ id: x.id, title: x.title })) }));
      return EXIT_NOT_FOUND;
    }
    if (format === 'json') io.write(jsonDocument(sourceJson(s, base)));
    else io.write(renderSourceCard(s, base, format === 'table' ? style : plainStyle));
    return EXIT_OK;
  },
};
