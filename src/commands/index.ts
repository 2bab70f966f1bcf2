/** Every command zgc has, in the order --help lists them. */
import type { CommandSpec } from './types.js';
import { stat } from './stat.js';
import { search } from './search.js';
import { list } from './list.js';
import { completion } from './completion.js';
import { lint } from './lint.js';
import { source, sources } from './sources.js';
import { newFact } from './new.js';
import { cite } from './cite.js';
import { check } from './check.js';
import { schema } from './schema.js';

export const commands: CommandSpec[] = [stat, search, list, check, sources, source, cite, lint, newFact, schema, completion];
