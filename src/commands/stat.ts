import type { CommandSpec, Context } from './types.js';
import { factsOption, loadCommandFacts, fieldOption, formatOptions, outputFormat, readField, readQuery, type Format } from './options.js';
import { findFact, type Lookup } from '../search/find.js';
import { lookupJson, renderFactCard, renderFactPlain, renderMiss } from '../output/fact.js';
import { factField, lookupRows } from '../output/fact-rows.js';
import { outputWidth } from '../output/layout.js';
import { renderRecords } from '../output/records.js';
import { jsonDocument } from '../output/json.js';
import { EXIT_NOT_FOUND, EXIT_OK, UsageError } from '../errors.js';
import type { FactBase } from '../facts/types.js';
import { citeFacts, citeOption, readCiteStyle } from '../cite/stat-cite.js';

export const stat: CommandSpec = {
  name: 'stat',
  summary: 'look a fact up by id, alias or words, with its sources',
  completes: 'facts',
  examples: [
    'zgc stat rnd-2024',
    'zgc stat "R&D spending 2024"',
    'zgc stat rnd-2024 --json',
    'zgc stat rnd-2024 --field display',
    'printf "rnd-2024\\nzgc-2025-events\\n" | zgc stat - --json',
  ],
  configure(cmd) {
    cmd.argument('<query...>', 'fact id, alias or words; several fact ids are answered one by one; "-" reads one query per line from stdin');
    factsOption(cmd);
    formatOptions(cmd);
    fieldOption(cmd);
    citeOption(cmd);
  },
  async run(ctx, args, opts) {
    const { io } = ctx;
    const stdin = args.length === 1 && args[0] === '-';
    let queries = stdin ? await readQueries(ctx) : [readQuery(args)];
    const format: Format = outputFormat(opts, io);
    const field = readField(opts);
    const citeStyle = readCiteStyle(opts, format, field);
    const base = await loadCommandFacts(ctx, opts);
    // Several arguments that are all fact ids are several queries, answered one by one as a batch is.
    const isId = (a: string) => base.factById.has(a) || base.factById.has(a.toLowerCase());
    const ids = stdin || args.length < 2 ? [] : args.filter(isId);
    if (ids.length === args.length) queries = args.map((a) => readQuery([a]));
    else if (ids.length) {
      throw new UsageError(`"${ids[0]!}" is a fact id, but the other arguments are not: give only ids (zgc stat id1 id2), quote one query, or pipe one query a line to zgc stat -`);
    }
    const batch = stdin || queries.length > 1;
    const results: Lookup[] = [];
    for (const q of queries) results.push(await findFact(base, q));
    for (const r of results) if (r.fact === null) io.error(`zgc: ${renderMiss(r)}`);
    io.write(await render(ctx, base, results, field ? 'field' : format, batch, field));
    if (citeStyle) io.write(await citeFacts(base, results.flatMap((r) => (r.fact ? [r.fact] : [])), citeStyle));
    return results.some((r) => r.fact === null) ? EXIT_NOT_FOUND : EXIT_OK;
  },
};

async function readQueries({ io }: Context): Promise<string[]> {
  const input = await io.readStdin();
  if (input === null) throw new UsageError('"zgc stat -" reads queries from stdin, but stdin is a terminal: pipe queries in, one per line');
  const queries = input.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (!queries.length) throw new UsageError('no input: stdin held no query');
  return queries.map((q) => readQuery([q]));
}

async function render(ctx: Context, base: FactBase, results: Lookup[], format: Format | 'field', batch: boolean, field?: string): Promise<string> {
  switch (format) {
    case 'field':
      // One line per query, empty for a miss, so that lines stay aligned with the queries.
      return results.map((r) => (r.fact ? factField(r.fact, base, field!) : '') + '\n').join('');
    case 'json':
      // One query is one document; a batch is one line per query, as NDJSON.
      if (!batch) return jsonDocument(lookupJson(results[0]!, base));
      return renderRecords(lookupRows(results, base), 'ndjson', ctx.style);
    case 'table':
      return results.flatMap((r) => (r.fact ? [renderFactCard({ ...r, fact: r.fact }, base, ctx.style, outputWidth(ctx.io))] : [])).join('\n');
    case 'plain':
      if (!batch) return results[0]!.fact ? renderFactPlain({ ...results[0]!, fact: results[0]!.fact }, base) : '';
      return renderRecords(lookupRows(results, base), 'plain', ctx.style);
    default:
      return renderRecords(lookupRows(results, base), format, ctx.style, outputWidth(ctx.io));
  }
}
