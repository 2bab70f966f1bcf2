import type { CommandSpec } from './types.js';
import { factsDir, factsOption, formatOptions, outputFormat, type Format } from './options.js';
import { loadFacts } from '../facts/load.js';
import { findFact, MAX_QUERY_LENGTH } from '../search/find.js';
import { lookupJson, renderFactCard, renderFactPlain, renderMiss } from '../output/fact.js';
import { EXIT_NOT_FOUND, EXIT_OK, UsageError } from '../errors.js';

export const stat: CommandSpec = {
  name: 'stat',
  summary: 'look a fact up by id, alias or words, with its sources',
  examples: ['zgc stat rnd-2024', 'zgc stat "R&D spending 2024"', 'zgc stat rnd-2024 --json', 'zgc stat zgc-2025-events --facts ./my-facts'],
  configure(cmd) {
    cmd.argument('<query...>', 'fact id, alias or words');
    factsOption(cmd);
    formatOptions(cmd, ['table', 'plain', 'json']);
  },
  async run({ io, style }, args, opts) {
    const query = args.join(' ');
    if (!query.trim()) throw new UsageError('the query is empty');
    if (query.length > MAX_QUERY_LENGTH) throw new UsageError(`the query is longer than ${MAX_QUERY_LENGTH} characters`);
    const format: Format = outputFormat(opts as { format?: Format; json?: boolean }, io);
    const base = await loadFacts(factsDir(opts as { facts?: string }, io), { cwd: io.cwd });
    const result = await findFact(base, query);
    if (format === 'json') io.write(JSON.stringify(lookupJson(result, base), null, 2) + '\n');
    if (result.fact === null) {
      io.error(`zgc: ${renderMiss(query, result.suggestions)}`);
      return EXIT_NOT_FOUND;
    }
    if (format === 'table') io.write(renderFactCard(result, base, style));
    else if (format === 'plain') io.write(renderFactPlain(result, base));
    return EXIT_OK;
  },
};
